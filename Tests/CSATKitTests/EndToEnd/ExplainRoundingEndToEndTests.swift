import Foundation
import Testing

/// `explain change` rounds each segment's `change` on its own, through the built binary.
@Suite struct ExplainRoundingEndToEndTests {
  /// With now 2026-11-30 12:00, since 30d is November and the previous window October.
  ///
  /// | segment | October  | November |
  /// | ------- | -------- | -------- |
  /// | a       | 1 of 2   | 2 of 3   |
  /// | b       | 1 of 3   | 1 of 4   |
  static let csv: String = {
    var lines = ["id,responded_at,segment,csat_score"]
    let groups: [(segment: String, day: String, score: String, count: Int)] = [
      ("a", "2026-10-10", "5", 1), ("a", "2026-10-10", "2", 1),
      ("b", "2026-10-10", "5", 1), ("b", "2026-10-10", "2", 2),
      ("a", "2026-11-10", "5", 2), ("a", "2026-11-10", "2", 1),
      ("b", "2026-11-10", "5", 1), ("b", "2026-11-10", "2", 3),
    ]
    for group in groups {
      for _ in 0..<group.count {
        lines.append("\(lines.count),\(group.day)T09:00:00Z,\(group.segment),\(group.score)")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }()

  // Then N₀ = 5: a s₀ = 2/5 at r₀ = 50, b 3/5 at 100/3; total 2/5 = 40.
  // Now N₁ = 7: a s₁ = 3/7 = 42.857142… % at 200/3, b 4/7 = 57.142857… % at 25;
  // total 3/7 = 42.857142…; shares 428571.4 + 571428.6 units: b has the larger remainder.
  // a: rate (200/3 − 50)·(2/5 + 3/7)/2 = 1450/210 = 6.904761…;
  //    mix (3/7 − 2/5)·(50 + 200/3)/2 = 350/210 = 1.666666…;
  //    change 3/7·200/3 − 2/5·50 = 60/7 = 8.571428…
  // b: rate (25 − 100/3)·(3/5 + 4/7)/2 = −1025/210 = −4.880952…;
  //    mix (4/7 − 3/5)·(100/3 + 25)/2 = −175/210 = −0.833333…;
  //    change 4/7·25 − 3/5·100/3 = −40/7 = −5.714285…
  // Total change 300/7 − 40 = 20/7 = 2.857142… → 2.8571 (28571 units), split into all rate
  // effects 425/210 = 2.023809… → 20238 and all mix effects 175/210 → 8333 (sum 28571).
  // Rates 69047.6 + −48809.5 floor to 20237: a (remainder .6) gets the missing unit → 6.9048,
  // −4.8810. Mixes 16666.7 + −8333.3 floor to 8332: a (.7) gets it → 1.6667, −0.8334.
  // Changes 85714.3 + −57142.9 floor to 28571 = the total: 8.5714, −5.7143 (each within a
  // unit of 60/7 and −40/7, adding up to 2.8571). The effects' sums would be 8.5715 and
  // −5.7144, the latter 1.4 units from −5.714285….

  @Test func eachSegmentsChangeIsWithinOneUnitOfItsExactValue() throws {
    let scratch = Scratch()
    defer { scratch.remove() }
    scratch.write("segments.csv", Self.csv)

    let result = try scratch.run(
      "segments.csv", "--now", EndToEnd.now, "--format", "csv", "-e",
      "explain change in csat by segment since 30d vs previous")

    #expect(
      result.stdout == """
        segment,n_previous,n,share_previous,share,csat_previous,csat,rate_effect,mix_effect,change
        a,2,3,40.0000,42.8571,50.0000,66.6667,6.9048,1.6667,8.5714
        b,3,4,60.0000,57.1429,33.3333,25.0000,-4.8810,-0.8334,-5.7143
        total,5,7,100.0000,100.0000,40.0000,42.8571,2.0238,0.8333,2.8571

        """)
    #expect(result.messages == "")
    #expect(result.status == 0)
  }
}
