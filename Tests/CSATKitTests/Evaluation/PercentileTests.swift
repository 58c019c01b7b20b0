import Testing

@testable import CSATKit

/// Percentiles and distributions: the interpolation rule, quickselect, and queries on the
/// fixture (see Fixtures.swift), whose score columns are counted per point.
@Suite struct PercentileTests {
  func csv(_ query: String) -> String {
    FigureColumns.removed(from: Fixtures.run(query).output)
  }

  @Test(
    arguments: [
      // 1 2 3 4: h = 3 × p/100. p50: h = 1.5 → 2 + 0.5 × (3 − 2) = 2.5.
      ([1, 2, 3, 4], 50, 2.5),
      // p90: h = 2.7 → 3 + 0.7 × 1 = 3.7.
      ([4, 3, 2, 1], 90, 3.7),
      // p25 of 10 20 30 40 50: h = 1 → 20 exactly.
      ([50, 10, 40, 20, 30], 25, 20),
      // p1 of 0 100: h = 0.01 → 0 + 0.01 × 100 = 1.
      ([100, 0], 1, 1),
      // p99 of 0 100: h = 0.99 → 99.
      ([0, 100], 99, 99),
      // One answer: every percentile is that answer.
      ([7], 37, 7),
      // Ties: 5 5 5 9, p50: h = 1.5 → 5 + 0.5 × 0 = 5.
      ([5, 9, 5, 5], 50, 5),
    ] as [([Double], Int, Double)])
  func interpolatesBetweenTheClosestRanks(values: [Double], percent: Int, expected: Double) {
    var copy = values
    let found = Percentile.of(&copy, percent: percent)
    #expect(found.map { abs($0 - expected) < 1e-9 } == true)
  }

  @Test func noAnswersHaveNoPercentile() {
    var empty: [Double] = []
    #expect(Percentile.of(&empty, percent: 50) == nil)
    #expect(ScorePoints(low: 1, counts: [0, 0, 0]).percentile(50) == nil)
  }

  /// Quickselect against a full sort of the same values (the sort is the independent check).
  @Test func quickselectAgreesWithSorting() {
    var generator = SystemRandomNumberGenerator()
    for size in [1, 2, 3, 10, 101, 1000] {
      let values = (0..<size).map { _ in Double(Int.random(in: 0..<50, using: &generator)) }
      let sorted = values.sorted()
      for k in Set([0, size / 3, size / 2, size - 1]) {
        var copy = values
        copy.withUnsafeMutableBufferPointer { Percentile.select($0, k) }
        #expect(copy[k] == sorted[k])
        #expect(copy[..<k].allSatisfy { $0 <= copy[k] })
        #expect(copy[(k + 1)...].allSatisfy { $0 >= copy[k] })
      }
    }
  }

