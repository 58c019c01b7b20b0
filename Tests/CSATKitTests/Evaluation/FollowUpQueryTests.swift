import Testing

@testable import CSATKit

/// `followup` on the fixture (see Fixtures.swift): nps_score 10, 8, blank, 6, 7, 3, 9, 10;
/// csat_score 4, 5, 1, blank, 3, 2, 4, 5; followed_up F, T, F, T, F, F, F, T.
@Suite struct FollowUpQueryTests {
  /// Runs a query on the fixture after `change` alters its dataset; CSV output.
  func run(_ query: String, _ change: (inout Dataset) -> Void = { _ in }) -> (String, String) {
    var dataset = Fixtures.responses()
    change(&dataset)
    let output = Collected()
    let messages = Collected()
    let session = Session(
      settings: QuerySettings(now: .fixed(Fixtures.now)), format: .csv,
      sink: OutputSink(result: output.append, message: messages.append))
    session.use(dataset)
    session.run(script: query, inputName: "test")
    return (output.text, messages.text)
  }

  @Test func shareOfDetractorsFollowedUpWithItsInterval() {
    // Detractors (0–6): rows 3 (6, followed up) and 5 (3, not): 1 of 2 = 50.0. Wilson, z =
    // 1.959964: z²/n = 1.920729, divisor 2.920729, centre (0.5 + 0.960365) / 2.920729 = 0.5;
    // half 1.959964 × √(0.125 + 0.240091) / 2.920729 = 1.959964 × 0.604228 / 2.920729 =
    // 0.405469 → [9.5, 90.5]; n = 2 < 30.
    #expect(
      run("followup").0 == "n,followup,followup_low,followup_high,low_n\n2,50.0,9.5,90.5,true\n")
  }

  @Test func byGroupEveryGroupWithRowsIsListed() {
    // Ann: row 5 (3, not followed up) → 0 of 1. Bob: row 3 (6, followed up) → 1 of 1; row 2
    // has no NPS. Zoë (8) and the blank rep (10) have no detractor: n = 0.
    #expect(
      FigureColumns.removed(from: run("followup by rep").0)
        == "rep,n,followup\nAnn,1,0.0\nBob,1,100.0\nZoë,0,\n,0,\n")
  }

  @Test func aBlankFlagIsNotCounted() {
    // Row 5's flag made blank: only row 3 is left, followed up: 1 of 1.
    let output = run("followup") { dataset in
      dataset.columns[5] = Column(
        name: "followed_up", data: .boolean(BooleanColumn(values: [0, 1, 0, 1, 0, 2, 0, 1])))
    }.0
    #expect(FigureColumns.removed(from: output) == "n,followup\n1,100.0\n")
  }

  @Test func withoutAnNPSColumnTheBottomTwoCSATPointsAreNegative() {
    // csat 1 (row 2) and 2 (row 5), neither followed up: 0 of 2.
    let output = run("followup") { $0.roles.nps = nil }.0
    #expect(FigureColumns.removed(from: output) == "n,followup\n2,0.0\n")
  }

  @Test func noFollowUpColumnIsAClearError() {
    let (output, messages) = run("followup") { $0.roles.followUp = nil }
    #expect(output.isEmpty)
    #expect(
      messages.hasPrefix(
        "test:1:1: error: followup needs a follow-up column (true/false), and this data has none"))
  }

  @Test func aFollowUpTargetIsMetAtOrAbove() {
    // 50.0 against 50: met, gap 0.0.
    let output = run(".target followup 50\nfollowup").0
    #expect(output.hasSuffix("followup_target,followup_met\n2,50.0,9.5,90.5,true,50.0,true\n"))
  }
}
