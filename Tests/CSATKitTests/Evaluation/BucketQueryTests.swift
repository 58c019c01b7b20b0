import Testing

@testable import CSATKit

/// `by bucket(field, ...)` on the fixture (see Fixtures.swift). nps_score by row: 10, 8,
/// blank, 6, 7, 3, 9, 10; csat_score: 4, 5, 1, blank, 3, 2, 4, 5.
@Suite struct BucketQueryTests {
  func csv(_ query: String) -> String {
    FigureColumns.removed(from: Fixtures.run(query).output)
  }

  @Test func boundariesBelongToTheRangeAbove() {
    // <6: 3 (row 5). 6–9: 6, 7, 8 (rows 3, 4, 1): 6 is at a boundary, in 6–9. ≥9: 9, 10, 10
    // (rows 6, 0, 7): 9 is at a boundary, in ≥9. Blank: row 2, last.
    #expect(csv("count by bucket(nps_score, 6, 9)") == "nps_score,count\n<6,1\n6–9,3\n≥9,3\n,1\n")
  }

  @Test func emptyRangesAreListedAndFiguresFollowTheGroups() {
    // <0: nobody (n = 0). 0–5: row 5, csat 2 → 0 of 1. 5–9.5: rows 1, 3, 4, 6 (8, 6, 7, 9),
    // csat 5, blank, 3, 4 → 2 of 3 = 66.7. ≥9.5: rows 0, 7, csat 4, 5 → 2 of 2. Blank nps:
    // row 2, csat 1 → 0 of 1.
    #expect(
      csv("csat by bucket(nps_score, 0, 5, 9.5)")
        == "nps_score,n,csat\n<0,0,\n0–5,1,0.0\n5–9.5,3,66.7\n≥9.5,2,100.0\n,1,0.0\n")
  }

  @Test func bucketsCombineWithOtherGroupings() {
    // Ann (rows 5–7): nps 3, 9, 10 → <5: 1, ≥5: 2. Bob (rows 2–4): blank, 6, 7 → <5: 0,
    // ≥5: 2, blank 1. Zoë (row 1): 8 → ≥5. Blank rep (row 0): 10 → ≥5. Empty ranges are
    // listed for every rep.
    #expect(
      csv("count by rep, bucket(nps_score, 5)")
        == "rep,nps_score,count\nAnn,<5,1\nAnn,≥5,2\nBob,<5,0\nBob,≥5,2\nBob,,1\n"
        + "Zoë,<5,0\nZoë,≥5,1\n,<5,0\n,≥5,1\n")
  }

  @Test func terminalNamesTheBlankGroup() {
    // "nps_score" is 9 wide and "count" 5, two spaces apart; counts right-aligned.
    let output = Fixtures.run("count by bucket(nps_score, 6, 9)", format: .table).output
    #expect(
      output.hasSuffix(
        "nps_score  count\n─────────  ─────\n<6             1\n6–9            3\n"
          + "≥9             3\n(blank)        1\n(4 rows)\n"))
  }

  @Test func aTextFieldCannotBeBucketed() {
    let result = Fixtures.run("count by bucket(rep, 1)")
    #expect(result.outcome == .failure)
    #expect(
      result.messages.hasPrefix("test:1:17: error: bucket needs a number field, but 'rep' is text"))
  }
}
