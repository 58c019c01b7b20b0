import Foundation
import Testing

/// `coverage` on a hand-made CSV through the built binary, every count and day worked out by
/// hand below. Now is 2026-11-30 12:00 UTC (`EndToEnd.now`).
@Suite struct CoverageEndToEndTests {
  /// Row 10 comes after now: no count and no last response take it in. Row 11 has no team.
  ///
  /// Days to 2026-11-30: from 11-28 → 2; 11-03 → 27; 10-30 → 1 (to 10-31) + 30 = 31;
  /// 10-01 → 30 (to 10-31) + 30 = 60; 07-01 → 30 + 31 + 30 + 31 + 30 = 152 (to 07-31, then
  /// August, September, October, November).
  static let csv = """
    id,responded_at,team,csat_score
    1,2026-08-20T10:00:00Z,North,5
    2,2026-09-05T10:00:00Z,North,4
    3,2026-10-12T10:00:00Z,North,3
    4,2026-11-28T10:00:00Z,North,5
    5,2026-09-15T10:00:00Z,South,2
    6,2026-10-30T23:00:00Z,South,4
    7,2026-07-01T10:00:00Z,West,5
    8,2026-11-02T09:00:00Z,East,4
    9,2026-11-03T09:00:00Z,East,5
    10,2026-12-05T10:00:00Z,East,5
    11,2026-10-01T08:00:00Z,,3

    """

  private func coverage(_ statement: String, format: String = "csv") throws -> RunResult {
    let scratch = Scratch()
    defer { scratch.remove() }
    scratch.write("teams.csv", Self.csv)
    return try scratch.run("teams.csv", "--now", EndToEnd.now, "--format", format, "-e", statement)
  }

