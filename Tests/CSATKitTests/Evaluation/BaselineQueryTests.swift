import Testing

@testable import CSATKit

/// `vs previous`, `vs last year` and `vs rest` on the fixture (see Fixtures.swift; now is
/// 2026-11-30 12:00 UTC). Interval and low-n columns are left out (IntervalQueryTests checks
/// them); the comparison columns are the subject here.
@Suite struct BaselineQueryTests {
  func csv(_ query: String, reversed: Bool = false) -> String {
    FigureColumns.removed(from: Fixtures.run(query, reversed: reversed).output)
  }

  /// Rows out of time order are selected by a condition rather than a row range.
  @Test(arguments: [false, true])
  func previousWindowEndsAtTheSameClockTime(reversed: Bool) {
    // since 30d: 2026-11-01 00:00 to now, rows 4–7, CSAT 3 2 4 5 → 2 of 4 = 50.0.
    // Previous: 30 days earlier, 2026-10-02 00:00 to 2026-10-31 12:00: row 2 (CSAT 1) only;
    // row 3 (10-31 23:59) is after 12:00. 0 of 1 → 0.0; change 50.0.
    // Pooled p = 2 / 5 = 0.4; SE √(0.4 × 0.6 × (1/4 + 1/1)) = √0.3 = 0.547723;
    // z = 0.5 / 0.547723 = 0.912871 < 1.959964: not significant.
    #expect(
      csv("csat since 30d vs previous", reversed: reversed)
        == "n,csat,n_previous,csat_previous,csat_change,csat_significant\n"
        + "4,50.0,1,0.0,50.0,false\n")
    #expect(
      csv("count since 30d vs previous", reversed: reversed)
        == "count,count_previous,count_change\n4,1,3\n")
  }

  @Test func groupsOfEitherWindowAppear() {
    // Now: Ann rows 5–7 (2 4 5 → 2 of 3), Bob row 4 (3 → 0 of 1). Before: Bob row 2 (1 → 0
    // of 1); Ann has none, so her previous figure, change and test are empty. Bob: 0 of 1
    // both times, pooled share 0 → z = 0: not significant.
    #expect(
      csv("csat by rep since 30d vs previous")
        == "rep,n,csat,n_previous,csat_previous,csat_change,csat_significant\n"
        + "Ann,3,66.7,0,,,\nBob,1,0.0,1,0.0,0.0,false\n")
  }

  @Test func wholePeriodIsComparedWithThePeriodBefore() {
    // last month = October: NPS answers row 3 (6) → −100.0 over 1. September: row 1 (8) →
    // 0.0 over 1. Neither side varies and they differ: the test cannot tell, so empty.
    #expect(
      csv("nps last month vs previous")
        == "n,nps,n_previous,nps_previous,nps_change,nps_significant\n1,-100.0,1,0.0,-100.0,\n")
  }

  @Test func lastYearHasNoResponsesInTheFixture() {
    // November 2025 holds no row: n 0, the figure and everything after it empty.
    #expect(
      csv("csat since 30d vs last year")
        == "n,csat,n_previous,csat_previous,csat_change,csat_significant\n4,50.0,0,,,\n")
  }

  @Test func restIsEveryOtherResponse() {
    // Gadget (rows 0 2 3 5): CSAT 4 1 2 → 1 of 3; Widget Pro (rows 1 4 6 7): 5 3 4 5 → 3 of 4.
    // Each is the other's rest. Pooled 4 / 7 = 0.571429; SE √(0.571429 × 0.428571 ×
    // (1/3 + 1/4)) = √(0.244898 × 0.583333) = √0.142857 = 0.377964; z = (0.333333 − 0.75) /
    // 0.377964 = −1.102396: not significant either way.
    #expect(
      csv("csat by product vs rest")
        == "product,n,csat,n_rest,csat_rest,csat_significant\n"
        + "Gadget,3,33.3,4,75.0,false\nWidget Pro,4,75.0,3,33.3,false\n")
    // NPS: Gadget 10 6 3 → P 1, D 2 of 3: −33.3, variance 1 − 1/9 = 0.888889; Widget Pro
    // 8 7 9 10 → P 2, D 0 of 4: 50.0, variance 0.5 − 0.25 = 0.25. SE √(0.888889/3 + 0.25/4)
    // = √0.358796 = 0.598996; z = −0.833333 / 0.598996 = −1.391193: not significant.
    #expect(
      csv("nps by product vs rest")
        == "product,n,nps,n_rest,nps_rest,nps_significant\n"
        + "Gadget,3,-33.3,4,50.0,false\nWidget Pro,4,50.0,3,-33.3,false\n")
  }

  @Test func severalMetricsNameTheirBaselineColumns() {
    #expect(
      csv("csat, count vs rest")
        == "csat_n,csat,csat_n_rest,csat_rest,csat_significant,count,count_rest\n"
        + "7,57.1,0,,,8,0\n")
  }

  @Test func previousNeedsAWindow() {
    let result = Fixtures.run("csat by rep vs previous")
    #expect(result.outcome == .failure)
    #expect(
      result.messages.contains(
        "error: 'vs previous' compares the query's window with an earlier one, but the query"
          + " has no window"))
  }

  @Test func timeBucketsAreComparedBucketByBucket() {
    // since 4mo: 2026-07-31 00:00 to now (2026-11-30 12:00); each month against the month
    // before over the same stretch: from 2026-06-30 (the 31st a month back, kept in June) to
    // 2026-10-30 12:00. NPS: August 10 → 100 (n 1), September 8 → 0, October 6 (10-31
    // 23:59) → −100, November 7 3 9 10 → (2 − 1)/4 = 25.0. November is compared with October
    // up to 10-30 12:00, which holds no answer. September against August and October against
    // September: neither side varies and they differ, so no test (empty).
    #expect(
      csv("nps by month since 4mo vs previous")
        == "month,n,nps,n_previous,nps_previous,nps_change,nps_significant\n"
        + "2026-07,0,,0,,,\n2026-08,1,100.0,0,,,\n2026-09,1,0.0,1,100.0,-100.0,\n"
        + "2026-10,1,-100.0,1,0.0,-100.0,\n2026-11,4,25.0,0,,,\n")
  }
}
