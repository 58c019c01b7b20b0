import Testing

@testable import CSATKit

/// Fixes found by testing, on the hand-made fixture (Fixtures.swift; now is 2026-11-30 12:00
/// UTC).
@Suite struct QueryFixesTests {
  func csv(_ query: String) -> String {
    FigureColumns.removed(from: Fixtures.run(query).output)
  }

  @Test func emptyTextIsInEveryNonBlankText() {
    // 8 rows, row 0 has no rep: 8 − 1 = 7 contain "" and start with "".
    #expect(csv("count where rep contains \"\"") == "count\n7\n")
    #expect(csv("count where rep starts with \"\"") == "count\n7\n")
    // not: the blank rep only.
    #expect(csv("count where not rep contains \"\"") == "count\n1\n")
  }

  @Test(arguments: [
    ("csat by rep having n = \"x\"", "error: 'n' holds numbers"),
    ("csat by rep having csat > \"abc\"", "error: 'csat' holds numbers"),
    ("nps by rep having nps_band > 5", "error: 'nps_band' holds text"),
    ("count by rep having rep > 5", "error: 'rep' holds text"),
    ("count by month having month = 5", "error: 'month' holds text"),
  ])
  func havingRefusesTheWrongKindOfLiteral(statement: String, message: String) {
    let result = Fixtures.run(statement)
    #expect(result.messages.contains(message))
    #expect(result.output == "")
    #expect(result.outcome == .failure)
  }

  @Test func havingTakesTheRightKind() {
    // Ann: rows 5, 6, 7 → 3; Bob: rows 2, 3, 4 → 3 (n ≥ 3 keeps both; the blank rep and
    // Zoë have 1 each).
    #expect(csv("count by rep having rep = \"Ann\"") == "rep,count\nAnn,3\n")
    #expect(csv("count by rep having count >= 3") == "rep,count\nAnn,3\nBob,3\n")
    // followed_up true: rows 1, 3, 7 → 3.
    #expect(csv("count by followed_up having followed_up = 1") == "followed_up,count\ntrue,3\n")
  }

  @Test(arguments: [
    (".target csat 150", "150 is out of reach"), (".target csat -5", "-5 is out of reach"),
    (".target nps 101", "101 is out of reach"), ("check csat >= 150", "150 is out of reach"),
    ("check nps > -101", "-101 is out of reach"),
  ])
  func targetsOutOfReachAreErrors(statement: String, message: String) {
    // The default target stays: csat 80.
    let output = Collected()
    let messages = Collected()
    let session = Session(
      settings: QuerySettings(now: .fixed(Fixtures.now)), format: .csv,
      sink: OutputSink(result: output.append, message: messages.append))
    session.use(Fixtures.responses())
    #expect(session.run(script: statement, inputName: "test") == .failure)
    #expect(messages.text.contains("error: " + message))
    #expect(session.run(script: ".target", inputName: "test") == .success)
    #expect(output.text.contains("csat,,>= 80,default"))
  }

  @Test func targetsAtTheEndsOfTheScaleAreAccepted() {
    let result = Fixtures.run(".target nps -100\n.target csat 100\n.target")
    #expect(result.messages == "")
    #expect(result.output.contains(">= -100"))
    #expect(result.output.contains(">= 100"))
  }
}
