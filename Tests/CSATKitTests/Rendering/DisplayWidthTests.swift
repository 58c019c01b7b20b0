import Testing

@testable import CSATKit

@Suite struct DisplayWidthTests {
  @Test(arguments: [
    ("", 0),
    ("abc", 3),
    ("\u{E9}", 1),  // é precomposed
    ("e\u{301}", 1),  // é decomposed
    ("a\u{301}", 1),
    ("Zo\u{EB}", 3),
    ("日本", 4),
    ("日本語 ok", 9),
    ("👍", 2),
    ("👍🏽", 2),  // with a skin tone modifier
    ("👨‍👩‍👧", 2),  // family: man, ZWJ, woman, ZWJ, girl
    ("🇫🇷", 2),  // flag: two regional indicators
    ("❤️", 2),  // heart with variation selector 16
    ("❤", 1),  // heart without it: text presentation
    ("1️⃣", 2),  // keycap
    ("ｃｓａｔ", 8),  // fullwidth Latin
    ("한국", 4),
    ("a\u{200B}b", 2),  // zero-width space
    ("\u{301}", 0),  // a lone combining mark
    ("⏎", 1),
    ("…", 1),
  ])
  func width(text: String, expected: Int) {
    #expect(DisplayWidth.of(text) == expected)
  }

  @Test func truncateCountsColumnsNotCharacters() {
    #expect(DisplayWidth.truncate("日本語テキスト", toWidth: 5) == "日本…")
    #expect(DisplayWidth.truncate("日本語テキスト", toWidth: 6) == "日本…")
    #expect(DisplayWidth.truncate("abcdef", toWidth: 6) == "abcdef")
    #expect(DisplayWidth.truncate("abcdefg", toWidth: 6) == "abcde…")
    #expect(DisplayWidth.truncate("👨‍👩‍👧👨‍👩‍👧", toWidth: 3) == "👨‍👩‍👧…")
  }

  @Test func padUsesDisplayWidth() {
    #expect(DisplayWidth.pad("日本", toWidth: 6) == "日本  ")
    #expect(DisplayWidth.pad("e\u{301}", toWidth: 3, alignRight: true) == "  e\u{301}")
    #expect(DisplayWidth.pad("toolong", toWidth: 3) == "toolong")
  }
}

@Suite struct LastColumnWidthTests {
  /// Two rows of an id and a comment of 150 letters.
  private let table = ResultTable(
    columns: [
      ResultColumn(name: "id", isNumeric: true), ResultColumn(name: "comment", isNumeric: false),
    ],
    rows: [
      [.integer(7), .text(String(repeating: "a", count: 150))],
      [.integer(12), .text("short")],
    ])

  /// The lines of the rows (after the header and the rule).
  private func rowLines(_ style: RenderStyle) -> [Substring] {
    Array(TableRenderer.render(table, style: style).split(separator: "\n").dropFirst(2).prefix(2))
  }

  @Test func aLastTextColumnRunsToTheTerminalsEdge() {
    // id is 2 columns wide, then 2 spaces: 96 of 100 columns are left for the comment.
    let lines = rowLines(RenderStyle(terminalWidth: 100))
    #expect(lines[0] == " 7  " + String(repeating: "a", count: 95) + "…")
    #expect(lines[1] == "12  short")
  }

  @Test func withoutATerminalTextIsCutAtTheCellWidth() {
    let lines = rowLines(.plain)
    #expect(lines[0] == " 7  " + String(repeating: "a", count: 39) + "…")
  }
}
