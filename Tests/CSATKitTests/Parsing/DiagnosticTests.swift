import CSATKit
import Testing

/// A misspelt statement, where the slip is, and the keyword offered for it.
struct SuggestionCase: Sendable, CustomTestStringConvertible {
  var source: String
  var range: Range<Int>
  var suggestion: String
  var testDescription: String { source }

  init(_ source: String, _ range: Range<Int>, _ suggestion: String) {
    self.source = source
    self.range = range
    self.suggestion = suggestion
  }
}

@Suite struct DiagnosticTests {
  static let queryClauses =
    "'where', a window ('since', 'between', 'during', 'this', 'last'), 'having', 'order by',"
    + " 'top', 'bottom', 'vs', 'limit' or the end of the statement"
  static let listClauses =
    "'where', a window ('since', 'between', 'during', 'this', 'last'), 'order by', 'limit'"
    + " or the end of the statement"

  static let slips: [SuggestionCase] = [
    SuggestionCase("csat wher x", 5..<9, "where"),
    SuggestionCase("csat WHER x", 5..<9, "where"),
    SuggestionCase("csat sinse 30d", 5..<10, "since"),
    SuggestionCase("csat by rep odrer by csat", 12..<17, "order"),
    SuggestionCase("csat by rep lmit 5", 12..<16, "limit"),
    SuggestionCase("csat by rep havng n > 1", 12..<17, "having"),
    SuggestionCase("csat bye rep", 5..<8, "by"),
    SuggestionCase("csat by rep botom 3", 12..<17, "bottom"),
    SuggestionCase("list rep were x = 1", 9..<13, "where"),
    SuggestionCase("csat where a = 1 adn b", 17..<20, "and"),
    SuggestionCase(#"csat where x contians "a""#, 13..<21, "contains"),
    SuggestionCase("list rep order by rep dsc", 22..<25, "desc"),
    SuggestionCase("csat where (x = 1 ro y)", 18..<20, "or"),
    SuggestionCase("csat by rep order bye csat", 18..<21, "by"),
  ]

  @Test(arguments: slips)
  func misspeltKeywordsAreSuggested(_ example: SuggestionCase) throws {
    do {
      _ = try Parser.parse(example.source)
      Issue.record("parsed")
    } catch let error as QueryError {
      #expect(
        error.diagnostics.first?.range
          == SourceRange(example.range.lowerBound, example.range.upperBound))
      #expect(error.diagnostics.first?.suggestion == example.suggestion)
    }
  }

  @Test func expectationsFollowWhatCameBefore() {
    diagnoses(
      "csat nps", at: 5..<8,
      message: "expected 'by', \(Self.queryClauses), but found 'nps'",
      notes: ["separate metrics with ','"])
    diagnoses(
      "csat by rep xyzzy", at: 12..<17,
      message: "expected \(Self.queryClauses), but found 'xyzzy'",
      notes: ["separate groupings with ','"])
    diagnoses(
      #"csat where x contians "a""#, at: 13..<21,
      message: "expected a comparison ('=', '<', 'in', 'contains', 'starts with', 'is', ...),"
        + " 'and', 'or', \(Self.queryClauses), but found 'contians'",
      suggestion: "contains")
    diagnoses(
      "list rep order by rep dsc", at: 22..<25,
      message: "expected ',', 'asc', 'desc', \(Self.listClauses), but found 'dsc'",
      suggestion: "desc")
    diagnoses(
      "list rep limit 5 6", at: 17..<18,
      message: "expected \(Self.listClauses), but found '6'")
  }

  @Test func keywordsWhereNamesBelongGetANote() {
    diagnoses(
      "by rep", at: 0..<2, message: "expected a metric (csat, nps, ...) but found 'by'",
      notes: ["'by' is a keyword; to use it as a name, write it back-quoted: `by`"])
    diagnoses(
      "list Order", at: 5..<10, message: "expected a field name but found 'Order'",
      notes: ["'Order' is a keyword; to use it as a name, write it back-quoted: `Order`"])
    diagnoses(
      "csat where last = 1", at: 11..<15,
      message: "expected a condition (a field name, 'not' or '(') but found 'last'",
      notes: ["'last' is a keyword; to use it as a name, write it back-quoted: `last`"])
    diagnoses(
      "csat where x = abc", at: 15..<18,
      message: "expected a value (a string, number, date, true or false) but found 'abc'",
      notes: ["to compare with text, write it in double quotes"])
  }

