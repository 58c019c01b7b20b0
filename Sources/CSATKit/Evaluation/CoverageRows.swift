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
    // Every count covers the window up to now; only shown periods get a count each, so memory
    // grows with segments × periods only up to six periods.
    var tally = CoverageTally(
      segments: segments.cardinality,
      periods: periods.count <= Self.coveragePeriodColumns ? periods.count : 0)
    for row in select(condition: coverage.condition, window: coverage.window).matchingRows() {
      let time = times.values[row]
      guard time != TimestampColumn.missing, time <= coverage.now else { continue }
      let period = TimeBucket.ordinal(coverage.unit, day: zone.localDay(time)) - periods.first
      guard (0..<periods.count).contains(period) else { continue }
      tally.add(
        segment: Int(segments.key(atOffset: row)), period: period,
        isLatest: period == periods.count - 1)
    }
    // The last response is looked for in the whole data that meets the condition, up to the
    // window's end or now, whichever comes first.
    let end = min(coverage.window.map { $0.upper - 1 } ?? coverage.now, coverage.now)
    var last = [Int64?](repeating: nil, count: segments.cardinality)
    for row in select(condition: coverage.condition, window: nil).matchingRows() {
      let time = times.values[row]
      guard time != TimestampColumn.missing, time <= end else { continue }
      let key = Int(segments.key(atOffset: row))
      last[key] = max(last[key] ?? time, time)
    }

    let keys = (0..<segments.cardinality).filter { present[$0] }.sorted {
      segments.ranks[$0] < segments.ranks[$1]
    }
    let nowDay = zone.localDay(coverage.now)
    let rows = keys.map { key in
      coverageRow(
        label: segments.labels[key], tally: tally, segment: key, periods: periods.count,
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
    label: Cell, tally: CoverageTally, segment: Int, periods: Int, last: Int?, nowDay: Int
  ) -> [Cell] {
    let total = tally.total[segment]
    var cells: [Cell] = [label, .integer(total)]
    cells.append(periods == 0 ? .notApplicable : .figure(.ratio(total, periods)))
    cells += tally.shown(segment: segment).map { .integer($0) }
    cells.append(last.map { .time(CalendarMath.label(CalendarMath.civilDate($0))) } ?? .blank)
    cells.append(last.map { .integer(nowDay - $0) } ?? .notApplicable)
    cells.append(.boolean(total == 0))
    cells.append(periods == 0 ? .notApplicable : .boolean(tally.latest[segment] == 0))
    return cells
  }

  /// The window, the periods counted and the day the days since count to. A window that
  /// starts after now says so, as nothing in it can be counted; one that runs past now (or no
  /// window) says counting stops at now.
  private func coverageCaption(
    _ coverage: BoundCoverage, periods: (first: Int, count: Int), nowDay: Int
  ) -> String {
    let unit = coverage.unit.rawValue
    let today = "days since counted to " + CalendarMath.label(CalendarMath.civilDate(nowDay))
    let now = "now (\(localTimeText(coverage.now)) \(zone.timeZone.displayName))"
    if let window = coverage.window, window.lower > coverage.now {
      let start = CalendarMath.label(CalendarMath.civilDate(window.firstDay))
      return "\(window.text): starts \(start), after \(now): nothing to count; \(today)"
    }
    var window = caption(coverage.window) ?? "no responses"
    let end = coverage.window?.upper ?? catalog.timeRange.map { $0.upperBound + 1 } ?? 0
    if end > coverage.now + 1 {
      window += "; counted up to \(now)"
    }
    guard periods.count > 0 else { return "\(window); no \(unit)s; \(today)" }
    let first = TimeBucket.label(coverage.unit, ordinal: periods.first)
    let last = TimeBucket.label(coverage.unit, ordinal: periods.first + periods.count - 1)
    let plural = periods.count == 1 ? unit : unit + "s"
    return "\(window); \(periods.count) \(plural) (\(first) to \(last)); \(today)"
  }
}

/// Per segment: the responses counted, those in the latest period, and one count per period
/// when the periods are shown (`periods` is 0 otherwise).
struct CoverageTally {
  private(set) var total: [Int]
  private(set) var latest: [Int]
  private var perPeriod: [Int]
  private let periods: Int

  init(segments: Int, periods: Int) {
    total = [Int](repeating: 0, count: segments)
    latest = total
    perPeriod = [Int](repeating: 0, count: segments * periods)
    self.periods = periods
  }

  mutating func add(segment: Int, period: Int, isLatest: Bool) {
    total[segment] += 1
    if isLatest { latest[segment] += 1 }
    if periods > 0 { perPeriod[segment * periods + period] += 1 }
  }

  /// The segment's count in each shown period, oldest first; empty when none are shown.
  func shown(segment: Int) -> ArraySlice<Int> {
    perPeriod[segment * periods..<(segment + 1) * periods]
  }
}
