import Foundation
import Testing

/// `explain change` through the built binary, on a file written here.
@Suite struct ExplainEndToEndTests {
  /// With now 2026-11-30 12:00, since 30d is 11-01 00:00 to now and the previous window
  /// 10-02 00:00 to 10-31 12:00; rows fall on 11-10 and 10-10. Scores are 5 (satisfied) or 2;
  /// three blank answers in October count for nothing.
  ///
  /// | channel | October  | November |
  /// | ------- | -------- | -------- |
  /// | chat    | 6 of 8   | 3 of 4   |
  /// | email   | 1 of 2   | 2 of 4   |
  /// | phone   | —        | 2 of 2   |
  static let csv: String = {
    var lines = ["id,responded_at,channel,csat_score"]
    let groups: [(channel: String, day: String, score: String, count: Int)] = [
      ("chat", "2026-10-10", "5", 6), ("chat", "2026-10-10", "2", 2),
      ("email", "2026-10-10", "5", 1), ("email", "2026-10-10", "2", 1),
      ("email", "2026-10-10", "", 3),
      ("chat", "2026-11-10", "5", 3), ("chat", "2026-11-10", "2", 1),
      ("email", "2026-11-10", "5", 2), ("email", "2026-11-10", "2", 2),
      ("phone", "2026-11-10", "5", 2),
    ]
    for group in groups {
      for _ in 0..<group.count {
        lines.append("\(lines.count),\(group.day)T09:00:00Z,\(group.channel),\(group.score)")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }()

  // Then: chat 8/10 = 0.8 of respondents at 75 %, email 2/10 = 0.2 at 50 %; total 7/10 = 70.
  // Now: chat 4/10 = 0.4 at 75, email 0.4 at 50, phone 0.2 at 100; total 7/10 = 70. Change 0.
  // chat: rate (75 − 75)·… = 0; mix (0.4 − 0.8)·75 = −30; change −30.
  // email: rate 0; mix (0.4 − 0.2)·50 = 10; change 10.
  // phone: no respondents then, its rate then taken as 100: rate 0; mix 0.2·100 = 20.
  // Rate effects 0, mix effects −30 + 10 + 20 = 0 = 70 − 70.

  @Test func csvCarriesFourDecimals() throws {
    let scratch = Scratch()
    defer { scratch.remove() }
    scratch.write("channels.csv", Self.csv)

    let result = try scratch.run(
      "channels.csv", "--now", EndToEnd.now, "--format", "csv", "-e",
      "explain change in csat by channel since 30d vs previous")

    #expect(
      result.stdout == """
        channel,n_previous,n,share_previous,share,csat_previous,csat,rate_effect,mix_effect,change
        chat,8,4,80.0000,40.0000,75.0000,75.0000,0.0000,-30.0000,-30.0000
        email,2,4,20.0000,40.0000,50.0000,50.0000,0.0000,10.0000,10.0000
        phone,0,2,0.0000,20.0000,,100.0000,0.0000,20.0000,20.0000
        total,10,10,100.0000,100.0000,70.0000,70.0000,0.0000,0.0000,0.0000

        """)
    #expect(result.messages == "")
    #expect(result.status == 0)
  }

  @Test func terminalTableWithItsNotes() throws {
    let scratch = Scratch()
    defer { scratch.remove() }
    scratch.write("channels.csv", Self.csv)

    let result = try scratch.run(
      "channels.csv", "--now", EndToEnd.now, "-e",
      "EXPLAIN Change in csat by channel since 30d vs previous")

    let lines = [
      "since 30d: 2026-11-01 00:00 to 2026-11-30 12:00 (UTC); previous: 2026-10-02 00:00 to"
        + " 2026-10-31 12:00",
      "channel  n_previous   n  share_previous  share  csat_previous   csat  rate_effect"
        + "  mix_effect  change",
      "───────  ──────────  ──  ──────────────  ─────  ─────────────  ─────  ───────────"
        + "  ──────────  ──────",
      "chat              8   4            80.0   40.0           75.0   75.0          0.0"
        + "       -30.0   -30.0",
      "email             2   4            20.0   40.0           50.0   50.0          0.0"
        + "        10.0    10.0",
      "phone             0   2             0.0   20.0            n/a  100.0          0.0"
        + "        20.0    20.0",
      "total            10  10           100.0  100.0           70.0   70.0          0.0"
        + "         0.0     0.0",
      "(4 rows)",
      "share, rates: %; rate_effect = rate change × average share, mix_effect = share change ×"
        + " average rate, in points; they add up to the total change",
      "a segment with no respondents in one window takes there its rate in the other: its"
        + " whole contribution is mix_effect",
    ]
    #expect(result.stdout == lines.joined(separator: "\n") + "\n")
    #expect(result.status == 0)
  }

  @Test func aMetricThatIsNoShareIsRefused() throws {
    let scratch = Scratch()
    defer { scratch.remove() }
    scratch.write("channels.csv", Self.csv)

    let result = try scratch.run(
      "channels.csv", "-e", "explain change in count by channel since 30d vs previous")

    #expect(
      result.messages == """
        -e:1:19: error: 'explain change' works on a share or nps, not on 'count'
        explain change in count by channel since 30d vs previous
                          ^~~~~
        note: shares (csat, dsat, promoters, passives, detractors, followup) and nps add up \
        over segments, weighted by respondents; other figures do not

        """)
    #expect(result.stdout == "")
    #expect(result.status == 1)
  }
}
