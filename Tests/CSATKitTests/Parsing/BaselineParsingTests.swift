import CSATKit
import Testing

/// `vs previous`, `vs last year` and `vs rest` (grammar.md, "baseline").
@Suite struct BaselineParsingTests {
  static let baselines: [ParseCase] = [
    ParseCase("csat by team since 7d vs previous", "csat by team since 7d vs previous"),
    ParseCase("nps last month VS Previous", "nps last month vs previous"),
    ParseCase("csat during 2024-Q3 vs last year", "csat during 2024-Q3 vs last year"),
    ParseCase("csat vs LAST YEAR since 30d", "csat since 30d vs last year"),
    ParseCase("csat by rep vs rest", "csat by rep vs rest"),
    ParseCase(
      "csat by rep where x vs rest having n > 3 top 2",
      "csat by rep where x vs rest having (n > 3) top 2"),
  ]

  @Test(arguments: baselines)
  func baselineParsesAs(_ example: ParseCase) {
    parses(example.source, as: example.tree)
  }

  @Test func baselineRangeRunsFromVsToItsLastWord() throws {
    guard case .query(let query) = try Parser.parse("csat since 7d vs last year") else {
      Issue.record("not a query")
      return
    }
    #expect(query.baseline == BaselineSyntax(.lastYear, range: SourceRange(14, 26)))
  }

  @Test func baselineErrors() {
    let target = "expected 'previous', 'last year' or 'rest' after 'vs'"
    diagnoses(
      "csat since 7d vs", at: 16..<16, message: target + " but found the end of the statement")
    diagnoses(
      "csat since 7d vs previus", at: 17..<24, message: target + " but found 'previus'",
      suggestion: "previous")
    diagnoses(
      "csat by rep vs the_rest", at: 15..<23, message: target + " but found 'the_rest'")
    // A back-quoted name is a field, never the word itself.
    diagnoses(
      "csat since 7d vs `previous`", at: 17..<27, message: target + " but found '`previous`'")
    diagnoses(
      "csat since 7d vs last month", at: 22..<27,
      message: "expected 'year' after 'vs last' but found 'month'",
      notes: [
        "'vs last year' compares with the same window a year earlier; for the period just"
          + " before, write 'vs previous'"
      ])
    diagnoses(
      "csat since 7d vs previous vs rest", at: 26..<28,
      message: "duplicate 'vs' clause: a statement takes at most one")
    diagnoses(
      "list rep since 7d vs previous", at: 18..<20, message: "'vs' is not allowed in 'list'")
  }

  @Test func previousAndLastYearNeedAWindow() {
    let note = "add a window, e.g. 'since 30d', 'last month' or 'during 2024-Q3'"
    diagnoses(
      "csat by rep vs previous", at: 12..<23,
      message: "'vs previous' compares the query's window with an earlier one, but the query"
        + " has no window", notes: [note])
    diagnoses(
      "csat vs last year", at: 5..<17,
      message: "'vs last year' compares the query's window with an earlier one, but the query"
        + " has no window", notes: [note])
  }
}
