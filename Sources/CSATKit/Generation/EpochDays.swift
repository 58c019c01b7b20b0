/// Day arithmetic for the generator: calendar dates as whole days since 1970-01-01 (UTC).
///
/// Kept apart from `CivilDate` itself so the generator adds nothing to the shared type. The
/// conversions use the proleptic Gregorian calendar and eras of 400 years (146 097 days),
/// counted from 0000-03-01 so that leap days fall at the end of each shifted year.
enum EpochDays {
  /// Days from 0000-03-01 to 1970-01-01.
  private static let epochShift = 719_468
  private static let daysPerEra = 146_097

  /// Days since 1970-01-01 of `date` (negative before it).
  static func days(of date: CivilDate) -> Int {
    let shiftedYear = date.month <= 2 ? date.year - 1 : date.year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let monthFromMarch = date.month > 2 ? date.month - 3 : date.month + 9
    let dayOfYear = (153 * monthFromMarch + 2) / 5 + date.day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * daysPerEra + dayOfEra - epochShift
  }

  /// The calendar date `days` days after 1970-01-01.
  static func date(_ days: Int) -> CivilDate {
    let shifted = days + epochShift
    let era = (shifted >= 0 ? shifted : shifted - (daysPerEra - 1)) / daysPerEra
    let dayOfEra = shifted - era * daysPerEra
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthFromMarch = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
    let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return CivilDate(year: year, month: month, day: day)
  }

  /// Monday 0 through Sunday 6 for the day `days` days after 1970-01-01.
  static func weekdayFromMonday(_ days: Int) -> Int {
    // 1970-01-01 was a Thursday: 3 when Monday is 0.
    let offset = (days + 3) % 7
    return offset >= 0 ? offset : offset + 7
  }

  /// The ISO 8601 form of a date with a four-digit year, `YYYY-MM-DD`.
  static func iso(_ date: CivilDate) -> String {
    func padded(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    return padded(date.year, 4) + "-" + padded(date.month, 2) + "-" + padded(date.day, 2)
  }
}
