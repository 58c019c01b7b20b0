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
