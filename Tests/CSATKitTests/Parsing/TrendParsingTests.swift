import CSATKit
import Testing

/// `chart` and `coverage` (grammar.md: `chart`, `coverage`, `per_clause`).
@Suite struct TrendParsingTests {
  @Test(arguments: [
    ParseCase("chart csat by rep since 90d", "chart csat by rep since 90d"),
    ParseCase("Chart nps by month top 3", "chart nps by month top 3"),
    ParseCase("coverage by rep", "coverage by rep"),
    ParseCase(
      "coverage by rep per WEEK since 30d where channel = \"chat\"",
      "coverage by rep where (channel = \"chat\") since 30d per week"),
    ParseCase("coverage by `Ticket Channel` per month", "coverage by `Ticket Channel` per month"),
    // Back-quoted, the words are names again: a metric, which the binder then refuses.
    ParseCase("`chart`", "`chart`"),
  ])
  func parsesAsExpected(_ example: ParseCase) {
    parses(example.source, as: example.tree)
  }

  @Test func theChartedQueryKeepsItsOwnRanges() throws {
    // `chart ` is 6 bytes; the query `csat by rep` runs from 6 to 17.
    guard case .chart(let query) = try Parser.parse("chart csat by rep") else {
      Issue.record("not a chart")
      return
    }
    #expect(query.range == SourceRange(6, 17))
  }

  @Test func coverageErrorsPointAtTheWord() {
    // `coverage by ` is 12 bytes, so `where` spans 12..17.
    diagnoses(
      "coverage by where", at: 12..<17,
      message: "expected a field name (the segments) but found 'where'",
      notes: ["'where' is a keyword; to use it as a name, write it back-quoted: `where`"])
    // `coverage by rep per` is 19 bytes and ends the statement.
    diagnoses(
      "coverage by rep per", at: 19..<19,
      message: "expected 'week' or 'month' after 'per' but found the end of the statement")
    // `coverage by rep ` is 16 bytes; `pre` spans 16..19 and starts no clause.
    diagnoses(
      "coverage by rep pre week", at: 16..<19,
      message:
        "expected 'where', a window ('since', 'between', 'during', 'this', 'last'), 'per' or "
        + "the end of the statement, but found 'pre'")
    // In `targets`, `per` is no clause.
    diagnoses(
      "targets per week", at: 8..<11,
      message:
        "expected 'where', a window ('since', 'between', 'during', 'this', 'last') or the end "
        + "of the statement, but found 'per'")
  }
}
