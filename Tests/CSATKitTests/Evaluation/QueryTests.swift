import Testing

@testable import CSATKit

/// Queries on the fixture (see Fixtures.swift); every expected figure is worked out there.
@Suite struct QueryTests {
  func csv(_ query: String, reversed: Bool = false) -> String {
    FigureColumns.removed(from: Fixtures.run(query, reversed: reversed).output)
  }

  @Test(arguments: [false, true])
  func overallFigures(reversed: Bool) {
    // csat: 7 answers (row 3 blank); 4 of them are 4 or 5: 100 × 4 / 7 = 57.14…
    #expect(csv("csat", reversed: reversed) == "n,csat\n7,57.1\n")
    // nps: 7 answers (row 2 blank); promoters 10, 9, 10; detractors 3, 6:
    // 100 × (3 − 2) / 7 = 14.28…
    #expect(csv("nps", reversed: reversed) == "n,nps\n7,14.3\n")
    // dsat: scores 1 and 2 (rows 2 and 5) of 7: 28.57…
    #expect(csv("dsat", reversed: reversed) == "n,dsat\n7,28.6\n")
    #expect(csv("count", reversed: reversed) == "count\n8\n")
    // Several metrics: each with its own n.
    #expect(csv("csat, nps", reversed: reversed) == "csat_n,csat,nps_n,nps\n7,57.1,7,14.3\n")
  }

