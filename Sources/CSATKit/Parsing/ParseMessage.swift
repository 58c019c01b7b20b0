/// The wording of every error the lexer and parser give, kept in one place.
///
/// Messages are lower case, say what was found and what was expected. grammar.md shows
/// them in its examples, and a test checks that those examples hold.
enum ParseMessage {
  // MARK: - Expectations

  static let metric = "a metric (csat, nps, ...)"
  static let fieldName = "a field name"
  static let alias = "an alias (a name for the column)"
  static let grouping = "a grouping (a field, day, week, month, quarter or year)"
  static let condition = "a condition (a field name, 'not' or '(')"
  static let value = "a value (a string, number, date, true or false)"
  static let string = "a string in double quotes"
  static let columnName = "a column name"
  static let date = "a date (2024-01-01)"
  static let sinceTarget = "a duration (30d, 12w, 6mo, 1y) or a date (2024-01-01)"
  static let period = "a period (2024, 2024-Q3, 2024-05, 2024-W07 or 2024-05-01)"
  static let calendarUnit = "a calendar unit (day, week, month, quarter or year)"
  static let comparison = "a comparison ('=', '<', 'in', 'contains', 'starts with', 'is', ...)"
  static let window = "a window ('since', 'between', 'during', 'this', 'last')"

  static let bucketFirstBound = "',' and a boundary (a number)"
  static let bucketBound = "a boundary (a number)"
  static let bucketNext = "',' or ')'"

  static func bucketsIncrease(_ bound: String, _ previous: String) -> String {
    "bucket boundaries must increase: \(bound) is not above \(previous)"
  }

  static let checkComparison = "a comparison ('>=', '>', '<=', '<', '=' or '!=')"
  static let checkNumber = "a number to compare with"
  static let targetNumber = "a target (a number such as 85) or 'off'"
  static let targetEnd = "'where' or the end of the target"
  static let targetEndAfterWhere = "'and', 'or' or the end of the target"
  static func chartTakesQuery(_ word: String) -> String {
    "'chart' takes a query, not '\(word)': targets, check, coverage, explain and list"
      + " cannot be charted"
  }

  static let chartExample = "chart a query's first metric, e.g. chart csat by month"
  static let coverageBy = "'by' and the field whose values are the segments"
  static let coverageField = "a field name (the segments)"
  static let coveragePeriod = "'week' or 'month' after 'per'"

  static func count(after keyword: String) -> String {
    "a positive whole number after '\(keyword)'"
  }

  static func quoted(_ text: String) -> String { "'\(text)'" }

  /// `a`, `a or b`, `a, b or c`.
  static func alternatives(_ items: [String]) -> String {
    guard let last = items.last else { return "nothing" }
    guard items.count > 1 else { return last }
    return items.dropLast().joined(separator: ", ") + " or " + last
  }

  // MARK: - Unexpected tokens

  static func expected(_ expectation: String, found: String) -> String {
    "expected \(expectation) but found \(found)"
  }

  static func expectedClause(_ items: [String], found: String) -> String {
    "expected \(alternatives(items + ["the end of the statement"])), but found \(found)"
  }

  /// How a token is named in a message: its text in quotes, cut short if long.
  static func describe(_ token: Token) -> String {
    if token.kind == .end { return "the end of the statement" }
    let line = token.text.prefix { $0 != "\n" }
    let shown = line.count > 32 || line.count < token.text.count
    return quoted(shown ? line.prefix(32) + "…" : String(line))
  }

  static func keywordAsName(_ word: String) -> String {
    "'\(word)' is a keyword; to use it as a name, write it back-quoted: `\(word)`"
  }

  static let textNeedsQuotes = "to compare with text, write it in double quotes"
  static let separateMetrics = "separate metrics with ','"
  static let separateGroupings = "separate groupings with ','"

  // MARK: - Clauses

  static func duplicateClause(_ keyword: String) -> String {
    "duplicate '\(keyword)' clause: a statement takes at most one"
  }

  static func duplicateWindow(_ keyword: String) -> String {
    "duplicate window '\(keyword)': a statement takes at most one window"
  }

  static func duplicateRank(_ keyword: String) -> String {
    "duplicate '\(keyword)': a query takes at most one 'top' or 'bottom'"
  }

  static let misplacedBy = "'by' must come straight after the metrics"

  static func notInList(_ keyword: String) -> String {
    "'\(keyword)' is not allowed in 'list'"
  }

