/// The calendar arithmetic the loader needs, in the loader's terms (separate year, month and
/// day; days and milliseconds as `Int64`), on top of `CalendarMath`.
enum CivilTime {
  static let millisecondsPerDay = CalendarMath.millisecondsPerDay

  /// Whether year, month and day name a real date (no 30 February, no month 13).
  @inline(__always)
  static func isValidDate(_ year: Int, _ month: Int, _ day: Int) -> Bool {
    CalendarMath.isValid(CivilDate(year: year, month: month, day: day))
  }

  /// Days from 1970-01-01 to the given date (negative before it).
  @inline(__always)
  static func daysSinceEpoch(_ year: Int, _ month: Int, _ day: Int) -> Int64 {
    Int64(CalendarMath.dayNumber(CivilDate(year: year, month: month, day: day)))
  }

  /// The date of a day counted from 1970-01-01: the inverse of ``daysSinceEpoch``.
  static func date(fromDays days: Int64) -> (year: Int, month: Int, day: Int) {
    let date = CalendarMath.civilDate(Int(days))
    return (date.year, date.month, date.day)
  }

  /// Milliseconds from the epoch for a wall-clock time read as if it were UTC.
  @inline(__always)
  static func milliseconds(
    year: Int, month: Int, day: Int, millisecondOfDay: Int64
  ) -> Int64 {
    daysSinceEpoch(year, month, day) * millisecondsPerDay + millisecondOfDay
  }

  /// Floor division, for splitting milliseconds into days when they may be negative.
  @inline(__always)
  static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
    CSATKit.floorDivide(value, divisor)
  }
}
