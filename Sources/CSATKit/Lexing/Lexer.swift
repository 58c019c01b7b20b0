/// Splits a statement into tokens (grammar.md, "Lexical rules").
public enum Lexer {
  /// The tokens of `source`, ending with one `.end` token.
  ///
  /// Never fails: text that makes no token becomes an `.error` token, and lexing goes on
  /// after it.
  public static func tokenize(_ source: String) -> [Token] {
    var cursor = LexerCursor(source)
    var tokens: [Token] = []
    while true {
      let token = cursor.nextToken()
      tokens.append(token)
      if token.kind == .end { return tokens }
    }
  }
}

extension LexerCursor {
  /// Skips white space and comments, then reads one token.
  mutating func nextToken() -> Token {
    skipTrivia()
    let start = position
    guard let byte = peek() else { return Token(.end, "", range: SourceRange(start, start)) }

    let kind: TokenKind
    switch byte {
    case UInt8(ascii: ","): kind = advanced(to: .comma)
    case UInt8(ascii: "("): kind = advanced(to: .leftParenthesis)
    case UInt8(ascii: ")"): kind = advanced(to: .rightParenthesis)
    case UInt8(ascii: "-"): kind = advanced(to: .minus)
    case UInt8(ascii: "\""): kind = lexString()
    case UInt8(ascii: "`"): kind = lexQuotedIdentifier()
    case UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: ">"):
      kind = lexComparison()
    case _ where byte.isASCIIDigit: kind = lexNumeric()
    default:
      if let (scalar, _) = scalar(), scalar.isIdentifierStart {
        kind = lexWord()
      } else {
        kind = lexUnexpectedCharacter()
      }
    }
    return Token(kind, text(from: start), range: SourceRange(start, position))
  }

  private mutating func advanced(to kind: TokenKind) -> TokenKind {
    advance()
    return kind
  }

  /// Skips white space (any Unicode white space) and `#` or `--` comments.
  private mutating func skipTrivia() {
    while let (scalar, length) = scalar() {
      if scalar.properties.isWhitespace {
        advance(by: length)
      } else if at("#") || (at("-") && peek(1) == UInt8(ascii: "-")) {
        skip { $0 != UInt8(ascii: "\n") }
      } else {
        return
      }
    }
  }

  /// A plain name or a keyword.
  private mutating func lexWord() -> TokenKind {
    let start = position
    skipScalars { $0.isIdentifierContinue }
    let word = text(from: start)
    if let keyword = Keyword(word: word[...]) { return .keyword(keyword) }
    return .identifier
  }

  /// `=`, `==`, `!=`, `<>`, `<`, `<=`, `>`, `>=`; a lone `!` is an unexpected character.
  private mutating func lexComparison() -> TokenKind {
    let first = peek()
    advance()
    switch first {
    case UInt8(ascii: "="):
      _ = eat("=")
      return .comparison(.equal)
    case UInt8(ascii: "!"):
      return eat("=") ? .comparison(.notEqual) : .error(.unexpectedCharacter)
    case UInt8(ascii: "<"):
      if eat("=") { return .comparison(.lessOrEqual) }
      return eat(">") ? .comparison(.notEqual) : .comparison(.less)
    default:
      return eat("=") ? .comparison(.greaterOrEqual) : .comparison(.greater)
    }
  }

  /// A number, a duration (`30d`), or a date or period (`2024-05-01`, `2024-Q3`).
  private mutating func lexNumeric() -> TokenKind {
    let start = position
    skip { $0.isASCIIDigit }
    if position - start == 4, at("-"), peek(1)?.isASCIIAlphanumeric == true {
      return lexDateOrPeriod(from: start)
    }
    if at("."), peek(1)?.isASCIIDigit == true {
      advance()
      skip { $0.isASCIIDigit }
    }
    guard let (scalar, _) = scalar(), scalar.isIdentifierStart else { return .number }
    skipScalars { $0.isIdentifierContinue }
    return .duration
  }

  /// After four digits: one or two `-`-separated parts, then a check of the shape.
  private mutating func lexDateOrPeriod(from start: Int) -> TokenKind {
    for _ in 0..<2 {
      guard at("-"), peek(1)?.isASCIIAlphanumeric == true else { break }
      advance()
      skip { $0.isASCIIAlphanumeric }
    }
    let parts = text(from: start).split(separator: "-").map { Array($0.utf8) }
    let allDigits = { (part: [UInt8]) in part.allSatisfy(\.isASCIIDigit) }
    switch (parts.count, parts.last?.count ?? 0) {
    case (3, 2) where parts[1].count == 2 && allDigits(parts[1]) && allDigits(parts[2]):
      return .date
    case (2, 2) where allDigits(parts[1]):
      return .period
    case (2, 2) where parts[1][0] == UInt8(ascii: "Q") || parts[1][0] == UInt8(ascii: "q"):
      return parts[1][1].isASCIIDigit ? .period : .error(.malformedDate)
    case (2, 3) where parts[1][0] == UInt8(ascii: "W") || parts[1][0] == UInt8(ascii: "w"):
      return allDigits(Array(parts[1].dropFirst())) ? .period : .error(.malformedDate)
    default:
      return .error(.malformedDate)
    }
  }

  /// A double-quoted string; `\"` and `\\` are its only escapes.
  private mutating func lexString() -> TokenKind {
    advance()
    var invalidEscape: SourceRange?
    while let byte = peek() {
      if byte == UInt8(ascii: "\"") {
        advance()
        return invalidEscape.map { .error(.invalidEscape($0)) } ?? .string
      }
      guard byte == UInt8(ascii: "\\") else {
        advance()
        continue
      }
      let escaped = peek(1)
      if escaped != UInt8(ascii: "\"") && escaped != UInt8(ascii: "\\"), escaped != nil,
        invalidEscape == nil
      {
        let length = scalar(1)?.1 ?? 1
        invalidEscape = SourceRange(position, position + 1 + length)
      }
      advance(by: 1 + (scalar(1)?.1 ?? 0))
    }
    return .error(.unterminatedString)
  }

  /// A back-quoted name; a doubled back-quote inside stands for one.
  private mutating func lexQuotedIdentifier() -> TokenKind {
    let start = position
    advance()
    while let byte = peek() {
      advance()
      guard byte == UInt8(ascii: "`") else { continue }
      if eat("`") { continue }
      return position - start == 2 ? .error(.emptyQuotedIdentifier) : .quotedIdentifier
    }
    return .error(.unterminatedQuotedIdentifier)
  }

  /// One user-perceived character that starts no token, with its modifiers and joiners.
  private mutating func lexUnexpectedCharacter() -> TokenKind {
    guard let (first, length) = scalar() else {
      advance()
      return .error(.unexpectedCharacter)
    }
    advance(by: length)
    var previous = first
    while let (scalar, length) = scalar() {
      let joined = previous.value == 0x200D
      let regionalIndicators: ClosedRange<UInt32> = 0x1F1E6...0x1F1FF
      let flagPair =
        previous == first && regionalIndicators.contains(first.value)
        && regionalIndicators.contains(scalar.value)
      guard scalar.extendsPreviousCharacter || joined || flagPair else { break }
      advance(by: length)
      previous = scalar
    }
    return .error(.unexpectedCharacter)
  }
}