  static func notInListNote(_ keyword: Keyword) -> String {
    switch keyword {
    case .by: "'list' shows responses one by one; to group, write a query: count by rep"
    case .having: "'having' filters groups; use 'where' to filter responses"
    case .vs: "'vs' compares figures; write a query: csat since 30d vs previous"
    default: "to keep the first rows, write 'order by ... limit N'"
    }
  }

  // MARK: - Baselines (`vs`)

  static let baselineTarget = "'previous', 'last year' or 'rest' after 'vs'"
  static let baselineTargetNote =
    "'vs previous' compares with the window just before, 'vs last year' with the same window"
    + " a year earlier, 'vs rest' each group with all other responses"
  static let lastYearUnit = "'year' after 'vs last'"
  static let lastYearNote =
    "'vs last year' compares with the same window a year earlier; for the period just before,"
    + " write 'vs previous'"

  static func baselineNeedsWindow(_ kind: BaselineSyntax.Kind) -> String {
    let clause = kind == .lastYear ? "vs last year" : "vs previous"
    return "'\(clause)' compares the query's window with an earlier one, but the query has no"
      + " window"
  }

  static let baselineNeedsWindowNote =
    "add a window, e.g. 'since 30d', 'last month' or 'during 2024-Q3'"

  // MARK: - Values

  static func numberTooLarge(_ text: String) -> String { "number too large: '\(text)'" }

  static func offScale(_ metric: String, _ text: String, _ scale: ClosedRange<Double>) -> String {
    let unit = metric == "nps" ? "an NPS runs" : "'\(metric)' is a share in percent, running"
    return "\(text) is out of reach: \(unit) from \(Int(scale.lowerBound)) to"
      + " \(Int(scale.upperBound))"
  }

  static func durationTooLong(_ text: String) -> String {
    "duration too long: '\(text)'; a window reaches back at most 10,000 years"
      + " (3660000d, 522000w, 120000mo or 10000y)"
  }

  static func invalidDate(_ text: String, _ reason: String) -> String {
    "invalid date '\(text)': \(reason)"
  }

  static func invalidPeriod(_ text: String, _ reason: String) -> String {
    "invalid period '\(text)': \(reason)"
  }

  static let monthRange = "the month must be 01 to 12"
  static let yearRange = "the year must be 0001 to 9999"
  static let quarterRange = "the quarter must be 1 to 4"

  static func dayRange(_ days: Int, _ month: String, _ year: Int) -> String {
    "the day must be 01 to \(days) in \(month) \(year)"
  }

  static func weekRange(_ weeks: Int, _ year: Int) -> String {
    "the week must be 01 to \(weeks) in \(year)"
  }

  static func unknownDurationUnit(_ unit: String, _ text: String) -> String {
    "unknown duration unit '\(unit)' in '\(text)': expected d (days), w (weeks), mo (months)"
      + " or y (years)"
  }

  static func ambiguousDurationUnit(_ unit: String, _ text: String) -> String {
    "ambiguous duration unit '\(unit)' in '\(text)': write 'mo' for months"
  }

  static func durationCount(_ text: String) -> String {
    "expected a whole number of at least 1 before the unit but found '\(text)'"
  }

  static func windowReversed(_ end: String, _ start: String) -> String {
    "the window ends before it starts: \(end) is before \(start)"
  }

  static let nestingLimit = 64
  static let operatorLimit = 1000
  static let tooDeep = "parentheses nest too deeply (the limit is \(nestingLimit))"
  static let tooManyOperators =
    "too many 'and', 'or' and 'not' in one condition (the limit is \(operatorLimit))"

  // MARK: - Lexical errors

  static func lexical(_ error: LexicalError, _ token: Token) -> String {
    switch error {
    case .unexpectedCharacter: "unexpected character '\(token.text)'"
    case .unterminatedString: "unclosed string: expected a closing '\"'"
    case .unterminatedQuotedIdentifier: "unclosed back-quoted name: expected a closing '`'"
    case .emptyQuotedIdentifier: "empty back-quoted name"
    case .invalidEscape(let range):
      "unknown escape '\(escapeText(token, range))' in a string: write '\\\"' for a quote"
        + " and '\\\\' for a backslash"
    case .malformedDate:
      "malformed date or period '\(token.text)': expected 2024-05-01, 2024-05, 2024-Q3 or"
        + " 2024-W07"
    }
  }

  private static func escapeText(_ token: Token, _ range: SourceRange) -> String {
    let bytes = Array(token.text.utf8)
    let start = range.start - token.range.start
    let end = range.end - token.range.start
    guard start >= 0, start <= end, end <= bytes.count else { return "\\" }
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }
}
