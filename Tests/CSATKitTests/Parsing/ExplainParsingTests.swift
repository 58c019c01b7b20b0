import CSATKit
import Testing

/// `explain change` (grammar.md, "explain"); the error examples are in grammar.md.
@Suite struct ExplainParsingTests {
  static let statements: [ParseCase] = [
    ParseCase(
      "explain change in csat by channel since 7d vs previous",
      "explain change in csat by channel since 7d vs previous"),
    ParseCase(
      "Explain CHANGE IN nps as score by region, `Ticket Channel` vs last year where x = 1"
        + " during 2024-Q3",
      "explain change in nps as score by region, `Ticket Channel` where (x = 1) during 2024-Q3"
        + " vs last year"),
  ]

  @Test(arguments: statements)
  func explainParsesAs(_ example: ParseCase) {
    parses(example.source, as: example.tree)
  }

  @Test func explainTakesEachClauseOnce() {
    diagnoses(
      "explain change in csat by c where a = 1 since 7d vs previous where b = 2", at: 61..<66,
      message: "duplicate 'where' clause: a statement takes at most one")
    diagnoses(
      "explain change in csat by c since 7d vs previous vs last year", at: 49..<51,
      message: "duplicate 'vs' clause: a statement takes at most one")
  }

  @Test func aBackQuotedExplainIsAMetricName() {
    // `explain` back-quoted is a name; the word after it then starts no clause.
    diagnoses(
      "`explain` change", at: 10..<16,
      message: "expected 'by', 'where', a window ('since', 'between', 'during', 'this', 'last'),"
        + " 'having', 'order by', 'top', 'bottom', 'vs', 'limit' or the end of the statement,"
        + " but found 'change'")
  }
}
