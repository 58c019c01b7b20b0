/// Turns a window as written (`since 30d`, `last month`) into instants in the report zone.
struct WindowResolver {
  let zone: ZoneOffsets
  /// Now, in ms since the epoch.
  let now: Int64

  var today: Int { zone.localDay(now) }

  /// Resolves a window; `text` is what the user wrote, for the caption.
  func resolve(_ window: WindowSyntax, text: String) -> ResolvedWindow {
    switch window.kind {
    case .sinceDuration(let count, let unit):
      let first: Int
      switch unit {
      case .day: first = today - count + 1
      case .week: first = today - 7 * count + 1
      case .month: first = monthsBack(count) + 1
      case .year: first = monthsBack(12 * count) + 1
      }
      return untilNow(from: first, text: text)
    case .sinceDate(let date):
      return untilNow(from: CalendarMath.dayNumber(date), text: text)
    case .between(let from, let to):
      let first = CalendarMath.dayNumber(from)
      let last = CalendarMath.dayNumber(to)
      return whole(from: first, through: last, text: text)
    case .during(let period):
      let (first, last) = Self.days(of: period)
      return whole(from: first, through: last, text: text)
    case .this(let unit):
      let (first, _) = Self.period(unit, containing: today)
      return untilNow(from: first, text: text)
    case .last(let unit):
      let (currentFirst, _) = Self.period(unit, containing: today)
      let (first, last) = Self.period(unit, containing: currentFirst - 1)
      return whole(from: first, through: last, text: text)
    }
  }

  private func monthsBack(_ months: Int) -> Int {
    let date = CalendarMath.addingMonths(-months, to: CalendarMath.civilDate(today))
    return CalendarMath.dayNumber(date)
  }

  private func untilNow(from first: Int, text: String) -> ResolvedWindow {
    ResolvedWindow(
      lower: zone.startOfDay(first), upper: now + 1, text: text, firstDay: first,
      lastDay: today, endsNow: true)
  }

  private func whole(from first: Int, through last: Int, text: String) -> ResolvedWindow {
    ResolvedWindow(
      lower: zone.startOfDay(first), upper: zone.startOfDay(last + 1), text: text,
      firstDay: first, lastDay: last, endsNow: false)
  }

  /// The first and last day of a `during` period.
  static func days(of period: PeriodLiteral) -> (Int, Int) {
    switch period {
    case .year(let year):
      return yearDays(year)
    case .quarter(let year, let quarter):
      let first = CivilDate(year: year, month: 3 * quarter - 2, day: 1)
      let next = CalendarMath.addingMonths(3, to: first)
      return (CalendarMath.dayNumber(first), CalendarMath.dayNumber(next) - 1)
    case .month(let year, let month):
      let first = CivilDate(year: year, month: month, day: 1)
      let next = CalendarMath.addingMonths(1, to: first)
      return (CalendarMath.dayNumber(first), CalendarMath.dayNumber(next) - 1)
    case .week(let year, let week):
      let monday = CalendarMath.isoWeekStart(year: year, week: week)
      return (monday, monday + 6)
    case .day(let date):
      let day = CalendarMath.dayNumber(date)
      return (day, day)
    }
  }

  private static func yearDays(_ year: Int) -> (Int, Int) {
    let first = CalendarMath.dayNumber(CivilDate(year: year, month: 1, day: 1))
    return (first, CalendarMath.dayNumber(CivilDate(year: year + 1, month: 1, day: 1)) - 1)
  }

  /// The first and last day of the calendar period of `unit` that holds `day`.
  static func period(_ unit: CalendarUnit, containing day: Int) -> (Int, Int) {
    let date = CalendarMath.civilDate(day)
    switch unit {
    case .day:
      return (day, day)
    case .week:
      let monday = day - CalendarMath.weekday(day)
      return (monday, monday + 6)
    case .month:
      return days(of: .month(year: date.year, month: date.month))
    case .quarter:
      return days(of: .quarter(year: date.year, quarter: (date.month - 1) / 3 + 1))
    case .year:
      return yearDays(date.year)
    }
  }
}
