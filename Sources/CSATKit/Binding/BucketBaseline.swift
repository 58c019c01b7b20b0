/// `vs previous` and `vs last year` on a query grouped by a calendar unit (`csat by month
/// since 6mo vs previous`): each bucket against its earlier bucket. See grammar.md, "The
/// windows a baseline compares with".
public struct BucketBaseline: Sendable, Equatable {
  /// Where the earlier buckets are counted: the query's window with each end moved into the
  /// earlier bucket of its own (`WindowResolver.earlier(_:buckets:lastYear:)`).
  public var earlier: ResolvedWindow
  public var unit: CalendarUnit
  /// Whether each bucket is compared with the same bucket a year earlier rather than with the
  /// bucket just before it.
  public var lastYear: Bool

  /// The bucket a bucket is compared with: the one before (`vs previous`), or a year earlier
  /// (`vs last year`) the same month, quarter or year, the ISO week with the same number, or
  /// the same date (29 February → 28 February). nil for a week 53 when the year before has
  /// only 52 weeks.
  public func earlierOrdinal(of ordinal: Int) -> Int? {
    guard lastYear else { return ordinal - 1 }
    switch unit {
    case .day:
      return CalendarMath.dayNumber(
        CalendarMath.addingMonths(-12, to: CalendarMath.civilDate(ordinal)))
    case .week:
      let (year, week) = CalendarMath.isoWeek(ordinal * 7 - 3)
      guard week <= CalendarMath.isoWeeksInYear(year - 1) else { return nil }
      return TimeBucket.ordinal(.week, day: CalendarMath.isoWeekStart(year: year - 1, week: week))
    case .month: return ordinal - 12
    case .quarter: return ordinal - 4
    case .year: return ordinal - 1
    }
  }

  /// The day at the same place in the earlier bucket as `day` in its own: one bucket back
  /// (months, quarters and years keep the day in its month: 31 → 30, 29 February → 28), or a
  /// year back (weeks: the same weekday of the ISO week with the same number, 52 weeks back
  /// when that week does not exist).
  static func earlierDay(_ day: Int, _ unit: CalendarUnit, lastYear: Bool) -> Int {
    let monthsBack = { (months: Int) in
      CalendarMath.dayNumber(CalendarMath.addingMonths(-months, to: CalendarMath.civilDate(day)))
    }
    if lastYear {
      guard unit == .week else { return monthsBack(12) }
      let (year, week) = CalendarMath.isoWeek(day)
      guard week <= CalendarMath.isoWeeksInYear(year - 1) else { return day - 364 }
      return CalendarMath.isoWeekStart(year: year - 1, week: week) + CalendarMath.weekday(day)
    }
    switch unit {
    case .day: return day - 1
    case .week: return day - 7
    case .month: return monthsBack(1)
    case .quarter: return monthsBack(3)
    case .year: return monthsBack(12)
    }
  }
}

extension WindowResolver {
  /// Where the earlier buckets of a window grouped by `unit` are counted: from the day in the
  /// earlier bucket that matches the window's first day (its first day when the window starts
  /// a bucket) to the one that matches its last day (the bucket's last day when the window
  /// ends one), or to the same clock time as now there. Each bucket is so compared with the
  /// same stretch of its earlier bucket as the window covers of it.
  func earlier(
    _ window: ResolvedWindow, buckets unit: CalendarUnit, lastYear: Bool
  ) -> ResolvedWindow {
    let shift = { (day: Int) in BucketBaseline.earlierDay(day, unit, lastYear: lastYear) }
    let text =
      lastYear
      ? "each \(unit.rawValue) against the same \(unit.rawValue) a year earlier"
      : "each \(unit.rawValue) against the \(unit.rawValue) before"
    let startsBucket = Self.period(unit, containing: window.firstDay).0 == window.firstDay
    let first =
      startsBucket
      ? Self.period(unit, containing: shift(window.firstDay)).0 : shift(window.firstDay)
    if window.endsNow {
      return ending(first: first, lastDay: shift(today), text: text)
    }
    let endsBucket = Self.period(unit, containing: window.lastDay).1 == window.lastDay
    let last =
      endsBucket ? Self.period(unit, containing: shift(window.lastDay)).1 : shift(window.lastDay)
    return wholeDays(first, max(last, first - 1), text: text)
  }
}
