import Foundation
import Testing

/// `vs previous` through the built binary, on a file written here with counts chosen so that
/// one change is significant and one is not.
@Suite struct BaselineEndToEndTests {
  /// Teams A and B answer 100 times in each window, team C five times in October only.
  /// Scores are 5 (satisfied) or 2. With now 2026-11-30 12:00, since 30d is 11-01 00:00 to
  /// now and the previous window 10-02 00:00 to 10-31 12:00; rows fall on 11-10 and 10-10.
  ///
  /// | team | November | October |
  /// | ---- | -------- | ------- |
  /// | A    | 60 of 100 | 40 of 100 |
  /// | B    | 55 of 100 | 45 of 100 |
  /// | C    | —        | 3 of 5  |
  static let csv: String = {
    var lines = ["id,responded_at,team,csat_score"]
    let groups: [(team: String, day: String, satisfied: Int, count: Int)] = [
      ("A", "2026-11-10", 60, 100), ("A", "2026-10-10", 40, 100),
      ("B", "2026-11-10", 55, 100), ("B", "2026-10-10", 45, 100),
      ("C", "2026-10-10", 3, 5),
    ]
    for group in groups {
      for index in 0..<group.count {
        let score = index < group.satisfied ? 5 : 2
        lines.append("\(lines.count),\(group.day)T09:00:00Z,\(group.team),\(score)")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }()

  @Test func changeBetweenWindowsWithItsSignificance() throws {
    let scratch = Scratch()
    defer { scratch.remove() }
    scratch.write("teams.csv", Self.csv)

    let result = try scratch.run(
      "teams.csv", "--now", EndToEnd.now, "--format", "csv", "-e",
      "csat by team since 30d vs previous")

    // A: 60/100 against 40/100, pooled 0.5, SE √(0.25 × 0.02) = 0.070711, z = 0.2 / 0.070711
    // = 2.828427 > 1.959964: significant; change 20.0.
    // B: 55/100 against 45/100, same SE, z = 0.1 / 0.070711 = 1.414214: not significant.
    // C: October only (3 of 5 = 60.0); nothing now, so no change and no test.
    #expect(
      result.stdout.hasPrefix(
        "team,n,csat,csat_low,csat_high,low_n,csat_target,csat_met,n_previous,csat_previous,"
          + "csat_change,csat_significant\n"))
    #expect(
      result.figures == """
        team,n,csat,n_previous,csat_previous,csat_change,csat_significant
        A,100,60.0,100,40.0,20.0,true
        B,100,55.0,100,45.0,10.0,false
        C,0,,5,60.0,,

        """)
    #expect(result.messages == "")
    #expect(result.status == 0)
  }

  @Test func previousWithoutAWindowIsAnError() throws {
    let scratch = Scratch()
    defer { scratch.remove() }
    scratch.write("teams.csv", Self.csv)

    let result = try scratch.run("teams.csv", "-e", "csat by team vs previous")

    #expect(
      result.messages == """
        -e:1:14: error: 'vs previous' compares the query's window with an earlier one, but the \
        query has no window
        csat by team vs previous
                     ^~~~~~~~~~~
        note: add a window, e.g. 'since 30d', 'last month' or 'during 2024-Q3'

        """)
    #expect(result.stdout == "")
    #expect(result.status == 1)
  }
}