  /// The k-th smallest of everything but a group, against sorting that complement itself.
  @Test func rankOfTheRestAgreesWithSorting() {
    var generator = SplitMix64(state: 3)
    for _ in 0..<50 {
      let everything = (0..<40).map { _ in Double(Int.random(in: 0..<12, using: &generator)) }
      let cut = Int.random(in: 0..<40, using: &generator)
      let own = everything[..<cut].sorted()
      let rest = everything[cut...].sorted()
      for k in rest.indices {
        #expect(
          GroupValues.smallest(k, of: everything.sorted(), without: own[...]) == rest[k])
      }
    }
  }

  @Test func scorePointsWalkTheCounts() {
    // Scores 1 ×1, 2 ×0, 3 ×2, 4 ×1: sorted 1 3 3 4. p50: h = 1.5 → 3. p90: h = 2.7 →
    // 3 + 0.7 × (4 − 3) = 3.7. p10: h = 0.3 → 1 + 0.3 × (3 − 1) = 1.6.
    let points = ScorePoints(low: 1, counts: [1, 0, 2, 1])
    #expect(points.percentile(50) == 3)
    #expect(points.percentile(90).map { abs($0 - 3.7) < 1e-9 } == true)
    #expect(points.percentile(10).map { abs($0 - 1.6) < 1e-9 } == true)
  }

  @Test func percentilesOfScoreColumns() {
    // CSAT answers 4 5 1 3 2 4 5 (row 3 blank), sorted 1 2 3 4 4 5 5, n 7.
    // median: h = 3 → 4. p90: h = 5.4 → 5 + 0.4 × 0 = 5. p25: h = 1.5 → 2 + 0.5 × 1 = 2.5.
    #expect(
      csv("median(csat), p90(csat_score), p25(csat)")
        == "median(csat)_n,median(csat),p90(csat_score)_n,p90(csat_score),p25(csat)_n,p25(csat)\n"
        + "7,4.0,7,5.0,7,2.5\n")
    // By rep: Ann 2 4 5 → h = 1 → 4; Bob 1 3 (row 3 blank) → h = 0.5 → 2; Zoë 5; blank 4.
    #expect(
      csv("median(csat) by rep") == "rep,n,median(csat)\nAnn,3,4.0\nBob,2,2.0\nZoë,1,5.0\n,1,4.0\n")
    // NPS answers 10 8 6 7 3 9 10 (row 2 blank), sorted 3 6 7 8 9 10 10: p10: h = 0.6 →
    // 3 + 0.6 × 3 = 4.8; p75: h = 4.5 → 9 + 0.5 × 1 = 9.5.
    #expect(csv("p10(nps), p75(nps)") == "p10(nps)_n,p10(nps),p75(nps)_n,p75(nps)\n7,4.8,7,9.5\n")
  }

  @Test func percentileAgainstTheRest() {
    // Ann 2 4 5: median 4; the rest 4 5 1 3 → sorted 1 3 4 5, h = 1.5 → 3.5.
    // Bob 1 3: median 2; the rest 4 5 2 4 5 → sorted 2 4 4 5 5 → 4.
    let output = csv("median(csat) by rep vs rest")
    #expect(output.hasPrefix("rep,n,median(csat),n_rest,median(csat)_rest\n"))
    #expect(output.contains("Ann,3,4.0,4,3.5\n"))
    #expect(output.contains("Bob,2,2.0,5,4.0\n"))
  }

  @Test func distributionOfScores() {
    // CSAT 4 5 1 3 2 4 5, n 7: 1, 2, 3 once each → 100/7 = 14.28… → 14.3; 4 and 5 twice →
    // 28.57… → 28.6.
    #expect(
      csv("distribution(csat)")
        == "n,csat_1,csat_2,csat_3,csat_4,csat_5\n7,14.3,14.3,14.3,28.6,28.6\n")
    // NPS 10 8 6 7 3 9 10: 3, 6, 7, 8, 9 once → 14.3; 10 twice → 28.6; the rest 0.
    #expect(
      csv("distribution(nps)")
        == "n,nps_0,nps_1,nps_2,nps_3,nps_4,nps_5,nps_6,nps_7,nps_8,nps_9,nps_10\n"
        + "7,0.0,0.0,0.0,14.3,0.0,0.0,14.3,14.3,14.3,14.3,28.6\n")
    // By rep, with an alias naming the columns: Ann 2 4 5 → 33.3 each of 2, 4, 5;
    // Bob 1 3 → 50.0 each; Zoë 5 → 100; blank rep 4 → 100.
    #expect(
      csv("distribution(csat) as s by rep")
        == "rep,n,s_1,s_2,s_3,s_4,s_5\nAnn,3,0.0,33.3,0.0,33.3,33.3\n"
        + "Bob,2,50.0,0.0,50.0,0.0,0.0\nZoë,1,0.0,0.0,0.0,0.0,100.0\n"
        + ",1,0.0,0.0,0.0,100.0,0.0\n")
  }

  @Test func distributionCanBeFiltered() {
    // Ann's share of 5s is 33.3, Zoë's 100: having s_5 > 50 keeps Zoë only.
    #expect(
      csv("distribution(csat) as s by rep having s_5 > 50")
        == "rep,n,s_1,s_2,s_3,s_4,s_5\nZoë,1,0.0,0.0,0.0,0.0,100.0\n")
  }

  @Test(arguments: [
    ("p90(rep)", "p90 needs a number or score field, but 'rep' is text"),
    ("p0(csat)", "'p0' is no percentile: write p1 to p99, or median for p50"),
    ("p100(csat)", "'p100' is no percentile: write p1 to p99, or median for p50"),
    ("median", "'median' needs a number field, e.g. median(response_time_minutes)"),
    ("distribution(product)", "distribution needs a score field, but 'product' is text"),
    ("distribution(followed_up)", "distribution needs a score field, but 'followed_up' is boolean"),
    (
      "check distribution(csat) >= 1",
      "check compares one figure, and distribution(csat) has several"
    ),
    (
      "distribution(csat) by rep top 2",
      "'top' ranks by the first metric, and distribution(csat) has no single figure"
    ),
    (
      "chart distribution(csat) by month",
      "chart draws one figure, and distribution(csat) has several"
    ),
    (
      "distribution(csat) since 30d vs previous",
      "distribution shows several shares and cannot be compared with 'vs'"
    ),
  ])
  func refusals(query: String, message: String) {
    let run = Fixtures.run(query)
    #expect(run.outcome == .failure)
    #expect(run.messages.contains("error: " + message))
  }
}
