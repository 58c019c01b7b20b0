/// One token of a statement, with its place in the text.
///
/// See the lexical rules in grammar.md. `text` is the source text of the token exactly as
/// written (quotes, escapes and case kept); the parser decodes values from it.
public struct Token: Sendable, Equatable {
  public var kind: TokenKind
  /// UTF-8 byte offsets into the statement text.
  public var range: SourceRange
  public var text: String

  public init(_ kind: TokenKind, _ text: String, range: SourceRange) {
    self.kind = kind
    self.text = text
    self.range = range
  }
}

/// What a token is. Keywords and comparison operators carry which one.
public enum TokenKind: Sendable, Equatable {
  /// A plain name: `rep`, `followed_up`, `équipe`.
  case identifier
  /// A back-quoted name: `` `Ticket Channel` ``.
  case quotedIdentifier
  case keyword(Keyword)
  /// A double-quoted string, escapes not yet decoded.
  case string
  /// Digits, optionally with a decimal part: `6`, `4.5`.
  case number
  /// `YYYY-MM-DD`, not yet checked against the calendar.
  case date
  /// `YYYY-MM`, `YYYY-Qn` or `YYYY-Wnn`, not yet checked.
  case period
  /// A number followed at once by letters: `30d`, `6mo`, and also `30x` (the parser checks).
  case duration
  /// `=`, `==`, `!=`, `<>`, `<`, `<=`, `>`, `>=`; `==` and `<>` map to `=` and `!=`.
  case comparison(ComparisonOperator)
  case comma
  case leftParenthesis
  case rightParenthesis
  case minus
  /// Text the lexer could not read; the parser reports it when it gets there.
  case error(LexicalError)
  /// The end of the statement: always the last token, with an empty range.
  case end
}

/// The reserved words of the language, matched without regard to case.
public enum Keyword: String, Sendable, Equatable, CaseIterable {
  case and, `as`, asc, between, bottom, by, contains, desc, during, `false`, having, `in`, `is`
  case last, limit, list, missing, not, or, order, since, starts, this, top, `true`, vs
  case `where`, with

  /// Looks a word up as a keyword, in any case.
  init?(word: Substring) {
    guard word.utf8.count <= 8 else { return nil }
    self.init(rawValue: word.lowercased())
  }
}

/// Why the lexer could not make a proper token of some text.
public enum LexicalError: Sendable, Equatable {
  /// A character that starts no token: `;`, `!` alone, an emoji.
  case unexpectedCharacter
  /// A `"` with no closing `"`.
  case unterminatedString
  /// A `` ` `` with no closing `` ` ``.
  case unterminatedQuotedIdentifier
  /// ``` `` ``` with nothing between.
  case emptyQuotedIdentifier
  /// A backslash in a string followed by something other than `"` or `\`; the range is
  /// the escape's.
  case invalidEscape(SourceRange)
  /// Four digits and a `-` that make neither a date nor a period: `2024-5`.
  case malformedDate
}
