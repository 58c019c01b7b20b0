import Testing

@testable import CSATKit

/// `explain change` on hand-made data (see ExplainFixtures.swift). Now is 2026-11-30 12:00
/// UTC: `since 30d` is 2026-11-01 00:00 to now and `vs previous` 2026-10-02 00:00 to
/// 2026-10-31 12:00; the rows fall on 11-10 (now) and 10-10 (then). CSAT 5 is satisfied and
/// 2 is not. CSV and JSON carry four decimals.
@Suite struct ExplainQueryTests {
  typealias Group = ExplainFixtures.Group

  /// Both segments improve, yet the total falls: respondents moved to the weaker segment.
  ///
  /// | segment | then        | now         |
  /// | ------- | ----------- | ----------- |
  /// | A       | 40 of 50    | 18 of 20    |
  /// | B       | 20 of 50    | 36 of 80    |
  static let shiftToTheWeaker: [Group] = [
    Group("A", (2026, 10, 10), csat: 5, 40), Group("A", (2026, 10, 10), csat: 2, 10),
    Group("B", (2026, 10, 10), csat: 5, 20), Group("B", (2026, 10, 10), csat: 2, 30),
    Group("A", (2026, 11, 10), csat: 5, 18), Group("A", (2026, 11, 10), csat: 2, 2),
    Group("B", (2026, 11, 10), csat: 5, 36), Group("B", (2026, 11, 10), csat: 2, 44),
  ]

