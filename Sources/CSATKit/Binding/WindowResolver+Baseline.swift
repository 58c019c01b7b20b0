// MARK: - Baselines (`vs previous`, `vs last year`)

extension Binder {
  /// Binds `vs previous`, `vs last year` or `vs rest` (grammar.md: `baseline`).
  ///
  /// With a calendar unit among the groupings, each bucket is compared with its earlier
  /// bucket (`BucketBaseline`); `resolved` is the query's window as resolved.
  func bind(
    baseline: BaselineSyntax, window: WindowSyntax?, resolved: ResolvedWindow?,
    groupings: [BoundGrouping]
  ) throws -> BoundBaseline {
    if baseline.kind == .rest { return .rest }
    guard let window, let resolved else {
      throw QueryError(
        .error(
          ParseMessage.baselineNeedsWindow(baseline.kind), at: baseline.range,
          notes: [ParseMessage.baselineNeedsWindowNote]))
    }
    let lastYear = baseline.kind == .lastYear
    let resolver = WindowResolver(zone: zone, now: now)
    let units = groupings.compactMap { grouping -> CalendarUnit? in
      if case .timeBucket(let unit, _) = grouping { return unit }
      return nil
    }
    guard let unit = units.first else {
      return .window(resolver.earlier(window, lastYear: lastYear))
    }
    guard units.count == 1 else {
      throw QueryError(
        .error(
          "'\(slice(baseline.range))' compares each bucket with an earlier one, so the query"
            + " may group by one calendar unit only, not by "
            + units.map(\.rawValue).joined(separator: " and "), at: baseline.range,
          notes: ["keep one of them, e.g. 'by \(units[units.count - 1].rawValue)'"]))
    }
    return .buckets(
      BucketBaseline(
        earlier: resolver.earlier(resolved, buckets: unit, lastYear: lastYear), unit: unit,
        lastYear: lastYear))
  }
}

extension WindowResolver {
  /// The window a query's window is compared with: the one just before it (`vs previous`)
  /// or the same one a year earlier (`vs last year`). See grammar.md, "baseline".
  func earlier(_ window: WindowSyntax, lastYear: Bool) -> ResolvedWindow {
    let current = resolve(window, text: "")
    let text = lastYear ? "last year" : "previous"
    switch window.kind {
    case .sinceDuration(let count, let unit):
      if lastYear { return movedBack(current, months: 12, text: text) }
      switch unit {
      case .day: return movedBack(current, days: count, text: text)
      case .week: return movedBack(current, days: 7 * count, text: text)
      case .month: return movedBack(current, months: count, text: text)
      case .year: return movedBack(current, months: 12 * count, text: text)
      }
    case .sinceDate:
      if lastYear { return movedBack(current, months: 12, text: text) }
      return movedBack(current, days: today - current.firstDay + 1, text: text)
    case .this(let unit):
      if lastYear {
        return unit == .week
          ? movedBack(current, days: 364, text: text) : movedBack(current, months: 12, text: text)
      }
      switch unit {
      case .day: return movedBack(current, days: 1, text: text)
      case .week: return movedBack(current, days: 7, text: text)
      case .month: return movedBack(current, months: 1, text: text)
      case .quarter: return movedBack(current, months: 3, text: text)
      case .year: return movedBack(current, months: 12, text: text)
      }
    case .between:
      if lastYear {
        return wholeDays(
          Self.yearBefore(current.firstDay), Self.yearBefore(current.lastDay), text: text)
      }
      let length = current.lastDay - current.firstDay + 1
      return wholeDays(current.firstDay - length, current.lastDay - length, text: text)
    case .during(let period):
      return periodBefore(Self.unit(of: period), current.firstDay, lastYear: lastYear, text: text)
    case .last(let unit):
      return periodBefore(unit, current.firstDay, lastYear: lastYear, text: text)
    }
  }

  /// The calendar unit of a `during` period.
  private static func unit(of period: PeriodLiteral) -> CalendarUnit {
    switch period {
    case .year: .year
    case .quarter: .quarter
    case .month: .month
    case .week: .week
    case .day: .day
    }
  }

  /// The same day one year earlier; 29 February becomes 28 February.
  private static func yearBefore(_ day: Int) -> Int {
    CalendarMath.dayNumber(CalendarMath.addingMonths(-12, to: CalendarMath.civilDate(day)))
  }

  /// The whole period of `unit` before the one starting on `first`, or, a year earlier, the
  /// period holding the same day a year before (for weeks, 52 weeks before, a Monday).
  private func periodBefore(
    _ unit: CalendarUnit, _ first: Int, lastYear: Bool, text: String
  ) -> ResolvedWindow {
    let day: Int
    if lastYear {
      day = unit == .week ? first - 364 : Self.yearBefore(first)
    } else {
      day = first - 1
    }
    let (start, end) = Self.period(unit, containing: day)
    return wholeDays(start, end, text: text)
  }

  func wholeDays(_ first: Int, _ last: Int, text: String) -> ResolvedWindow {
    ResolvedWindow(
      lower: zone.startOfDay(first), upper: zone.startOfDay(last + 1), text: text,
      firstDay: first, lastDay: last, endsNow: false)
  }

  /// A window ending now moved back by whole days: from the midnight `days` before its first
  /// day to the same clock time `days` before now.
  private func movedBack(_ window: ResolvedWindow, days: Int, text: String) -> ResolvedWindow {
    ending(first: window.firstDay - days, lastDay: today - days, text: text)
  }

  /// A window ending now moved back by calendar months, each day clamped to its month.
  private func movedBack(_ window: ResolvedWindow, months: Int, text: String) -> ResolvedWindow {
    let back = { (day: Int) in
      CalendarMath.dayNumber(CalendarMath.addingMonths(-months, to: CalendarMath.civilDate(day)))
    }
    return ending(first: back(window.firstDay), lastDay: back(today), text: text)
  }

  /// From the midnight of `first` to the clock time of now on `lastDay`, that instant included.
  func ending(first: Int, lastDay: Int, text: String) -> ResolvedWindow {
    let clock = zone.local(now) - Int64(today) * CalendarMath.millisecondsPerDay
    let end = zone.utc(fromLocal: Int64(lastDay) * CalendarMath.millisecondsPerDay + clock)
    return ResolvedWindow(
      lower: zone.startOfDay(first), upper: max(end + 1, zone.startOfDay(first)), text: text,
      firstDay: first, lastDay: lastDay, endsNow: true)
  }
}
