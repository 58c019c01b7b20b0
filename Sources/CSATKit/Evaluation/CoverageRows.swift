/// `coverage`: for each segment, how many responses fell in the window and in each period,
/// when the last one came and how long ago that was.
///
/// The segments are every value the field takes anywhere in the data, so a segment with no
/// response in the window shows 0 rather than vanishing.
extension Evaluator {
  /// At most this many periods get a column each; longer windows show the mean only.
  static let coveragePeriodColumns = 6

  /// Runs a `coverage` statement.
  public func run(_ coverage: BoundCoverage) -> ResultTable {
    let dataset = catalog.dataset
    let everyRow = 0..<dataset.rowCount
    let segments = dimension(
      .column(coverage.column, name: coverage.name), window: nil, range: everyRow,
      fillTime: false)
    guard case .timestamp(let times) = dataset.columns[coverage.timeColumn].data else {
      return ResultTable(columns: [], rows: [])
    }
    var present = [Bool](repeating: false, count: segments.cardinality)
    for row in everyRow { present[Int(segments.key(atOffset: row))] = true }

    let periods = coveragePeriods(coverage)
    var counts = [[Int]](
      repeating: [Int](repeating: 0, count: periods.count), count: segments.cardinality)
    for row in select(condition: coverage.condition, window: coverage.window).matchingRows() {
      let time = times.values[row]
      guard time != TimestampColumn.missing else { continue }
      let period = TimeBucket.ordinal(coverage.unit, day: zone.localDay(time)) - periods.first
      guard (0..<periods.count).contains(period) else { continue }
      counts[Int(segments.key(atOffset: row))][period] += 1
    }
    // The last response is looked for in the whole data that meets the condition, up to now.
    var last = [Int64?](repeating: nil, count: segments.cardinality)
    for row in select(condition: coverage.condition, window: nil).matchingRows() {
      let time = times.values[row]
      guard time != TimestampColumn.missing, time <= coverage.now else { continue }
      let key = Int(segments.key(atOffset: row))
      last[key] = max(last[key] ?? time, time)
    }

    let keys = (0..<segments.cardinality).filter { present[$0] }.sorted {
      segments.ranks[$0] < segments.ranks[$1]
    }
    let nowDay = zone.localDay(coverage.now)
    let rows = keys.map { key in
      coverageRow(
        label: segments.labels[key], counts: counts[key], periods: periods.count,
        last: last[key].map(zone.localDay), nowDay: nowDay)
    }
    return ResultTable(
      columns: coverageColumns(coverage, periods: periods), rows: rows,
      caption: coverageCaption(coverage, periods: periods, nowDay: nowDay))
  }

  /// The ordinals of the first period the window touches and how many it touches: from the
  /// window's first day to its last, or without a window from the first response, and never
  /// past now's day (periods still to come cannot have been answered in).
  private func coveragePeriods(_ coverage: BoundCoverage) -> (first: Int, count: Int) {
    let nowDay = zone.localDay(coverage.now)
    let firstDay =
      coverage.window?.firstDay ?? catalog.timeRange.map { zone.localDay($0.lowerBound) }
    let lastDay = min(coverage.window?.lastDay ?? nowDay, nowDay)
    guard let firstDay, firstDay <= lastDay else { return (0, 0) }
    let first = TimeBucket.ordinal(coverage.unit, day: firstDay)
    return (first, TimeBucket.ordinal(coverage.unit, day: lastDay) - first + 1)
  }

  private func coverageColumns(
    _ coverage: BoundCoverage, periods: (first: Int, count: Int)
  ) -> [ResultColumn] {
    var columns = [
      ResultColumn(name: coverage.name, isNumeric: false),
      ResultColumn(name: "n", isNumeric: true),
      ResultColumn(name: "per_" + coverage.unit.rawValue, isNumeric: true),
    ]
    if periods.count <= Self.coveragePeriodColumns {
      columns += (0..<periods.count).map {
        ResultColumn(
          name: TimeBucket.label(coverage.unit, ordinal: periods.first + $0), isNumeric: true)
      }
    }
    return columns + [
      ResultColumn(name: "last_response", isNumeric: false),
      ResultColumn(name: "days_since", isNumeric: true),
      ResultColumn(name: "none_in_window", isNumeric: false),
      ResultColumn(name: "none_in_latest", isNumeric: false),
    ]
  }

  /// One segment's cells, in the order of `coverageColumns`.
  private func coverageRow(
    label: Cell, counts: [Int], periods: Int, last: Int?, nowDay: Int
  ) -> [Cell] {
    let total = counts.reduce(0, +)
    var cells: [Cell] = [label, .integer(total)]
    cells.append(periods == 0 ? .notApplicable : .figure(.ratio(total, periods)))
    if periods <= Self.coveragePeriodColumns { cells += counts.map { .integer($0) } }
    cells.append(last.map { .time(CalendarMath.label(CalendarMath.civilDate($0))) } ?? .blank)
    cells.append(last.map { .integer(nowDay - $0) } ?? .notApplicable)
    cells.append(.boolean(total == 0))
    cells.append(periods == 0 ? .notApplicable : .boolean(counts.last == 0))
    return cells
  }

  /// The window, the periods counted and the day the days since count to.
  private func coverageCaption(
    _ coverage: BoundCoverage, periods: (first: Int, count: Int), nowDay: Int
  ) -> String {
    let window = caption(coverage.window) ?? "no responses"
    let unit = coverage.unit.rawValue
    let today = CalendarMath.label(CalendarMath.civilDate(nowDay))
    guard periods.count > 0 else { return "\(window); no \(unit)s; days since counted to \(today)" }
    let first = TimeBucket.label(coverage.unit, ordinal: periods.first)
    let last = TimeBucket.label(coverage.unit, ordinal: periods.first + periods.count - 1)
    let plural = periods.count == 1 ? unit : unit + "s"
    return "\(window); \(periods.count) \(plural) (\(first) to \(last)); "
      + "days since counted to \(today)"
  }
}
