@testable import CSATKit

/// A small result with the awkward cases: accents (precomposed and decomposed), CJK, emoji,
/// a long comment with a line break and a `|`, n/a, blank, negative figures and ties.
enum RenderingFixtures {
  static let columns = [
    ResultColumn(name: "rep", isNumeric: false),
    ResultColumn(name: "n", isNumeric: true),
    ResultColumn(name: "csat", isNumeric: true),
    ResultColumn(name: "comment", isNumeric: false),
    ResultColumn(name: "resolved", isNumeric: false),
  ]

  static let table = ResultTable(
    columns: columns,
    rows: [
      // 49 / 4 = 12.25, a tie: 12.3.
      [
        .text("Zo\u{EB}"), .integer(12), .figure(.ratio(49, 4)),
        .text("great, \"quick\" help"), .boolean(true),
      ],
      // -1 / 20 = -0.05, a tie away from zero: -0.1.
      [
        .text("日本"), .integer(3), .figure(.ratio(-1, 20)), .text("👨‍👩‍👧 family plan"),
        .boolean(false),
      ],
      [.text("Jose\u{301}"), .integer(0), .notApplicable, .blank, .boolean(false)],
      [
        .text("👍 team"), .integer(1500), .figure(.real(-35.94)),
        .text("On hold 40 min,\nthen dropped | twice"), .boolean(true),
      ],
    ],
    caption: "last 30 days (2024-05-01 – 2024-05-30)"
  )
}
