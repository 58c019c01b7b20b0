/// When responses arrive: a weight for every hour of the window, shaped by slow growth, the
/// season, the day of the week and the hour of the day.
///
/// Row `k` of `n` is placed by inverting the cumulative hour weights at `(k + u) / n` with
/// `u` uniform in [0, 1): rows come out in time order, as a CRM export lists them, and the
/// volume follows the weights.
struct ResponseTimeline {
  /// Relative volume by UTC hour of the day, 00:00 to 23:00.
  static let hourShape: [Double] = [
    0.28, 0.22, 0.2, 0.24, 0.34, 0.5, 0.68, 0.86, 1.02, 1.14, 1.2, 1.24,
    1.26, 1.36, 1.46, 1.5, 1.44, 1.32, 1.16, 0.98, 0.78, 0.6, 0.46, 0.34,
  ]
  /// Relative volume by day of the week, Monday to Sunday.
  static let weekdayShape: [Double] = [1.08, 1.06, 1.02, 1.0, 0.94, 0.52, 0.42]
  /// Relative volume by month, January to December (a summer lull, a December peak).
  static let monthShape: [Double] = [
    1.04, 0.98, 1.0, 1.0, 0.98, 0.94, 0.88, 0.86, 1.0, 1.02, 1.06, 1.14,
  ]
  /// How much busier the last day is than the first.
  static let growth = 0.7

  /// The first day of the window, in days since 1970-01-01.
  let firstDay: Int
  let dayCount: Int
  /// Running totals of the hour weights; `hourTotals[h]` covers hours 0...h of the window.
  let hourTotals: [Double]
  /// `YYYY-MM-DDT` for each day of the window, concatenated (11 bytes a day).
  let dayPrefixes: [UInt8]
  /// Days of the window (0-based, end exclusive) when the incident hurt its product.
  let incidentDays: Range<Int>

  /// The timeline of the `days` days that end with `end` (inclusive).
  init(end: CivilDate, days: Int) {
    firstDay = CalendarMath.dayNumber(end) - days + 1
    dayCount = days

    var totals: [Double] = []
    totals.reserveCapacity(days * 24)
    var prefixes: [UInt8] = []
    prefixes.reserveCapacity(days * 11)
    var running = 0.0
    for index in 0..<days {
      let date = CalendarMath.civilDate(firstDay + index)
      let dayWeight =
        (1 + ResponseTimeline.growth * Double(index) / Double(days))
        * ResponseTimeline.weekdayShape[CalendarMath.weekday(firstDay + index)]
        * ResponseTimeline.monthShape[date.month - 1]
      for hour in 0..<24 {
        running += dayWeight * ResponseTimeline.hourShape[hour]
        totals.append(running)
      }
      prefixes += Array(CalendarMath.label(date).utf8) + [UInt8(ascii: "T")]
    }
    hourTotals = totals
    dayPrefixes = prefixes

    let incidentFrom = CalendarMath.dayNumber(SurveyCatalog.incidentStart) - firstDay
    let incidentTo = CalendarMath.dayNumber(SurveyCatalog.incidentEnd) - firstDay
    incidentDays = max(0, incidentFrom)..<max(max(0, incidentFrom), incidentTo)
  }

  /// The first hour of the window whose running total exceeds `target`; the last hour
  /// when none does.
  func hour(reaching target: Double) -> Int {
    var low = 0
    var high = hourTotals.count - 1
    while low < high {
      let middle = (low + high) / 2
      if hourTotals[middle] > target {
        high = middle
      } else {
        low = middle + 1
      }
    }
    return low
  }
}
