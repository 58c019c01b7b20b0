import Testing

@testable import CSATKit

/// Interval and low-n columns on the fixture (see Fixtures.swift), in CSV, JSON and Markdown.
///
/// Wilson bounds with z = 1.959964, z² = 3.841459; centre = (p + z²/2n) / (1 + z²/n),
/// half-width = z·√(p(1 − p)/n + z²/4n²) / (1 + z²/n):
/// - 2 of 3: z²/n = 1.280486, divisor 2.280486; centre (0.666667 + 0.640243) / 2.280486 =
///   0.573084; √(0.074074 + 0.106707) = 0.425184, half 1.959964 × 0.425184 / 2.280486 =
///   0.365424 → [20.8, 93.9].
/// - 0 of 2: z²/n = 1.920729, divisor 2.920729; centre 0.960365 / 2.920729 = 0.328810;
///   half 1.959964 × √(3.841459/16) / 2.920729 = 1.959964 × 0.489991 / 2.920729 = 0.328810
///   → [0.0, 65.8].
/// - 1 of 1: divisor 4.841459; centre 2.920729 / 4.841459 = 0.603275; half 1.959964 ×
///   0.979982 / 4.841459 = 0.396725 → [20.7, 100.0].
/// - 4 of 7: z²/n = 0.548780, divisor 1.548780; centre (0.571429 + 0.274390) / 1.548780 =
///   0.546119; √(0.034985 + 0.019599) = 0.233634, half 1.959964 × 0.233634 / 1.548780 =
///   0.295661 → [25.0, 84.2].
@Suite struct IntervalQueryTests {
  func output(_ script: String, format: OutputFormat = .csv) -> String {
    Fixtures.run(script, format: format).output
  }

  @Test func oneMetricHasBoundsAndOneLowNColumn() {
    // Ann 2 of 3, Bob 0 of 2, Zoë and the blank rep 1 of 1; every n is under 30. The default
    // CSAT target of 80 follows: met by 100.0 only.
    #expect(
      output("csat by rep")
        == """
        rep,n,csat,csat_low,csat_high,low_n,csat_target,csat_met
        Ann,3,66.7,20.8,93.9,true,80.0,false
        Bob,2,0.0,0.0,65.8,true,80.0,false
        Zoë,1,100.0,20.7,100.0,true,80.0,true
        ,1,100.0,20.7,100.0,true,80.0,true

        """)
  }

  @Test func minimumNIsASetting() {
    // With min_n 3, Ann (n = 3) is no longer flagged; n < 3 still is.
    #expect(
      output(".set min_n 3\ncsat by rep")
        == """
        rep,n,csat,csat_low,csat_high,low_n,csat_target,csat_met
        Ann,3,66.7,20.8,93.9,false,80.0,false
        Bob,2,0.0,0.0,65.8,true,80.0,false
        Zoë,1,100.0,20.7,100.0,true,80.0,true
        ,1,100.0,20.7,100.0,true,80.0,true

        """)
  }

  @Test func confidenceIsASetting() {
    // 1 of 1 at 90 %: z = 1.644854, z² = 2.705545, divisor 3.705545; centre 2.352772 /
    // 3.705545 = 0.634933; half 1.644854 × 0.822427 / 3.705545 = 0.365067 → low 27.0.
    #expect(
      output(".set confidence 90\ncsat where rep = \"Zoë\"")
        == "n,csat,csat_low,csat_high,low_n,csat_target,csat_met\n"
        + "1,100.0,27.0,100.0,true,80.0,true\n")
  }

  @Test func settingsRefuseOtherLevelsAndNegativeMinimums() {
    let level = Fixtures.run(".set confidence 80")
    #expect(level.outcome == .failure)
    #expect(level.messages.contains("'.set confidence' takes 90, 95 or 99 (percent)"))
    let minimum = Fixtures.run(".set min_n -1")
    #expect(minimum.outcome == .failure)
    #expect(minimum.messages.contains("'.set min_n' takes a whole number of respondents"))
    // Both show in the settings list.
    let listed = Fixtures.run(".set confidence 99%\n.set min_n 5\n.set").output
    #expect(listed.contains("confidence,99%\nmin_n,5\n"))
  }

  @Test func severalMetricsEachHaveTheirOwnFlag() {
    // csat 4 of 7 → [25.0, 84.2]. avg(nps_score): (10 + 8 + 6 + 7 + 3 + 9 + 10) / 7 = 53 / 7
    // = 7.57…, no interval; count has neither interval nor flag.
    #expect(
      output("csat, avg(nps_score), count")
        == "csat_n,csat,csat_low,csat_high,csat_low_n,csat_target,csat_met,avg(nps_score)_n,"
        + "avg(nps_score),avg(nps_score)_low_n,count\n"
        + "7,57.1,25.0,84.2,true,80.0,false,7,7.6,true,8\n")
  }

  @Test func noRespondentsLeavesTheBoundsEmpty() {
    #expect(
      output("csat where rep = \"Nobody\"")
        == "n,csat,csat_low,csat_high,low_n,csat_target,csat_met\n0,,,,true,80.0,\n")
  }

  @Test func jsonCarriesTheBoundsAndTheFlag() {
    #expect(
      output("csat where rep = \"Bob\"", format: .json)
        == """
        [
          {"n": 2, "csat": 0.0, "csat_low": 0.0, "csat_high": 65.8, "low_n": true, \
        "csat_target": 80.0, "csat_met": false}
        ]

        """)
    #expect(
      output("csat where rep = \"Nobody\"", format: .json)
        == """
        [
          {"n": 0, "csat": null, "csat_low": null, "csat_high": null, "low_n": true, \
        "csat_target": 80.0, "csat_met": null}
        ]

        """)
  }

  @Test func markdownCarriesTheBoundsAsColumns() {
    #expect(
      output("csat where rep = \"Bob\"", format: .markdown)
        == """
        all responses: 2026-08-15 to 2026-11-30 (UTC)

        |   n | csat | csat_low | csat_high | low_n | csat_target | csat_met |
        | --: | ---: | -------: | --------: | ----: | ----------: | -------: |
        |   2 |  0.0 |      0.0 |      65.8 |  true |        80.0 |    false |

        """)
  }

  @Test func terminalShowsNoMarkerBesideNoFigure() {
    // Zoë's only answer (row 1, score 5) is in September: 1 of 1 → [20.7, 100.0], marked.
    // The other months of since 6mo (from 2026-05-31) have n = 0: n/a, no interval, no marker.
    // 100.0 meets the default target of 80: ✓.
    let empty = ["2026-05", "2026-06", "2026-07", "2026-08"].map { "\($0)  0    n/a" }
    let lines =
      [
        "since 6mo: 2026-05-31 00:00 to 2026-11-30 12:00 (UTC)",
        "month    n  csat",
        "───────  ─  ───────────────────────",
      ] + empty + [
        "2026-09  1  100.0 [20.7, 100.0] * ✓",
        "2026-10  0    n/a",
        "2026-11  0    n/a",
        "(7 rows)",
        "* n < 30: too few responses to trust",
        "±, [low, high]: 95% confidence interval",
        "✓ target met, ✗ target missed ('targets' lists the targets)",
      ]
    #expect(
      output("csat by month where rep = \"Zoë\" since 6mo", format: .table)
        == lines.joined(separator: "\n") + "\n")
  }
}