  @Test(arguments: [
    // since 90d: 2026-11-30 − 89 days = 2026-09-02 (Nov 30 → Nov 1 is 29 days, → Oct 1 is 31
    // more, → Sep 2 is 29 more) to now: months 2026-09, 2026-10, 2026-11, three periods.
    // North rows 2 3 4 (one a month) → 3, 3/3 = 1.0. South rows 5 6 → 2, 2/3 = 0.7, none in
    // November. West row 7 is in July → 0. East rows 8 9 in November → 2. Blank row 11 → 1.
    (
      "coverage by team since 90d",
      """
      team,n,per_month,2026-09,2026-10,2026-11,last_response,days_since,none_in_window,\
      none_in_latest
      East,2,0.7,0,0,2,2026-11-03,27,false,false
      North,3,1.0,1,1,1,2026-11-28,2,false,false
      South,2,0.7,1,1,0,2026-10-30,31,false,true
      West,0,0.0,0,0,0,2026-07-01,152,true,true
      ,1,0.3,0,1,0,2026-10-01,60,false,true

      """
    ),
    // since 14d: from 2026-11-17 (a Tuesday, ISO week 47) to now: weeks W47, W48 and W49
    // (2026-11-30 is a Monday). Only row 4 (North, 11-28, W48) falls in it.
    (
      "coverage by team per week since 14d",
      """
      team,n,per_week,2026-W47,2026-W48,2026-W49,last_response,days_since,none_in_window,\
      none_in_latest
      East,0,0.0,0,0,0,2026-11-03,27,true,true
      North,1,0.3,0,1,0,2026-11-28,2,false,true
      South,0,0.0,0,0,0,2026-10-30,31,true,true
      West,0,0.0,0,0,0,2026-07-01,152,true,true
      ,0,0.0,0,0,0,2026-10-01,60,true,true

      """
    ),
    // where csat_score >= 4 since 90d: North rows 2 4; South row 6; East rows 8 9; West's
    // row 7 is before the window; the blank team's only row (11) scores 3, so it has no
    // last response at all: blank date, no days.
    (
      "coverage by team where csat_score >= 4 since 90d",
      """
      team,n,per_month,2026-09,2026-10,2026-11,last_response,days_since,none_in_window,\
      none_in_latest
      East,2,0.7,0,0,2,2026-11-03,27,false,false
      North,2,0.7,1,0,1,2026-11-28,2,false,false
      South,1,0.3,0,1,0,2026-10-30,31,false,true
      West,0,0.0,0,0,0,2026-07-01,152,true,true
      ,0,0.0,0,0,0,,,true,true

      """
    ),
    // during 2026-Q4 runs to 12-31, but periods after now are left out: October and
    // November. Row 10 (East, 12-05) is in the window but in December, so it is not
    // counted. North rows 3 4 → 2/2 = 1.0; South row 6 → 1/2 = 0.5; East rows 8 9 → 1.0.
    (
      "coverage by team during 2026-Q4",
      """
      team,n,per_month,2026-10,2026-11,last_response,days_since,none_in_window,none_in_latest
      East,2,1.0,0,2,2026-11-03,27,false,false
      North,2,1.0,1,1,2026-11-28,2,false,false
      South,1,0.5,1,0,2026-10-30,31,false,true
      West,0,0.0,0,0,2026-07-01,152,true,true
      ,1,0.5,1,0,2026-10-01,60,false,true

      """
    ),
    // No window: from the first response (07-01) to now, July to November, five months.
    // North rows 1–4 (Aug, Sep, Oct, Nov) → 4/5 = 0.8; East rows 8 9 (row 10 is after now).
    (
      "coverage by team",
      """
      team,n,per_month,2026-07,2026-08,2026-09,2026-10,2026-11,last_response,days_since,\
      none_in_window,none_in_latest
      East,2,0.4,0,0,0,0,2,2026-11-03,27,false,false
      North,4,0.8,0,1,1,1,1,2026-11-28,2,false,false
      South,2,0.4,0,0,1,1,0,2026-10-30,31,false,true
      West,1,0.2,1,0,0,0,0,2026-07-01,152,false,true
      ,1,0.2,0,0,0,1,0,2026-10-01,60,false,true

      """
    ),
    // since 1y: from 2025-12-01 to now, twelve months: more than six, so the mean alone.
    // North rows 1–4 → 4/12 = 0.33 → 0.3; South 2/12 = 0.17 → 0.2; West 1/12 = 0.08 → 0.1.
    (
      "coverage by team since 1y",
      """
      team,n,per_month,last_response,days_since,none_in_window,none_in_latest
      East,2,0.2,2026-11-03,27,false,false
      North,4,0.3,2026-11-28,2,false,false
      South,2,0.2,2026-10-30,31,false,true
      West,1,0.1,2026-07-01,152,false,true
      ,1,0.1,2026-10-01,60,false,true

      """
    ),
  ])
  func coverageCounts(_ statement: String, _ expected: String) throws {
    let result = try coverage(statement)
    #expect(result.stdout == expected)
    #expect(result.messages == "")
    #expect(result.status == 0)
  }

  @Test func theCaptionNamesTheWindowAndThePeriods() throws {
    let result = try coverage("coverage by team since 90d", format: "table")
    let caption = result.stdout.split(separator: "\n").first.map(String.init)
    #expect(
      caption
        == "since 90d: 2026-09-02 00:00 to 2026-11-30 12:00 (UTC); 3 months (2026-09 to 2026-11); "
        + "days since counted to 2026-11-30")
  }

  @Test(arguments: [
    (
      "coverage by month",
      """
      -e:1:13: error: 'coverage by' takes a field whose values are the segments, not a \
      calendar unit
      coverage by month
                  ^~~~~
      note: the period is set with 'per week' or 'per month'

      """
    ),
    (
      "coverage by teem",
      """
      -e:1:13: error: no field named 'teem'
      coverage by teem
                  ^~~~
      did you mean 'team'?

      """
    ),
  ])
  func badCoverageSaysWhereAndWhat(_ statement: String, _ expected: String) throws {
    let result = try coverage(statement)
    #expect(result.messages == expected)
    #expect(result.stdout == "")
    #expect(result.status == 1)
  }
}
