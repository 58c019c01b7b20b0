import Testing

@testable import CSATKit

/// `vs previous` and `vs last year` with a calendar unit in `by`: each bucket against its
/// earlier bucket, over the same stretch of it (see BucketBaseline.swift). Now is 2026-11-30
/// 12:00 UTC; rows are at 09:00 UTC unless said otherwise. CSAT 5 is satisfied, 2 is not.
@Suite struct BucketBaselineTests {
  typealias Group = ExplainFixtures.Group

  func csv(_ query: String, _ groups: [Group]) -> String {
    FigureColumns.removed(from: ExplainFixtures.run(query, groups).output)
  }

  @Test func monthOverMonthAcrossAYearBoundary() {
    // between 2026-01-01 and 2026-03-31: January to March; the earlier buckets run from
    // December 2025 (the bucket before January, whole) to February (whole, as March is).
    // December: 5 on 12-01, 2 on 12-31 → 1 of 2 = 50.0; the 5 on 11-30 is outside.
    // January: 5 5 5 2 → 3 of 4 = 75.0. February: 2 on 02-28 → 0 of 1. March: 5 5 → 2 of 2.
    // January vs December: pooled 4/6 = 0.666667, SE √(0.222222 × (1/4 + 1/2)) = 0.408248,
    // z = 0.25 / 0.408248 = 0.612372: not significant.
    // February vs January: pooled 3/5 = 0.6, SE √(0.24 × (1 + 1/4)) = 0.547723,
    // z = −0.75 / 0.547723 = −1.369306: not significant.
    // March vs February: pooled 2/3, SE √(0.222222 × (1/2 + 1)) = 0.577350,
    // z = 1 / 0.577350 = 1.732051 < 1.959964: not significant.
    let groups = [
      Group("A", (2025, 11, 30), csat: 5, 1),
      Group("A", (2025, 12, 1), csat: 5, 1), Group("A", (2025, 12, 31), csat: 2, 1),
      Group("A", (2026, 1, 1), csat: 5, 3), Group("A", (2026, 1, 15), csat: 2, 1),
      Group("A", (2026, 2, 28), csat: 2, 1),
      Group("A", (2026, 3, 1), csat: 5, 2), Group("A", (2026, 4, 1), csat: 2, 1),
    ]
    #expect(
      csv("csat by month between 2026-01-01 and 2026-03-31 vs previous", groups) == """
        month,n,csat,n_previous,csat_previous,csat_change,csat_significant
        2026-01,4,75.0,2,50.0,25.0,false
        2026-02,1,0.0,4,75.0,-75.0,false
        2026-03,2,100.0,1,0.0,100.0,false

        """)
    // Counts of rows: December 2, January 4, February 1, March 2.
    #expect(
      csv("count by month between 2026-01-01 and 2026-03-31 vs previous", groups) == """
        month,count,count_previous,count_change
        2026-01,4,2,2
        2026-02,1,4,-3
        2026-03,2,1,1

        """)
  }

  @Test func sameMonthAYearEarlierOverTheSameStretch() {
    // since 45d: 2026-10-17 00:00 to now, so October from the 17th and November to 12:00.
    // A year earlier: 2025-10-17 00:00 to 2025-11-30 12:00. The 5 on 2025-10-16 is before
    // it and the 2 on 2025-11-30 at 13:00 after it.
    // October 2025: 2 → 0 of 1; November 2025: 5 (11:00) → 1 of 1.
    // October 2026: 5 5 → 2 of 2; November 2026: 2 → 0 of 1.
    // October: pooled 2/3, SE √(0.222222 × (1/2 + 1)) = 0.577350, z = 1 / 0.577350 =
    // 1.732051: not significant. November: pooled 1/2, SE √(0.25 × 2) = 0.707107,
    // z = −1 / 0.707107 = −1.414214: not significant.
    var late = Group("A", (2025, 11, 30), csat: 2, 1)
    late.hour = 13
    var early = Group("A", (2025, 11, 30), csat: 5, 1)
    early.hour = 11
    let groups = [
      Group("A", (2025, 10, 16), csat: 5, 1), Group("A", (2025, 10, 20), csat: 2, 1), early,
      late, Group("A", (2026, 10, 17), csat: 5, 1), Group("A", (2026, 10, 31), csat: 5, 1),
      Group("A", (2026, 11, 30), csat: 2, 1),
    ]
    #expect(
      csv("csat by month since 45d vs last year", groups) == """
        month,n,csat,n_previous,csat_previous,csat_change,csat_significant
        2026-10,2,100.0,1,0.0,100.0,false
        2026-11,1,0.0,1,100.0,-100.0,false

        """)
  }

  @Test func weekOverWeekAcrossTheNewYear() {
    // 2026-01-01 is a Thursday, so ISO 2026-W01 runs from Monday 2025-12-29 to 2026-01-04.
    // between 2025-12-29 and 2026-01-11: W01 and W02; earlier: W52 of 2025 (12-22 to 12-28)
    // and W01. W52: 5 → 1 of 1; W01: 2 (12-31), 5 (01-04) → 1 of 2; W02: 2 → 0 of 1.
    // W01 vs W52: pooled 2/3, SE √(0.222222 × (1/2 + 1)) = 0.577350, z = −0.5 / 0.577350 =
    // −0.866025. W02 vs W01: pooled 1/3, SE √(0.222222 × (1 + 1/2)) = 0.577350, z =
    // −0.866025. Neither is significant.
    let groups = [
      Group("A", (2025, 12, 22), csat: 5, 1), Group("A", (2025, 12, 31), csat: 2, 1),
      Group("A", (2026, 1, 4), csat: 5, 1), Group("A", (2026, 1, 5), csat: 2, 1),
    ]
    #expect(
      csv("csat by week between 2025-12-29 and 2026-01-11 vs previous", groups) == """
        week,n,csat,n_previous,csat_previous,csat_change,csat_significant
        2026-W01,2,50.0,1,100.0,-50.0,false
        2026-W02,1,0.0,2,50.0,-50.0,false

        """)
  }

  @Test func otherGroupingsArePairedByTheirValues() {
    // A: January 5 5 (2 of 2), December 2 (0 of 1); B: January 2 (0 of 1), December none.
    // A: pooled 2/3, z = 1 / 0.577350 = 1.732051: not significant.
    let groups = [
      Group("A", (2025, 12, 10), csat: 2, 1), Group("A", (2026, 1, 10), csat: 5, 2),
      Group("B", (2026, 1, 10), csat: 2, 1),
    ]
    #expect(
      csv("csat by segment, month during 2026-01 vs previous", groups) == """
        segment,month,n,csat,n_previous,csat_previous,csat_change,csat_significant
        A,2026-01,2,100.0,1,0.0,100.0,false
        B,2026-01,1,0.0,0,,,

        """)
  }

  @Test func earlierBucketsByCalendarRules() {
    let month = BucketBaseline(
      earlier: Self.anyWindow, unit: .month, lastYear: true)
    // 2026-03 (2026 × 12 + 2) → 2025-03.
    #expect(month.earlierOrdinal(of: 2026 * 12 + 2) == 2025 * 12 + 2)
    let quarter = BucketBaseline(earlier: Self.anyWindow, unit: .quarter, lastYear: false)
    // 2026-Q1 → 2025-Q4.
    #expect(quarter.earlierOrdinal(of: 2026 * 4) == 2025 * 4 + 3)
    let weeks = BucketBaseline(earlier: Self.anyWindow, unit: .week, lastYear: true)
    // 2026-W10 starts Monday 2026-03-02; 2025-W10 starts Monday 2025-03-03.
    let march2026 = CalendarMath.dayNumber(CivilDate(year: 2026, month: 3, day: 2))
    let march2025 = CalendarMath.dayNumber(CivilDate(year: 2025, month: 3, day: 3))
    #expect(
      weeks.earlierOrdinal(of: TimeBucket.ordinal(.week, day: march2026))
        == TimeBucket.ordinal(.week, day: march2025))
    // 2026-W53 (from Monday 2026-12-28): 2025 has 52 ISO weeks, so there is none.
    let december2026 = CalendarMath.dayNumber(CivilDate(year: 2026, month: 12, day: 28))
    #expect(weeks.earlierOrdinal(of: TimeBucket.ordinal(.week, day: december2026)) == nil)
    // Days a year back: 2024-02-29 → 2023-02-28.
    let days = BucketBaseline(earlier: Self.anyWindow, unit: .day, lastYear: true)
    #expect(
      days.earlierOrdinal(of: CalendarMath.dayNumber(CivilDate(year: 2024, month: 2, day: 29)))
        == CalendarMath.dayNumber(CivilDate(year: 2023, month: 2, day: 28)))
    // The same place a month back keeps the day in its month: 2026-03-31 → 2026-02-28.
    #expect(
      BucketBaseline.earlierDay(
        CalendarMath.dayNumber(CivilDate(year: 2026, month: 3, day: 31)), .month,
        lastYear: false) == CalendarMath.dayNumber(CivilDate(year: 2026, month: 2, day: 28)))
  }

  static let anyWindow = ResolvedWindow(
    lower: 0, upper: 0, text: "", firstDay: 0, lastDay: 0, endsNow: false)

  @Test func twoCalendarUnitsCannotBeCompared() {
    let result = ExplainFixtures.run(
      "csat by month, week since 3mo vs previous", [Group("A", (2026, 11, 10), csat: 5, 1)])
    #expect(result.outcome == .failure)
    #expect(
      result.messages.contains(
        "error: 'vs previous' compares each bucket with an earlier one, so the query may group"
          + " by one calendar unit only, not by month and week"))
  }
}
