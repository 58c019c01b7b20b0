import Foundation

/// The order of day and month in slash dates such as `3/4/2026`.
public enum DateOrder: String, Sendable {
  /// `M/D/YYYY`, the United States habit.
  case monthDay = "mdy"
  /// `D/M/YYYY`, the habit nearly everywhere else.
  case dayMonth = "dmy"
}

/// Choices that change how files are read.
public struct LoadOptions: Sendable {
  /// The satisfaction column by name; `nil` lets the loader find it.
  public var csatColumn: String?
  /// The recommend (NPS) column by name; `nil` lets the loader find it.
  public var npsColumn: String?
  /// The response time column by name; `nil` lets the loader find it.
  public var timeColumn: String?
  /// The order for slash dates in every column; `nil` decides per column from the values.
  public var dateOrder: DateOrder?
  /// Whether a row with too few or too many fields stops the load.
  public var strict: Bool
  /// The report time zone; timestamps written without an offset are local times in it.
  public var timeZone: TimeZone
  /// The columns to keep, by name; `nil` keeps them all.
  ///
  /// The other columns are still split into fields, to find where records end and to count
  /// their fields, but their values are neither read nor stored, and the dataset leaves them
  /// out (the kept ones stay in file order). A name matches a header name, both trimmed of
  /// surrounding whitespace, exactly; a name that matches none is ignored.
  public var columns: Set<String>?
  /// Receives how far the load has read, when a progress bar is drawn.
  public var progress: LoadProgress?
  /// Asked now and then while reading: `true` stops the load, which then throws
  /// ``LoadInterrupted`` (the shell's Ctrl-C).
  public var isCancelled: (@Sendable () -> Bool)?
  /// How the chunks are shared among threads.
  var sharing = ChunkSharing()

  public init(
    csatColumn: String? = nil, npsColumn: String? = nil, timeColumn: String? = nil,
    dateOrder: DateOrder? = nil, strict: Bool = false, timeZone: TimeZone = .utcZone,
    columns: Set<String>? = nil
  ) {
    self.csatColumn = csatColumn
    self.npsColumn = npsColumn
    self.timeColumn = timeColumn
    self.dateOrder = dateOrder
    self.strict = strict
    self.timeZone = timeZone
    self.columns = columns
  }

  /// The indices of the columns among `names` that ``columns`` keeps, in order.
  func keptColumns(of names: [String]) -> [Int] {
    guard let columns else { return Array(names.indices) }
    let wanted = Set(columns.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
    return names.indices.filter { wanted.contains(names[$0]) }
  }
}

extension TimeZone {
  /// Coordinated Universal Time (identifier `UTC`).
  ///
  /// The fallbacks never run on a system with tzdata; they only avoid a force unwrap.
  public static let utcZone =
    TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? TimeZone.current
}

/// Something odd in a file that did not stop the load.
public struct LoadWarning: Sendable, Equatable, CustomStringConvertible {
  public var file: String
  /// The 1-based physical line, when the warning has one.
  public var line: Int?
  /// Lower case, says what was found and what the loader did about it.
  public var message: String

  public init(file: String, line: Int? = nil, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  /// `file:line: warning: message`, or `file: warning: message` without a line.
  public var description: String {
    "\(fileLocation(file, line)): warning: \(message)"
  }
}

/// A file that cannot be loaded, or a role that cannot be set.
public struct DataError: Error, Sendable, Equatable, CustomStringConvertible {
  public var file: String
  /// The 1-based physical line, when the error has one.
  public var line: Int?
  /// Lower case, says what was wrong and what was expected.
  public var message: String

  public init(file: String, line: Int? = nil, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  /// `file:line: error: message`, or `file: error: message` without a line.
  public var description: String {
    "\(fileLocation(file, line)): error: \(message)"
  }
}

/// `file:line`, or `file` alone.
private func fileLocation(_ file: String, _ line: Int?) -> String {
  guard let line else { return file }
  return "\(file):\(line)"
}

/// A loaded dataset and whatever the loader noticed on the way.
public struct LoadResult: Sendable {
  public var dataset: Dataset
  public var warnings: [LoadWarning]
  /// Wall-clock seconds the load took, reading the files included.
  public var seconds: Double
  /// Each column's summary as loaded, so that the load summary need not read the columns
  /// again; empty when not known, and ignored when it no longer fits `dataset`.
  var summaries: [ColumnSummary] = []
  /// The chunks' buffers, freed in the background once the result is dropped.
  var spent: SpentBuffers?

  public init(dataset: Dataset, warnings: [LoadWarning], seconds: Double = 0) {
    self.dataset = dataset
    self.warnings = warnings
    self.seconds = seconds
  }
}

/// A load stopped by ``LoadOptions/isCancelled``, before any data was replaced.
public struct LoadInterrupted: Error, CustomStringConvertible {
  public var description: String { "error: load interrupted; the data loaded before is kept" }
}

/// Buffers a load no longer needs, freed on a thread of their own when the last reference
/// goes. By then the caller has built what it wanted from the load (the shell its catalog),
/// and handing back about a gigabyte of pages, which takes the system about a tenth of a
/// second, need not hold up the load or share the processors with that work.
final class SpentBuffers: @unchecked Sendable {
  private let builders: [ColumnBuilder]

  init(_ builders: [ColumnBuilder]) {
    self.builders = builders
  }

  deinit {
    let spent = UncheckedSendable(value: builders)
    Thread.detachNewThread {
      for var builder in spent.value { builder.release() }
      // The allocator keeps most of the smaller buffers' pages: hand them back too.
      releaseFreeMemory()
    }
  }
}
