import CSATKit
import Testing

@Suite struct WindowParsingTests {
  /// Windows after `csat `, written back as `dump(_:)` writes them.
  static let windows: [ParseCase] = [
    ParseCase("since 30d", "since 30d"),
    ParseCase("since 12w", "since 12w"),
    ParseCase("since 6mo", "since 6mo"),
    ParseCase("since 1y", "since 1y"),
    ParseCase("SINCE 6MO", "since 6mo"),
    ParseCase("since 2024-01-01", "since 2024-01-01"),
    ParseCase("between 2024-01-01 and 2024-03-31", "between 2024-01-01 and 2024-03-31"),
    ParseCase("between 2024-01-01 and 2024-01-01", "between 2024-01-01 and 2024-01-01"),
    ParseCase("during 2024", "during 2024"),
    ParseCase("during 2024-Q3", "during 2024-Q3"),
    ParseCase("during 2024-q1", "during 2024-Q1"),
    ParseCase("during 2024-05", "during 2024-05"),
    ParseCase("during 2024-W07", "during 2024-W07"),
    ParseCase("during 2024-w52", "during 2024-W52"),
    ParseCase("during 2020-W53", "during 2020-W53"),
    ParseCase("during 2026-W53", "during 2026-W53"),
    ParseCase("during 2024-05-01", "during 2024-05-01"),
    ParseCase("during 2000-02-29", "during 2000-02-29"),
    ParseCase("this day", "this day"),
    ParseCase("this week", "this week"),
    ParseCase("this Month", "this month"),
    ParseCase("this quarter", "this quarter"),
    ParseCase("this year", "this year"),
    ParseCase("last day", "last day"),
    ParseCase("LAST WEEK", "last week"),
    ParseCase("last month", "last month"),
    ParseCase("last quarter", "last quarter"),
    ParseCase("last year", "last year"),
  ]

  @Test(arguments: windows)
  func windowParsesAs(_ example: ParseCase) {
    parses("csat " + example.source, as: "csat " + example.tree)
  }

  @Test func windowRangeRunsFromKeywordToLastToken() throws {
    guard case .query(let query) = try Parser.parse("csat between 2024-01-01 and 2024-03-31")
    else { return }
    let start = CivilDate(year: 2024, month: 1, day: 1)
    let end = CivilDate(year: 2024, month: 3, day: 31)
    #expect(query.window == WindowSyntax(.between(start, end), range: SourceRange(5, 38)))
  }

  /// Offsets count from the start of `csat since ` (11 bytes) and the like.
  @Test func badDurations() {
    diagnoses(
      "csat since 0d", at: 11..<13,
      message: "expected a whole number of at least 1 before the unit but found '0d'")
    diagnoses(
      "csat since 1.5d", at: 11..<15,
      message: "expected a whole number of at least 1 before the unit but found '1.5d'")
    diagnoses(
      "csat since 30days", at: 11..<17,
      message: "unknown duration unit 'days' in '30days': expected d (days), w (weeks),"
        + " mo (months) or y (years)",
      suggestion: "30d")
    diagnoses(
      "csat since 6M", at: 11..<13,
      message: "ambiguous duration unit 'M' in '6M': write 'mo' for months", suggestion: "6mo")
    diagnoses(
      "csat since 30", at: 11..<13,
      message: "expected a duration (30d, 12w, 6mo, 1y) or a date (2024-01-01) but found '30'")
    diagnoses(
      "csat since 99999999999999999999d", at: 11..<32,
      message: "number too large: '99999999999999999999d'")
  }

  @Test func badDates() {
    diagnoses(
      "csat since 2023-02-29", at: 11..<21,
      message: "invalid date '2023-02-29': the day must be 01 to 28 in february 2023")
    diagnoses(
      "csat since 1900-02-29", at: 11..<21,
      message: "invalid date '1900-02-29': the day must be 01 to 28 in february 1900")
    diagnoses(
      "csat since 2024-04-31", at: 11..<21,
      message: "invalid date '2024-04-31': the day must be 01 to 30 in april 2024")
    diagnoses(
      "csat since 2024-13-01", at: 11..<21,
      message: "invalid date '2024-13-01': the month must be 01 to 12")
    diagnoses(
      "csat since 2024-01-00", at: 11..<21,
      message: "invalid date '2024-01-00': the day must be 01 to 31 in january 2024")
    diagnoses(
      "csat since 0000-01-01", at: 11..<21,
      message: "invalid date '0000-01-01': the year must be 0001 to 9999")
    diagnoses(
      "csat between 2024-01-01", at: 23..<23,
      message: "expected 'and' but found the end of the statement")
    diagnoses(
      "csat between last and 2024-01-01", at: 13..<17,
      message: "expected a date (2024-01-01) but found 'last'")
  }

  @Test func badPeriods() {
    diagnoses(
      "csat during 2024-13", at: 12..<19,
      message: "invalid period '2024-13': the month must be 01 to 12")
    diagnoses(
      "csat during 2023-W53", at: 12..<20,
      message: "invalid period '2023-W53': the week must be 01 to 52 in 2023")
    diagnoses(
      "csat during 2024-W00", at: 12..<20,
      message: "invalid period '2024-W00': the week must be 01 to 52 in 2024")
    diagnoses(
      "csat during 24", at: 12..<14,
      message:
        "expected a period (2024, 2024-Q3, 2024-05, 2024-W07 or 2024-05-01) but found '24'")
    diagnoses(
      "csat during 2024-02-30", at: 12..<22,
      message: "invalid date '2024-02-30': the day must be 01 to 29 in february 2024")
  }

  @Test func badCalendarUnits() {
    diagnoses(
      "csat this weeks", at: 10..<15,
      message: "expected a calendar unit (day, week, month, quarter or year) but found 'weeks'",
      suggestion: "week")
    diagnoses(
      "csat last", at: 9..<9,
      message: "expected a calendar unit (day, week, month, quarter or year) but found the end"
        + " of the statement")
  }
}