  @Test func rateAndMixEffectsOfOppositeSigns() {
    // Shares then 50/100 = 50 %, 50 %; now 20/100 = 20 %, 80/100 = 80 %.
    // Rates then 80, 40 (total 60/100 = 60); now 90, 45 (total 54/100 = 54): change −6.
    // A: rate effect (90 − 80)·(0.5 + 0.2)/2 = 10·0.35 = 3.5;
    //    mix effect (0.2 − 0.5)·(80 + 90)/2 = −0.3·85 = −25.5; change −22.
    // B: rate effect (45 − 40)·(0.5 + 0.8)/2 = 5·0.65 = 3.25;
    //    mix effect (0.8 − 0.5)·(40 + 45)/2 = 0.3·42.5 = 12.75; change 16.
    // Rate effects 3.5 + 3.25 = 6.75 > 0, mix effects −25.5 + 12.75 = −12.75 < 0;
    // 6.75 − 12.75 = −6 = 54 − 60.
    let result = ExplainFixtures.run(
      "explain change in csat by segment since 30d vs previous", Self.shiftToTheWeaker)
    #expect(
      result.output == """
        segment,n_previous,n,share_previous,share,csat_previous,csat,rate_effect,mix_effect,change
        A,50,20,50.0000,20.0000,80.0000,90.0000,3.5000,-25.5000,-22.0000
        B,50,80,50.0000,80.0000,40.0000,45.0000,3.2500,12.7500,16.0000
        total,100,100,100.0000,100.0000,60.0000,54.0000,6.7500,-12.7500,-6.0000

        """)
    #expect(result.messages == "")
  }

  @Test func terminalFiguresStillAddUp() {
    // At one decimal 3.25, 6.75, 12.75 and −12.75 all lie halfway. The total change −6.0 is
    // split first between the sums: 6.75 and −12.75 are 67.5 and −127.5 tenths, rounded down
    // to 67 and −128 (−61); one tenth is missing and goes to the first of the equal
    // remainders: 6.8 and −12.8. Rate effects 35 and 32.5 tenths round down to 35 and 32
    // (67), one short of 68: B's 32.5 has the larger remainder, so 3.3. Mix effects −255
    // and 127.5 round down to −255 and 127, already −128: 12.7. Changes −22.0 and 16.0.
    let result = ExplainFixtures.run(
      "explain change in csat by segment since 30d vs previous", Self.shiftToTheWeaker,
      format: .table)
    #expect(
      result.output == """
        since 30d: 2026-11-01 00:00 to 2026-11-30 12:00 (UTC); previous: 2026-10-02 00:00 to \
        2026-10-31 12:00
        segment  n_previous    n  share_previous  share  csat_previous  csat  rate_effect  \
        mix_effect  change
        ───────  ──────────  ───  ──────────────  ─────  ─────────────  ────  ───────────  \
        ──────────  ──────
        A                50   20            50.0   20.0           80.0  90.0          3.5  \
             -25.5   -22.0
        B                50   80            50.0   80.0           40.0  45.0          3.3  \
              12.7    16.0
        total           100  100           100.0  100.0           60.0  54.0          6.8  \
             -12.8    -6.0
        (3 rows)
        share, rates: %; rate_effect = rate change × average share, mix_effect = share change \
        × average rate, in points; they add up to the total change

        """)
  }

  @Test func aSegmentInOneWindowOnlyIsAllMix() {
    // Then: A 8 of 10 (80). Now: A 6 of 10 (60), C 10 of 10 (100); totals 80 and 16/20 = 80.
    // A: shares 1 → 0.5; rate effect (60 − 80)·(1 + 0.5)/2 = −15; mix (0.5 − 1)·70 = −35.
    // C: share 0 → 0.5, its rate then taken as now's, 100: rate effect 0; mix effect
    // 0.5·(100 + 100)/2 = 50. Sums: rate −15, mix −35 + 50 = 15, change 0 = 80 − 80.
    let groups = [
      Group("A", (2026, 10, 10), csat: 5, 8), Group("A", (2026, 10, 10), csat: 2, 2),
      Group("A", (2026, 11, 10), csat: 5, 6), Group("A", (2026, 11, 10), csat: 2, 4),
      Group("C", (2026, 11, 10), csat: 5, 10),
    ]
    let result = ExplainFixtures.run(
      "explain change in csat by segment since 30d vs previous", groups)
    #expect(
      result.output == """
        segment,n_previous,n,share_previous,share,csat_previous,csat,rate_effect,mix_effect,change
        A,10,10,100.0000,50.0000,80.0000,60.0000,-15.0000,-35.0000,-50.0000
        C,0,10,0.0000,50.0000,,100.0000,0.0000,50.0000,50.0000
        total,10,20,100.0000,100.0000,80.0000,80.0000,-15.0000,15.0000,0.0000

        """)
    let table = ExplainFixtures.run(
      "explain change in csat by segment since 30d vs previous", groups, format: .table)
    #expect(
      table.output.hasSuffix(
        "a segment with no respondents in one window takes there its rate in the other: its"
          + " whole contribution is mix_effect\n"))
  }

  @Test func aWindowWithoutRespondentsCannotBeSplit() {
    // Nothing then: no shares then, so no effects; the figures of now are shown. A blank
    // answer is no respondent: the 3 blank rows of B then count for nothing, and B, with
    // no respondents in either window, is left out.
    let groups = [
      Group("B", (2026, 10, 10), csat: nil, 3),
      Group("A", (2026, 11, 10), csat: 5, 3), Group("A", (2026, 11, 10), csat: 2, 1),
    ]
    let result = ExplainFixtures.run(
      "explain change in csat by segment since 30d vs previous", groups)
    #expect(
      result.output == """
        segment,n_previous,n,share_previous,share,csat_previous,csat,rate_effect,mix_effect,change
        A,0,4,,100.0000,,75.0000,,,
        total,0,4,,100.0000,,75.0000,,,

        """)
    let empty = ExplainFixtures.run(
      "explain change in csat by segment since 30d vs last year", groups, format: .json)
    // November 2025 and November 2026 since 30d: then nothing; now A 3 of 4.
    #expect(
      empty.output == """
        [
          {"segment": "A", "n_previous": 0, "n": 4, "share_previous": null, "share": 100.0000, \
        "csat_previous": null, "csat": 75.0000, "rate_effect": null, "mix_effect": null, \
        "change": null},
          {"segment": "total", "n_previous": 0, "n": 4, "share_previous": null, \
        "share": 100.0000, "csat_previous": null, "csat": 75.0000, "rate_effect": null, \
        "mix_effect": null, "change": null}
        ]

        """)
  }

  @Test func npsIsSplitLikeAShare() {
    // NPS = % promoters − % detractors, so the total is Σ share·NPS too.
    // Then: X 10 10 0 8 → (2 − 1)/4 = 25; Y 10 5 → (1 − 1)/2 = 0; total (3 − 2)/6 = 16.6667.
    // Now: X 10 0 → 0; Y 9 9 9 7 → 3/4 = 75; total (4 − 1)/6 = 50. Change 33.3333.
    // Shares then 4/6, 2/6; now 2/6, 4/6.
    // X: rate (0 − 25)·(4/6 + 2/6)/2 = −12.5; mix (2/6 − 4/6)·(25 + 0)/2 = −4.16667.
    // Y: rate (75 − 0)·(1)/2 = 37.5; mix (4/6 − 2/6)·(0 + 75)/2 = 12.5.
    // Rate 25 + mix 8.33333 = 33.33333. Shares 66.66667 and 33.33333 round to 66.6667 and
    // 33.3333, which add up to 100.
    let groups = [
      Group("X", (2026, 10, 10), csat: nil, nps: 10, 2),
      Group("X", (2026, 10, 10), csat: nil, nps: 0, 1),
      Group("X", (2026, 10, 10), csat: nil, nps: 8, 1),
      Group("Y", (2026, 10, 10), csat: nil, nps: 10, 1),
      Group("Y", (2026, 10, 10), csat: nil, nps: 5, 1),
      Group("X", (2026, 11, 10), csat: nil, nps: 10, 1),
      Group("X", (2026, 11, 10), csat: nil, nps: 0, 1),
      Group("Y", (2026, 11, 10), csat: nil, nps: 9, 3),
      Group("Y", (2026, 11, 10), csat: nil, nps: 7, 1),
    ]
    let result = ExplainFixtures.run(
      "explain change in nps by segment since 30d vs previous", groups)
    #expect(
      result.output == """
        segment,n_previous,n,share_previous,share,nps_previous,nps,rate_effect,mix_effect,change
        X,4,2,66.6667,33.3333,25.0000,0.0000,-12.5000,-4.1667,-16.6667
        Y,2,4,33.3333,66.6667,0.0000,75.0000,37.5000,12.5000,50.0000
        total,6,6,100.0000,100.0000,16.6667,50.0000,25.0000,8.3333,33.3333

        """)
  }

  @Test(arguments: [
    (
      "explain change in avg(csat_score) by segment since 30d vs previous",
      "error: 'explain change' works on a share or nps, not on 'avg'"
    ),
    (
      "explain change in csat by week since 30d vs previous",
      "error: 'explain change' cannot split by week: the two windows hold different weeks"
    ),
    (
      "explain change in csat by segment since 30d",
      "error: 'explain change' needs 'vs previous' or 'vs last year'"
    ),
    (
      "explain change in csat as n by segment since 30d vs previous",
      "error: the result would have two columns named 'n_previous'"
    ),
  ])
  func refusals(statement: String, message: String) {
    let result = ExplainFixtures.run(statement, Self.shiftToTheWeaker)
    #expect(result.outcome == .failure)
    #expect(result.messages.contains(message))
    #expect(result.output == "")
  }
}
