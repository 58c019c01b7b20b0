import Testing

@testable import CSATKit

@Suite struct DiagnosticRendererTests {
  @Test func caretUnderTheMisspeltWord() {
    // "csat, nps by rep " is 17 bytes, so "wher" is bytes 17..<21, column 18.
    let source = #"csat, nps by rep wher product = "X""#
    let diagnostic = Diagnostic.error(
      "expected 'by', 'where' or end of statement but found 'wher'", at: SourceRange(17, 21),
      suggestion: "where")
    let expected = """
      <stdin>:1:18: error: expected 'by', 'where' or end of statement but found 'wher'
      csat, nps by rep wher product = "X"
                       ^~~~
      did you mean 'where'?

      """
    #expect(
      DiagnosticRenderer.render(diagnostic, source: source, inputName: "<stdin>", colour: false)
        == expected)
  }

  @Test func caretAfterMultiByteCharacters() {
    // `nps where rep = "` is 17 bytes and 17 columns; "Zoë" 4 bytes, 3 columns; " " 1;
    // "日本" 6 bytes, 4 columns; `" ` 2. So "andd" is bytes 30..<34 at column 17+3+1+4+2+1 = 28.
    let source = #"nps where rep = "Zoë 日本" andd csat > 3"#
    let diagnostic = Diagnostic.error(
      "expected 'and', 'or' or end of statement but found 'andd'", at: SourceRange(30, 34))
    let expected = """
      -e:1:28: error: expected 'and', 'or' or end of statement but found 'andd'
      nps where rep = "Zoë 日本" andd csat > 3
                                 ^~~~

      """
    #expect(
      DiagnosticRenderer.render(diagnostic, source: source, inputName: "-e", colour: false)
        == expected)
  }

  @Test func decomposedAccentCountsOneColumn() {
    // "e\u{301}" is 3 bytes and one column: "x" at byte 4 sits at column 3.
    let source = "e\u{301} x"
    let diagnostic = Diagnostic.error("unexpected 'x'", at: SourceRange(4, 5))
    let expected = "csat:1:3: error: unexpected 'x'\ne\u{301} x\n  ^\n"
    #expect(
      DiagnosticRenderer.render(diagnostic, source: source, inputName: "csat", colour: false)
        == expected)
  }

  @Test func thirdLineOfAScript() {
    // Line 1 "csat,\n" is 6 bytes, line 2 "  nps by rep\n" 13, so line 3 starts at byte 19
    // and "地域" (6 bytes, 4 columns) follows "  where " at bytes 27..<33, column 9.
    let source = "csat,\n  nps by rep\n  where 地域 = \"東\""
    let diagnostic = Diagnostic.error(
      "unknown field '地域'", at: SourceRange(27, 33), notes: ["fields are: 地区, rep"],
      suggestion: "地区")
    let expected = """
      weekly.csatq:12:9: error: unknown field '地域'
        where 地域 = "東"
              ^~~~
      note: fields are: 地区, rep
      did you mean '地区'?

      """
    let output = DiagnosticRenderer.render(
      diagnostic, source: source, inputName: "weekly.csatq", firstLine: 10, colour: false)
    #expect(output == expected)
  }

  @Test func emptyRangeAtEndOfInput() {
    let diagnostic = Diagnostic.error("expected a field after 'by'", at: SourceRange(7, 7))
    let expected = "-e:1:8: error: expected a field after 'by'\ncsat by\n       ^\n"
    #expect(
      DiagnosticRenderer.render(diagnostic, source: "csat by", inputName: "-e", colour: false)
        == expected)
  }

  @Test func spanAcrossLinesIsCutAtTheFirstLineEnd() {
    // "rep\r\n" ends the first line; the span 0..<9 covers "rep" only on that line.
    let source = "rep\r\nby x"
    let diagnostic = Diagnostic.warning("odd span", at: SourceRange(0, 9))
    let expected = "f:1:1: warning: odd span\nrep\n^~~\n"
    #expect(
      DiagnosticRenderer.render(diagnostic, source: source, inputName: "f", colour: false)
        == expected)
  }

  @Test func crlfLineEndsAndTabs() {
    // "csat\r\n" is 6 bytes; "\tby " 4 more, so "x" is byte 10 on line 2, column 5.
    let source = "csat\r\n\tby x"
    let diagnostic = Diagnostic.error("unknown field 'x'", at: SourceRange(10, 11))
    let expected = "f:2:5: error: unknown field 'x'\n by x\n    ^\n"
    #expect(
      DiagnosticRenderer.render(diagnostic, source: source, inputName: "f", colour: false)
        == expected)
  }

  @Test func withoutARange() {
    let error = Diagnostic.error("no dataset is loaded", notes: ["use .open FILE"])
    #expect(
      DiagnosticRenderer.render(error, source: "", inputName: "csat", colour: false)
        == "csat: error: no dataset is loaded\nnote: use .open FILE\n")

    let warning = Diagnostic.warning("the window is empty")
    #expect(
      DiagnosticRenderer.render(
        warning, source: "", inputName: "weekly.csatq", firstLine: 4, colour: false)
        == "weekly.csatq:4: warning: the window is empty\n")
  }

  @Test func colourWhenAsked() {
    let diagnostic = Diagnostic.error("unexpected 'x'", at: SourceRange(0, 1), notes: ["n"])
    let expected =
      "csat:1:1: \u{1B}[1;31merror:\u{1B}[0m unexpected 'x'\nx\n\u{1B}[1;32m^\u{1B}[0m\n"
      + "\u{1B}[1;36mnote:\u{1B}[0m n\n"
    #expect(
      DiagnosticRenderer.render(diagnostic, source: "x", inputName: "csat", colour: true)
        == expected)
  }

  @Test func offsetsBeyondTheSourceAreClamped() {
    let diagnostic = Diagnostic.error("late", at: SourceRange(50, 60))
    #expect(
      DiagnosticRenderer.render(diagnostic, source: "ab", inputName: "f", colour: false)
        == "f:1:3: error: late\nab\n  ^\n")
  }
}
