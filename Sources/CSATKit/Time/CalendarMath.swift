/// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01).
public enum CalendarMath {
  public static let millisecondsPerDay: Int64 = 86_400_000

  /// The day number of a civil date.
  public static func dayNumber(_ date: CivilDate) -> Int {
    let year = date.month <= 2 ? date.year - 1 : date.year
    let era = (year >= 0 ? year : year - 399) / 400
    let yearOfEra = year - era * 400
    let shiftedMonth = date.month > 2 ? date.month - 3 : date.month + 9
    let dayOfYear = (153 * shiftedMonth + 2) / 5 + date.day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The civil date of a day number.
  public static func civilDate(_ dayNumber: Int) -> CivilDate {
    let shifted = dayNumber + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return CivilDate(year: year, month: month, day: day)
  }

  public static func isLeapYear(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  public static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: isLeapYear(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  public static func isValid(_ date: CivilDate) -> Bool {
    (1...12).contains(date.month) && date.day >= 1
      && date.day <= daysInMonth(year: date.year, month: date.month)
  }

  /// Monday = 0 … Sunday = 6.
  public static func weekday(_ dayNumber: Int) -> Int {
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    ((dayNumber % 7) + 7 + 3) % 7
  }

  /// Adds calendar months; a day past the new month's end becomes its last day.
  public static func addingMonths(_ months: Int, to date: CivilDate) -> CivilDate {
    let total = date.year * 12 + (date.month - 1) + months
    let year = total >= 0 ? total / 12 : (total - 11) / 12
    let month = total - year * 12 + 1
    let day = min(date.day, daysInMonth(year: year, month: month))
    return CivilDate(year: year, month: month, day: day)
  }

  /// The ISO 8601 week-year and week (1…53) of a day.
  public static func isoWeek(_ dayNumber: Int) -> (year: Int, week: Int) {
    // The week belongs to the year that holds its Thursday.
    let thursday = dayNumber - weekday(dayNumber) + 3
    let year = civilDate(thursday).year
    let firstDay = CalendarMath.dayNumber(CivilDate(year: year, month: 1, day: 1))
    return (year, (thursday - firstDay) / 7 + 1)
  }

  /// The day number of the Monday that starts ISO week `week` of ISO week-year `year`.
  public static func isoWeekStart(year: Int, week: Int) -> Int {
    let january4 = dayNumber(CivilDate(year: year, month: 1, day: 4))
    return january4 - weekday(january4) + (week - 1) * 7
  }

  /// Whether an ISO week-year has a week 53.
  public static func isoWeeksInYear(_ year: Int) -> Int {
    isoWeek(dayNumber(CivilDate(year: year, month: 12, day: 28))).week
  }

  /// `YYYY-MM-DD`.
  public static func label(_ date: CivilDate) -> String {
    "\(pad(date.year, 4))-\(pad(date.month, 2))-\(pad(date.day, 2))"
  }

  static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(abs(value))
    let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
    return value < 0 ? "-" + padded : padded
  }
}

/// Floor division, for day numbers and bucket keys before 1970.
@inline(__always)
func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
  let quotient = value / divisor
  return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
}
