import Foundation
import Testing

/// `vs previous` with a calendar unit in `by`, through the built binary, on the file of
/// `ExplainEndToEndTests` (October: 7 satisfied of 10 respondents and 3 blank answers, all on
/// 10-10; November: 7 of 10, on 11-10).
@Suite struct BucketBaselineEndToEndTests {
  @Test func eachMonthAgainstTheMonthBefore() throws {
    let scratch = Scratch()
    defer { scratch.remove() }
    scratch.write("channels.csv", ExplainEndToEndTests.csv)

    // Now 2026-11-30 12:00: since 60d starts 2026-10-02, so October from the 2nd and
    // November to now. Earlier: from 09-02 (the 2nd a month back) to 10-30 12:00 (the 30th a
    // month back, same clock time). September has no response; October to 10-30 holds the
    // 10-10 rows. October: 7 of 10 = 70.0 against nothing; November: 7 of 10 against 7 of
    // 10: change 0.0, pooled share 0.7, z = 0: not significant. Rows (blanks too): October
    // 13 against 0; November 10 against 13.
    let result = try scratch.run(
      "channels.csv", "--now", EndToEnd.now, "--format", "csv", "-e",
      "csat by month since 60d vs previous", "-e", "count by month since 60d vs previous")

    #expect(
      result.figures == """
        month,n,csat,n_previous,csat_previous,csat_change,csat_significant
        2026-10,10,70.0,0,,,
        2026-11,10,70.0,10,70.0,0.0,false
        month,count,count_previous,count_change
        2026-10,13,0,13
        2026-11,10,13,-3

        """)
    #expect(result.messages == "")
    #expect(result.status == 0)
  }
}
