/// Decoding the values of literal tokens, and checking them against the calendar.
extension StatementParser {
  /// The text of a string token without its quotes, with `\"` and `\\` decoded.
  static func stringValue(_ text: String) -> String {
    var bytes: [UInt8] = []
    var escaping = false
    for byte in text.utf8.dropFirst().dropLast() {
      if !escaping && byte == UInt8(ascii: "\\") {
        escaping = true
        continue
      }
      escaping = false
      bytes.append(byte)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The value of a number token, which must be finite.
  func numberValue(_ token: Token) throws(QueryError) -> Double {
    guard let value = Double(token.text), value.isFinite else {
      throw error(ParseMessage.numberTooLarge(token.text), at: token.range)
    }
    return value
  }

  /// The count and unit of a duration token: `30d`, `12w`, `6mo`, `1y`.
  func durationValue(_ token: Token) throws(QueryError) -> (Int, DurationUnit) {
    let text = token.text
    let number = String(text.prefix { $0.isASCII && ($0.isNumber || $0 == ".") })
    let unitText = String(text.dropFirst(number.count))
    guard let unit = DurationUnit(rawValue: unitText.lowercased()) else {
      if unitText.lowercased() == "m" {
        let message = ParseMessage.ambiguousDurationUnit(unitText, text)
        throw error(message, at: token.range, suggestion: number + "mo")
      }
      let message = ParseMessage.unknownDurationUnit(unitText, text)
      let suggestion = Self.unitSpellings[unitText.lowercased()].map { number + $0.rawValue }
      throw error(message, at: token.range, suggestion: suggestion)
    }
    guard let count = Int(number), count >= 1 else {
      let tooLarge = number.utf8.allSatisfy(\.isASCIIDigit) && number.contains { $0 != "0" }
      let message = tooLarge ? ParseMessage.numberTooLarge(text) : ParseMessage.durationCount(text)
      throw error(message, at: token.range)
    }
    // A window reaches back at most 10,000 years, so its days stay far from overflow.
    guard count <= Self.longestDuration[unit] ?? 0 else {
      throw error(ParseMessage.durationTooLong(text), at: token.range)
    }
    return (count, unit)
  }

  /// The largest number of each duration unit: about 10,000 years.
  static let longestDuration: [DurationUnit: Int] = [
    .day: 3_660_000, .week: 522_000, .month: 120_000, .year: 10_000,
  ]

  /// Longer spellings of the duration units, for the suggestion.
  private static let unitSpellings: [String: DurationUnit] = [
    "day": .day, "days": .day, "wk": .week, "wks": .week, "week": .week, "weeks": .week,
    "mon": .month, "mos": .month, "month": .month, "months": .month, "yr": .year,
    "yrs": .year, "year": .year, "years": .year,
  ]

  /// The date of a `YYYY-MM-DD` token, checked against the calendar.
  func dateValue(_ token: Token) throws(QueryError) -> CivilDate {
    let parts = token.text.split(separator: "-").map { Int($0) ?? 0 }
    let (year, month, day) = (parts[0], parts[1], parts[2])
    let reason: String
    if year < 1 {
      reason = ParseMessage.yearRange
    } else if !(1...12).contains(month) {
      reason = ParseMessage.monthRange
    } else if !(1...CalendarFacts.days(in: month, of: year)).contains(day) {
      let days = CalendarFacts.days(in: month, of: year)
      reason = ParseMessage.dayRange(days, CalendarFacts.monthNames[month - 1], year)
    } else {
      return CivilDate(year: year, month: month, day: day)
    }
    throw error(ParseMessage.invalidDate(token.text, reason), at: token.range)
  }

  /// The period of a `YYYY-MM`, `YYYY-Qn` or `YYYY-Wnn` token, checked against the calendar.
  func periodValue(_ token: Token) throws(QueryError) -> PeriodLiteral {
    let parts = token.text.split(separator: "-")
    let year = Int(parts[0]) ?? 0
    let part = parts[1]
    let reason: String
    if year < 1 {
      reason = ParseMessage.yearRange
    } else if let month = Int(part) {
      guard !(1...12).contains(month) else { return .month(year: year, month: month) }
      reason = ParseMessage.monthRange
    } else if part.first == "Q" || part.first == "q" {
      let quarter = Int(part.dropFirst()) ?? 0
      guard !(1...4).contains(quarter) else { return .quarter(year: year, quarter: quarter) }
      reason = ParseMessage.quarterRange
    } else {
      let week = Int(part.dropFirst()) ?? 0
      let weeks = CalendarFacts.isoWeeks(in: year)
      guard !(1...weeks).contains(week) else { return .week(year: year, week: week) }
      reason = ParseMessage.weekRange(weeks, year)
    }
    throw error(ParseMessage.invalidPeriod(token.text, reason), at: token.range)
  }
}

/// The few facts about the Gregorian calendar that checking dates needs.
enum CalendarFacts {
  static let monthNames = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
  ]

  static func isLeap(_ year: Int) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }

  static func days(in month: Int, of year: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// The day of the week of 1 January, 0 for Sunday to 6 for Saturday.
  static func weekdayOfNewYear(_ year: Int) -> Int {
    let previous = year - 1
    return (1 + 5 * (previous % 4) + 4 * (previous % 100) + 6 * (previous % 400)) % 7
  }

  /// 53 when the ISO year starts on a Thursday, or on a Wednesday in a leap year; else 52.
  static func isoWeeks(in year: Int) -> Int {
    let weekday = weekdayOfNewYear(year)
    return weekday == 4 || (weekday == 3 && isLeap(year)) ? 53 : 52
  }
}