  @Test func promotersPassivesDetractors() {
    // Of 7 NPS answers: promoters 3 (42.857…), passives 8 and 7: 2 (28.57…), detractors 2.
    #expect(
      csv("promoters, passives, detractors")
        == "promoters_n,promoters,passives_n,passives,detractors_n,detractors\n"
        + "7,42.9,7,28.6,7,28.6\n")
  }

  @Test(arguments: [false, true])
  func groupsInOrderWithTheBlankLast(reversed: Bool) {
    // Ann: 2, 4, 5 → 2 of 3 satisfied; Bob: 1, 3 → 0 of 2; Zoë: 5 → 1 of 1; blank rep: 4.
    #expect(
      csv("csat by rep", reversed: reversed)
        == "rep,n,csat\nAnn,3,66.7\nBob,2,0.0\nZoë,1,100.0\n,1,100.0\n")
  }

  @Test(arguments: [false, true])
  func since30DaysIncludesItsFirstMidnight(reversed: Bool) {
    // From 2026-11-01T00:00Z: rows 4–7 (row 4 is exactly midnight; row 3 a minute before).
    // Scores 3, 2, 4, 5: 2 of 4 satisfied.
    #expect(csv("csat since 30d", reversed: reversed) == "n,csat\n4,50.0\n")
    // 1d is today only: row 7.
    #expect(csv("count since 1d", reversed: reversed) == "count\n1\n")
  }

  @Test(arguments: [false, true])
  func everyMonthOfTheWindowIsListed(reversed: Bool) {
    // since 6mo runs from 2026-05-31: May to November, empty months with n = 0 and n/a.
    // August: 10 → 100; September: 8 → 0; October: 6 (row 2 blank) → −100;
    // November: 7, 3, 9, 10 → (2 − 1) / 4 = 25.
    #expect(
      csv("nps by month since 6mo", reversed: reversed)
        == "month,n,nps\n2026-05,0,\n2026-06,0,\n2026-07,0,\n2026-08,1,100.0\n"
        + "2026-09,1,0.0\n2026-10,1,-100.0\n2026-11,4,25.0\n")
  }

  @Test func conditions() {
    // Widget Pro: rows 1, 4, 6, 7 with csat 5, 3, 4, 5: 3 of 4.
    #expect(csv("csat where product = \"Widget Pro\"") == "n,csat\n4,75.0\n")
    // Not Widget Pro: rows 0, 2, 3, 5; csat 4, 1, blank, 2: 1 of 3.
    #expect(csv("csat where product != \"Widget Pro\"") == "n,csat\n3,33.3\n")
    #expect(csv("count where rep is missing") == "count\n1\n")
    #expect(csv("count where rep in (\"Ann\", \"Zoë\")") == "count\n4\n")
    // Blank reps are neither in nor out of a list: rows of Bob (3).
    #expect(csv("count where rep not in (\"Ann\", \"Zoë\")") == "count\n3\n")
    #expect(csv("count where csat_score >= 4 or nps_score <= 3") == "count\n5\n")
    #expect(csv("count where followed_up") == "count\n3\n")
    #expect(csv("count where not followed_up and product contains \"widget\"") == "count\n2\n")
    // In a condition 'nps' is the NPS column: scores 6 and 3 are at most 6.
    #expect(csv("count where nps <= 6") == "count\n2\n")
    #expect(csv("count where responded_at >= 2026-11-01") == "count\n4\n")
    #expect(csv("count where responded_at = 2026-10-31") == "count\n1\n")
  }

  @Test func havingTopBottomOrderLimit() {
    #expect(csv("csat by rep having n >= 2") == "rep,n,csat\nAnn,3,66.7\nBob,2,0.0\n")
    // Zoë and the blank rep tie at 100: group order breaks the tie.
    #expect(csv("csat by rep top 2") == "rep,n,csat\nZoë,1,100.0\n,1,100.0\n")
    #expect(csv("csat by rep bottom 1") == "rep,n,csat\nBob,2,0.0\n")
    #expect(csv("csat by rep order by n desc limit 2") == "rep,n,csat\nAnn,3,66.7\nBob,2,0.0\n")
    // With 'order by', top and bottom cut that order: by n, Ann 3 and Bob 2 come first; Zoë
    // and the blank rep tie at 1 and keep group order (the blank group last).
    #expect(csv("csat by rep order by n desc top 2") == "rep,n,csat\nAnn,3,66.7\nBob,2,0.0\n")
    #expect(csv("csat by rep order by n desc bottom 2") == "rep,n,csat\nZoë,1,100.0\n,1,100.0\n")
  }

  @Test func listShowsTheResponses() {
    // Detractors (nps ≤ 6) not followed up: row 5 only.
    #expect(
      csv("list rep, nps_score, responded_at where nps <= 6 and not followed_up")
        == "rep,nps_score,responded_at\nAnn,3,2026-11-02T10:00:00Z\n")
  }

  @Test func ageIsWholeDaysSinceTheResponse() {
    // Now is 2026-11-30 12:00. Row 5 (Ann, nps 3, not followed up) is from 2026-11-02 10:00:
    // 28 days and 2 hours, so 28.
    #expect(
      csv("list rep, age where nps <= 6 and not followed_up order by age desc")
        == "rep,age\nAnn,28\n")
    // Row 0, 2026-08-15 08:00: 16 days left in August + 30 + 31 + 30 = 107 days and 4 hours.
    // Row 1, 2026-09-01 08:00: 29 + 31 + 30 = 90 days and 4 hours. Row 7, 3 hours: 0.
    #expect(csv("list rep, age order by age desc limit 2") == "rep,age\n,107\nZoë,90\n")
    #expect(csv("list age order by age limit 1") == "age\n0\n")
  }

  @Test func npsRefusesAOneToFiveColumn() {
    let result = Fixtures.run("nps(csat_score)")
    #expect(result.outcome == .failure)
    #expect(result.messages.contains("holds values from 1 to 5"))
    #expect(result.output.isEmpty)
  }

  @Test func valueNoRowHasGivesAWarningWithTheNearestValue() {
    let result = Fixtures.run("csat where product = \"widget pro\"")
    #expect(
      result.messages.contains("no row has product = \"widget pro\"; did you mean \"Widget Pro\"?"))
    #expect(FigureColumns.removed(from: result.output) == "n,csat\n0,\n")
  }

  @Test func errorsKeepTheSessionUsable() {
    let result = Fixtures.run("csat by rp")
    #expect(result.outcome == .failure)
    #expect(result.messages.contains("no field named 'rp'"))
    #expect(result.messages.contains("did you mean 'rep'?"))
  }
}
