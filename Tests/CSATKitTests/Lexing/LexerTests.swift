import CSATKit
import Testing

/// Checks the kinds and texts of the tokens of `source`, leaving out the final `.end`, and
/// that each token's range is where its text is in `source`.
func lexes(
  _ source: String, as expected: [(TokenKind, String)],
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let tokens = Lexer.tokenize(source)
  let bytes = Array(source.utf8)
  #expect(tokens.last?.kind == .end, sourceLocation: sourceLocation)
  #expect(
    tokens.last?.range == SourceRange(bytes.count, bytes.count), sourceLocation: sourceLocation)
  let found = tokens.dropLast()
  #expect(found.map(\.kind) == expected.map(\.0), sourceLocation: sourceLocation)
  #expect(found.map(\.text) == expected.map(\.1), sourceLocation: sourceLocation)
  for token in found {
    let text = String(decoding: bytes[token.range.start..<token.range.end], as: UTF8.self)
    #expect(text == token.text, sourceLocation: sourceLocation)
  }
}

struct LexerCase: Sendable, CustomTestStringConvertible {
  var source: String
  var tokens: [(TokenKind, String)]
  var testDescription: String { source }

  init(_ source: String, _ tokens: [(TokenKind, String)]) {
    self.source = source
    self.tokens = tokens
  }
}

@Suite struct LexerTests {
  static let cases: [LexerCase] = [
    LexerCase("csat by rep", [(.identifier, "csat"), (.keyword(.by), "by"), (.identifier, "rep")]),
    LexerCase(
      "WHERE Where wHeRe",
      [(.keyword(.where), "WHERE"), (.keyword(.where), "Where"), (.keyword(.where), "wHeRe")]),
    LexerCase(
      "nps csat count day month _x x_1",
      [
        (.identifier, "nps"), (.identifier, "csat"), (.identifier, "count"), (.identifier, "day"),
        (.identifier, "month"), (.identifier, "_x"), (.identifier, "x_1"),
      ]),
    LexerCase(
      "starts with is missing",
      [
        (.keyword(.starts), "starts"), (.keyword(.with), "with"), (.keyword(.is), "is"),
        (.keyword(.missing), "missing"),
      ]),
    LexerCase(
      "`Ticket Channel` `a``b` `where`",
      [
        (.quotedIdentifier, "`Ticket Channel`"), (.quotedIdentifier, "`a``b`"),
        (.quotedIdentifier, "`where`"),
      ]),
    LexerCase(#""a \"b\" \\ c" """#, [(.string, #""a \"b\" \\ c""#), (.string, #""""#)]),
    LexerCase(
      "6 4.5 1. 007",
      [
        (.number, "6"), (.number, "4.5"), (.number, "1"), (.error(.unexpectedCharacter), "."),
        (.number, "007"),
      ]),
    LexerCase(
      "2024-03-01 2024-05 2024-Q3 2024-w07 2024",
      [
        (.date, "2024-03-01"), (.period, "2024-05"), (.period, "2024-Q3"), (.period, "2024-w07"),
        (.number, "2024"),
      ]),
    LexerCase(
      "2024-5 2024-Q 2024-05-1 2024-W7 2024-May",
      [
        (.error(.malformedDate), "2024-5"), (.error(.malformedDate), "2024-Q"),
        (.error(.malformedDate), "2024-05-1"), (.error(.malformedDate), "2024-W7"),
        (.error(.malformedDate), "2024-May"),
      ]),
    LexerCase(
      "30d 12w 6mo 1y 30x 1.5d 30days",
      [
        (.duration, "30d"), (.duration, "12w"), (.duration, "6mo"), (.duration, "1y"),
        (.duration, "30x"), (.duration, "1.5d"), (.duration, "30days"),
      ]),
    LexerCase(
      "= == != <> < <= > >=",
      [
        (.comparison(.equal), "="), (.comparison(.equal), "=="), (.comparison(.notEqual), "!="),
        (.comparison(.notEqual), "<>"), (.comparison(.less), "<"),
        (.comparison(.lessOrEqual), "<="), (.comparison(.greater), ">"),
        (.comparison(.greaterOrEqual), ">="),
      ]),
    LexerCase("a<=1", [(.identifier, "a"), (.comparison(.lessOrEqual), "<="), (.number, "1")]),
    LexerCase(
      "(a,-5)",
      [
        (.leftParenthesis, "("), (.identifier, "a"), (.comma, ","), (.minus, "-"), (.number, "5"),
        (.rightParenthesis, ")"),
      ]),
    LexerCase(
      "csat # overall\nby -- per person\nrep#x",
      [(.identifier, "csat"), (.keyword(.by), "by"), (.identifier, "rep")]),
    LexerCase(
      "équipe naïve Straße",
      [
        (.identifier, "équipe"), (.identifier, "naïve"), (.identifier, "Straße"),
      ]),
    LexerCase("cafe\u{301}", [(.identifier, "cafe\u{301}")]),
    LexerCase(
      "csat\u{A0}by\u{2003}rep",
      [
        (.identifier, "csat"), (.keyword(.by), "by"), (.identifier, "rep"),
      ]),
    LexerCase(
      "rep👍🏽x",
      [
        (.identifier, "rep"), (.error(.unexpectedCharacter), "👍🏽"), (.identifier, "x"),
      ]),
    LexerCase(
      "👨‍👩‍👧🇫🇷",
      [
        (.error(.unexpectedCharacter), "👨‍👩‍👧"), (.error(.unexpectedCharacter), "🇫🇷"),
      ]),
    LexerCase(
      "! ; .load",
      [
        (.error(.unexpectedCharacter), "!"), (.error(.unexpectedCharacter), ";"),
        (.error(.unexpectedCharacter), "."), (.identifier, "load"),
      ]),
    LexerCase(
      #"x = "abc"#,
      [
        (.identifier, "x"), (.comparison(.equal), "="), (.error(.unterminatedString), #""abc"#),
      ]),
    LexerCase(#""ends in \"#, [(.error(.unterminatedString), #""ends in \"#)]),
    LexerCase("`Ticket Channel", [(.error(.unterminatedQuotedIdentifier), "`Ticket Channel")]),
    LexerCase("`` x", [(.error(.emptyQuotedIdentifier), "``"), (.identifier, "x")]),
    LexerCase(#""a\tb\q""#, [(.error(.invalidEscape(SourceRange(2, 4))), #""a\tb\q""#)]),
    LexerCase("", []),
    LexerCase("  # only a comment", []),
  ]

  @Test(arguments: cases)
  func tokenKindsAndTexts(_ example: LexerCase) {
    lexes(example.source, as: example.tokens)
  }

  /// `é` is 2 bytes, `ü` 2, `👍` 4: offsets count bytes, not characters.
  @Test func rangesAreUTF8ByteOffsets() {
    let tokens = Lexer.tokenize(#"é = "ü" 👍 x"#)
    #expect(
      tokens.map(\.range) == [
        SourceRange(0, 2), SourceRange(3, 4), SourceRange(5, 9), SourceRange(10, 14),
        SourceRange(15, 16), SourceRange(16, 16),
      ])
  }

  @Test func everyKeywordIsReserved() {
    for keyword in Keyword.allCases {
      #expect(Lexer.tokenize(keyword.rawValue.uppercased()).first?.kind == .keyword(keyword))
    }
    #expect(Keyword.allCases.count == 28)
  }
}