  @Test func duplicateClausesPointAtTheSecond() {
    diagnoses(
      "csat by rep having n > 1 having n > 2", at: 25..<31,
      message: "duplicate 'having' clause: a statement takes at most one")
    diagnoses(
      "list x order by x order by x", at: 18..<23,
      message: "duplicate 'order by' clause: a statement takes at most one")
    diagnoses(
      "list x limit 1 LIMIT 2", at: 15..<20,
      message: "duplicate 'limit' clause: a statement takes at most one")
    diagnoses(
      "csat during 2024 since 7d", at: 17..<22,
      message: "duplicate window 'since': a statement takes at most one window")
    diagnoses(
      "csat this week between 2024-01-01 and 2024-01-02", at: 15..<22,
      message: "duplicate window 'between': a statement takes at most one window")
    diagnoses(
      "csat by rep top 1 top 2", at: 18..<21,
      message: "duplicate 'top': a query takes at most one 'top' or 'bottom'")
    diagnoses(
      "csat by rep by month", at: 12..<14,
      message: "duplicate 'by' clause: a statement takes at most one")
  }

  @Test func listRefusesQueryClauses() {
    diagnoses(
      "list rep bottom 2", at: 9..<15, message: "'bottom' is not allowed in 'list'",
      notes: ["to keep the first rows, write 'order by ... limit N'"])
    diagnoses(
      "list rep BY x", at: 9..<11, message: "'by' is not allowed in 'list'",
      notes: ["'list' shows responses one by one; to group, write a query: count by rep"])
    diagnoses(
      "list rep where x having n > 1", at: 17..<23, message: "'having' is not allowed in 'list'",
      notes: ["'having' filters groups; use 'where' to filter responses"])
  }

  @Test func countsMustBePositiveWholeNumbers() {
    diagnoses(
      "csat by rep top -3", at: 16..<18,
      message: "expected a positive whole number after 'top' but found '-3'")
    diagnoses(
      "list x LIMIT 0", at: 13..<14,
      message: "expected a positive whole number after 'limit' but found '0'")
    diagnoses(
      "list x limit 99999999999999999999", at: 13..<33,
      message: "number too large: '99999999999999999999'")
    diagnoses(
      "csat by rep bottom", at: 18..<18,
      message: "expected a positive whole number after 'bottom' but found the end of the statement")
  }

  @Test func unexpectedEndGivesAnEmptyRangeAtTheEnd() {
    diagnoses(
      "csat by", at: 7..<7,
      message:
        "expected a grouping (a field, day, week, month, quarter or year) but found the end of the statement"
    )
    diagnoses(
      "csat,", at: 5..<5,
      message: "expected a metric (csat, nps, ...) but found the end of the statement")
    diagnoses(
      "csat where x in (1", at: 18..<18,
      message: "expected ',' or ')' but found the end of the statement")
    diagnoses(
      "csat where x is not", at: 19..<19,
      message: "expected 'missing' but found the end of the statement")
    diagnoses(
      "csat where x not", at: 16..<16,
      message: "expected 'in' after 'not' but found the end of the statement")
    diagnoses(
      "avg(", at: 4..<4, message: "expected a field name but found the end of the statement")
  }

  /// `é` is 2 bytes, `👍` and `🏽` 4 each: ranges count bytes.
  @Test func rangesAfterMultiByteCharacters() {
    diagnoses(
      #"list équipe where équipe = "café" wher"#, at: 37..<41,
      message: "expected 'and', 'or', \(Self.listClauses), but found 'wher'", suggestion: "where")
    diagnoses("csat where 👍 = 1", at: 11..<15, message: "unexpected character '👍'")
    diagnoses(
      #"list x where x = "👍🏽" and"#, at: 31..<31,
      message:
        "expected a condition (a field name, 'not' or '(') but found the end of the statement")
    diagnoses(
      "list `naïve` where `naïve", at: 20..<21,
      message: "unclosed back-quoted name: expected a closing '`'")
    diagnoses("list ``", at: 5..<7, message: "empty back-quoted name")
  }

  @Test func longTokensAreCutShortInMessages() {
    let long = "\"" + String(repeating: "a", count: 40) + "\""
    diagnoses(
      "csat where x = 1 " + long, at: 17..<59,
      message: "expected 'and', 'or', \(Self.queryClauses), but found '\""
        + String(repeating: "a", count: 31) + "…'")
  }

  @Test func nestingAndSizeAreBounded() {
    let open = String(repeating: "(", count: 65)
    diagnoses(
      "csat where \(open)a", at: 75..<76,
      message: "parentheses nest too deeply (the limit is 64)")
    diagnoses(
      "csat where " + String(repeating: "a or ", count: 1001) + "a", at: 5013..<5015,
      message: "too many 'and', 'or' and 'not' in one condition (the limit is 1000)")
  }
}
