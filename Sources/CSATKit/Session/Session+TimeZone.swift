import Foundation

// MARK: - `.set tz`, `.set date_format`

extension Session {
  /// Sets the report time zone (`.set tz`) and reads the loaded CSV files again in it, so
  /// that timestamps written without an offset are in the new zone, as `--tz` would read them.
  func changeTimeZone(to zone: TimeZone) {
    let previous = settings.timeZone
    settings.timeZone = zone
    guard zone != previous else { return }
    rereadTimes(
      done: "in \(zone.displayName)", moved: ("time without an offset", "times without an offset"),
      kept: "times without an offset stay in \(previous.displayName)")
  }

  /// Sets the day/month order of ambiguous slash dates (`.set date_format`) and reads the
  /// loaded CSV files again with it.
  func changeDateOrder(to order: DateOrder) {
    let previous = loadOptions.dateOrder
    loadOptions.dateOrder = order
    guard order != previous else { return }
    let name = order == .dayMonth ? "day/month" : "month/day"
    rereadTimes(
      done: "with \(name) dates", moved: ("ambiguous date", "ambiguous dates"),
      kept: "it applies to the next load")
  }

  /// Reads the loaded CSV files again after a setting that changes how times are read, and
  /// says how many times moved. The roles set with `.set` are kept. A snapshot keeps its
  /// instants (it stores no wall-clock times): the change applies to the next CSV load.
  private func rereadTimes(done: String, moved what: (String, String), kept: String) {
    guard let old = catalog, old.dataset.columns.contains(where: { $0.type == .timestamp })
    else { return }
    guard let paths = loadedPaths else {
      sink.message("note: the data is not from CSV files and is not read again; \(kept)\n")
      return
    }
    // TODO(#4): re-read only the offset-free times once the loader records which they are.
    guard load(paths: paths, quiet: true), let catalog else {
      sink.message("warning: the data could not be read again; \(kept)\n")
      return
    }
    if catalog.dataset.columns.map(\.name) == old.dataset.columns.map(\.name) {
      updateRoles { $0 = old.dataset.roles }
    }
    let count = Self.movedTimes(from: old.dataset, to: catalog.dataset)
    let times = count == 1 ? "1 \(what.0)" : "\(LoadSummary.groupedDigits(count)) \(what.1)"
    sink.message("re-read the data \(done): \(times) moved\n")
  }

  /// How many timestamps differ between two readings of the same files.
  static func movedTimes(from old: Dataset, to new: Dataset) -> Int {
    guard old.rowCount == new.rowCount else { return 0 }
    var moved = 0
    for (before, after) in zip(old.columns, new.columns) {
      guard case .timestamp(let first) = before.data, case .timestamp(let second) = after.data
      else { continue }
      for (a, b) in zip(first.values, second.values) where a != b { moved += 1 }
    }
    return moved
  }
}
