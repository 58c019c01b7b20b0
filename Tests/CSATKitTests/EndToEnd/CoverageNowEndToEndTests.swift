import Foundation
import Testing

/// `coverage` against now: nothing after now is counted, the last response stops at the
/// window's end or now, a window starting after now says so, and per-period counts are kept
/// only for the periods shown. Now is 2026-11-30 12:00 UTC (`EndToEnd.now`), a Monday in ISO
/// week 2026-W49; every count below is worked out by hand.
@Suite struct CoverageNowEndToEndTests {
  /// Row 2 is after the window `between 2025-03-06 and 2025-03-25`; rows 5 and 6 are after
  /// now (row 5 the same day and week, row 6 in W49 too: 2026-12-02 is a Wednesday).
  ///
  /// Days to 2026-11-30: from 2026-11-20 → 10; from 2025-03-10 → 365 (to 2026-03-10) + 31
  /// (Apr 10) + 30 + 31 + 30 + 31 + 31 + 30 + 31 (Nov 10) + 20 = 630.
  static let csv = """
    id,responded_at,channel,csat_score
    1,2025-03-10T10:00:00Z,c,5
    2,2025-03-30T10:00:00Z,c,4
    3,2026-11-20T09:00:00Z,a,5
    4,2026-11-30T11:00:00Z,c,3
    5,2026-11-30T15:00:00Z,b,4
    6,2026-12-02T10:00:00Z,a,2

    """

  private func coverage(_ statement: String, format: String = "csv") throws -> RunResult {
    let scratch = Scratch()
    defer { scratch.remove() }
    scratch.write("channels.csv", Self.csv)
    return try scratch.run(
      "channels.csv", "--now", EndToEnd.now, "--format", format, "-e", statement)
  }

  @Test(arguments: [
    // 2026-11-16 (Monday, W47) to 2026-12-06 (Sunday, W49) runs past now: weeks W47 W48 W49.
    // a: row 3 (11-20, W47); row 6 is after now → n 1, 1/3 = 0.3, nothing in W49.
    // b: row 5 is after now → n 0, no last response. c: row 4 (W49, before now) → 0.3, day 0.
    (
      "coverage by channel per week between 2026-11-16 and 2026-12-06",
      """
      channel,n,per_week,2026-W47,2026-W48,2026-W49,last_response,days_since,none_in_window,\
      none_in_latest
      a,1,0.3,1,0,0,2026-11-20,10,false,true
      b,0,0.0,0,0,0,,,true,true
      c,1,0.3,0,0,1,2026-11-30,0,false,false

      """
    ),
    // No window: 2025-03-10 (Monday, W11) to now's week: 630 / 7 = 90 weeks on, 91 weeks,
    // too many to show, so the latest week's count alone decides none_in_latest.
    // a: row 3 → n 1, 1/91 = 0.01 → 0.0; W49 has only row 6, after now → true.
    // c: rows 1 2 4 → 3/91 = 0.03 → 0.0; row 4 is in W49 → false.
    (
      "coverage by channel per week",
      """
      channel,n,per_week,last_response,days_since,none_in_window,none_in_latest
      a,1,0.0,2026-11-20,10,false,true
      b,0,0.0,,,true,true
      c,3,0.0,2026-11-30,0,false,false

      """
    ),
    // A past window: one month, 2025-03. Only row 1 is in it; the last response is looked
    // for up to the window's end, 2025-03-25, so c's is row 1 (630 days) and a and b have
    // none (rows 3–6 come after the window).
    (
      "coverage by channel between 2025-03-06 and 2025-03-25",
      """
      channel,n,per_month,2025-03,last_response,days_since,none_in_window,none_in_latest
      a,0,0.0,0,,,true,true
      b,0,0.0,0,,,true,true
      c,1,1.0,1,2025-03-10,630,false,false

      """
    ),
    // A window after now: no periods, so no mean and no latest period (blank in CSV); the
    // last response stops at now: a row 3, c row 4 (11:00), b none (row 5 is at 15:00).
    (
      "coverage by channel during 2030",
      """
      channel,n,per_month,last_response,days_since,none_in_window,none_in_latest
      a,0,,2026-11-20,10,true,
      b,0,,,,true,
      c,0,,2026-11-30,0,true,

      """
    ),
  ])
  func nothingAfterNowCounts(_ statement: String, _ expected: String) throws {
    let result = try coverage(statement)
    #expect(result.stdout == expected)
    #expect(result.status == 0)
  }

  @Test(arguments: [
    (
      "coverage by channel since 2030-01-01",
      "since 2030-01-01: starts 2030-01-01, after now (2026-11-30 12:00 UTC): nothing to count; "
        + "days since counted to 2026-11-30"
    ),
    (
      "coverage by channel during 2030",
      "during 2030: starts 2030-01-01, after now (2026-11-30 12:00 UTC): nothing to count; "
        + "days since counted to 2026-11-30"
    ),
    (
      "coverage by channel per week between 2026-11-16 and 2026-12-06",
      "between 2026-11-16 and 2026-12-06: 2026-11-16 to 2026-12-06, whole days (UTC); "
        + "counted up to now (2026-11-30 12:00 UTC); 3 weeks (2026-W47 to 2026-W49); "
        + "days since counted to 2026-11-30"
    ),
  ])
  func theCaptionSaysWhereCountingStops(_ statement: String, _ caption: String) throws {
    let result = try coverage(statement, format: "table")
    #expect(result.stdout.split(separator: "\n").first.map(String.init) == caption)
    #expect(result.status == 0)
  }

  /// `since 10000y per week` touches about 10000 × 52.18 ≈ 521,800 weeks; a count per
  /// response_id (3000 segments) and week would take 3000 × 521,800 × 8 bytes ≈ 12.5 GB.
  /// Under a 2 GB address-space limit the run must still succeed: 3000 segment lines plus
  /// the header. Of the 3000 responses, 5 come after now (python3 csv module: 2995 have
  /// responded_at ≤ 2026-11-30T12:00), so 2995 segments have n = 1.
  @Test func manySegmentsAndPeriodsStayWithinMemory() throws {
    let scratch = Scratch()
    defer { scratch.remove() }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = [
      "-c", #"ulimit -v 2000000 && exec "$0" "$@" > out.csv 2> err.txt"#, EndToEnd.binary,
      EndToEnd.examples + "/responses.csv", "--now", EndToEnd.now, "--format", "csv", "-e",
      "coverage by response_id since 10000y per week",
    ]
    process.currentDirectoryURL = URL(fileURLWithPath: scratch.path)
    process.environment = ["TZ": "UTC", "NO_COLOR": "1", "HOME": scratch.path]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let lines = try String(contentsOfFile: scratch.path + "/out.csv", encoding: .utf8)
      .split(separator: "\n")
    #expect(lines.count == 3001)
    #expect(lines.dropFirst().filter { $0.split(separator: ",")[1] == "1" }.count == 2995)
  }
}
