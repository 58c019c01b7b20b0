/// Calendar arithmetic on the proleptic Gregorian calendar, with no Foundation call.
enum CivilTime {
  static let millisecondsPerDay: Int64 = 86_400_000

  /// Whether `year` has a 29 February.
  static func isLeapYear(_ year: Int) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }

  /// The number of days in `month` (1–12) of `year`.
  static func daysInMonth(_ year: Int, _ month: Int) -> Int {
    switch month {
    case 2: isLeapYear(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Whether year, month and day name a real date (no 30 February, no month 13).
  static func isValidDate(_ year: Int, _ month: Int, _ day: Int) -> Bool {
    month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  }

  /// Days from 1970-01-01 to the given date (negative before it).
  ///
  /// Counts in 400-year eras starting on 1 March, so the leap day falls at the end of the
  /// counted year: an era has 146,097 days, and the day within its year is found from the
  /// month by the linear formula (153 × m + 2) / 5 over months counted from March.
  static func daysSinceEpoch(_ year: Int, _ month: Int, _ day: Int) -> Int64 {
    let marchYear = month <= 2 ? year - 1 : year
    let era = (marchYear >= 0 ? marchYear : marchYear - 399) / 400
    let yearOfEra = marchYear - era * 400
    let monthFromMarch = month > 2 ? month - 3 : month + 9
    let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    // 719,468 days run from 0000-03-01 to 1970-01-01.
    return Int64(era * 146_097 + dayOfEra - 719_468)
  }

  /// The date of a day counted from 1970-01-01: the inverse of ``daysSinceEpoch``.
  static func date(fromDays days: Int64) -> (year: Int, month: Int, day: Int) {
    let shifted = Int(days) + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthFromMarch = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
    let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (year, month, day)
  }

  /// Milliseconds from the epoch for a wall-clock time read as if it were UTC.
  static func milliseconds(
    year: Int, month: Int, day: Int, millisecondOfDay: Int64
  ) -> Int64 {
    daysSinceEpoch(year, month, day) * millisecondsPerDay + millisecondOfDay
  }

  /// Floor division, for splitting milliseconds into days when they may be negative.
  static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
    let quotient = value / divisor
    return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
  }
}
