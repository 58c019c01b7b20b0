import Testing

@testable import CSATKit

/// `chart` through a session on the hand-made fixture (see `Fixtures`), whose output is not a
/// terminal: charts are 80 columns wide there, and tables get no sparklines.
@Suite struct ChartSessionTests {
  /// csat by rep over every row, satisfied = 4–5: Ann (rows 5 6 7: 2 4 5) 2/3 = 66.7; Bob
  /// (rows 2 4: 1 3; row 3 blank) 0/2 = 0.0; Zoë (row 1: 5) 100.0; blank rep (row 0: 4)
  /// 100.0. Every n is under 30. The default target is csat 80.
  ///
  /// Width 80: label 7 (`(blank)`), figure 5, `n=3` 3 and two spaces, ` *` 2: tail 12, so the
  /// bars get 80 − 7 − 12 − 4 = 57 columns over 0.0 … 100.0. Ann ends at 66.7 × 57 / 100 =
  /// 38.0 → 38; 100.0 at 57; the target at 80 × 57 / 100 = 45.6 → 46.
  @Test func chartOnANonTerminalIsEightyColumnsWide() {
    let run = Fixtures.run("chart csat by rep", format: .table)
    // 57 columns: the bar, blanks to the target's column 46, the mark, 10 columns after it.
    let bar = { (filled: Int) -> String in
      String(repeating: "█", count: filled) + String(repeating: " ", count: 46 - filled) + "│"
        + String(repeating: " ", count: 10)
    }
    let full = String(repeating: "█", count: 46) + "┃" + String(repeating: "█", count: 10)
    let expected = """
      all responses: 2026-08-15 to 2026-11-30 (UTC)
      csat by rep: bars from 0.0 to 100.0; │ target 80.0
      Ann      \(bar(38))   66.7  n=3 *
      Bob      \(bar(0))    0.0  n=2 *
      Zoë      \(full)  100.0  n=1 *
      (blank)  \(full)  100.0  n=1 *
      * n < 30: too few responses to trust

      """
    #expect(run.output == expected)
    #expect(run.messages == "")
  }

  @Test(arguments: [OutputFormat.csv, .json, .markdown])
  func otherFormatsGetTheTable(_ format: OutputFormat) {
    let chart = Fixtures.run("chart nps by month", format: format)
    let query = Fixtures.run("nps by month", format: format)
    #expect(chart.output == query.output)
    #expect(chart.outcome == .success)
  }

  @Test func plainTablesHaveNoSparklines() {
    let run = Fixtures.run("csat by month", format: .table)
    #expect(!run.output.contains { "▁▂▃▄▅▆▇█".contains($0) })
    #expect(run.output.contains("(4 rows)"))
  }

  @Test func chartErrorsKeepTheSession() {
    let run = Fixtures.run("chart list rep; csat")
    #expect(run.outcome == .failure)
    #expect(
      run.messages.contains(
        "test:1:7: error: 'chart' takes a query, not 'list': targets, check, coverage, explain"
          + " and list cannot be charted"))
    #expect(run.output == "")
  }
}
