/// Turns the text of one statement into its parsed tree (grammar.md, "Productions").
public enum Parser {
  /// Parses one statement: a query or a `list`.
  ///
  /// - Throws: `QueryError` with one error diagnostic, whose range is in UTF-8 bytes of
  ///   `source`.
  public static func parse(_ source: String) throws -> StatementSyntax {
    var parser = StatementParser(tokens: Lexer.tokenize(source))
    return try parser.parseStatement()
  }
}

/// What may follow the last thing parsed, beyond the clauses; shown when a clause is
/// expected and something else is found.
struct ParseContinuation {
  var expected: [String] = []
  var keywords: [Keyword] = []
  /// Shown when a name was found and no keyword fits.
  var note: String?
}

/// The state of one parse: the tokens and the position in them.
///
/// Parse functions are named after the grammar.md production they implement and live in
/// the `StatementParser+...` files. They consume what they parse and throw `QueryError` at
/// the first token that does not fit.
struct StatementParser {
  let tokens: [Token]
  private var index = 0
  /// Where the last consumed token ended: the end of whatever was just parsed.
  private(set) var previousEnd = 0
  var continuation = ParseContinuation()
  /// How many parentheses enclose the current condition.
  var nesting = 0
  /// How many `and`, `or` and `not` the current condition has so far.
  var operatorCount = 0
  /// Whether the last predicate was a field alone, so an operator could have followed it.
  var lastPredicateWasField = false

  /// - Precondition: `tokens` ends with `.end`, as `Lexer.tokenize` gives.
  init(tokens: [Token]) {
    self.tokens = tokens.isEmpty ? [Token(.end, "", range: SourceRange(0, 0))] : tokens
  }

  // MARK: - Looking at tokens

  var current: Token { tokens[index] }

  /// The token `offset` places ahead, or the `.end` token past it.
  func peek(_ offset: Int = 1) -> Token {
    tokens[min(index + offset, tokens.count - 1)]
  }

  func at(_ kind: TokenKind) -> Bool { current.kind == kind }

  func at(_ keyword: Keyword) -> Bool { current.kind == .keyword(keyword) }

  var atName: Bool { at(.identifier) || at(.quotedIdentifier) }

  // MARK: - Consuming tokens

  /// Consumes the current token; at the end, stays there.
  @discardableResult
  mutating func advance() -> Token {
    let token = current
    if index < tokens.count - 1 {
      index += 1
    }
    previousEnd = token.range.end
    return token
  }

  mutating func eat(_ kind: TokenKind) -> Token? {
    at(kind) ? advance() : nil
  }

  mutating func eat(_ keyword: Keyword) -> Token? {
    eat(.keyword(keyword))
  }

  /// Consumes a token of `kind`, or throws saying `expectation` was expected.
  mutating func expect(_ kind: TokenKind, _ expectation: String) throws(QueryError) -> Token {
    guard at(kind) else { throw unexpected(expectation) }
    return advance()
  }

  mutating func expect(_ keyword: Keyword, _ expectation: String) throws(QueryError) -> Token {
    guard at(keyword) else { throw unexpected(expectation, suggesting: [keyword]) }
    return advance()
  }

  /// `name`: a plain or back-quoted identifier.
  mutating func parseName(_ expectation: String) throws(QueryError) -> Identifier {
    let token = current
    switch token.kind {
    case .identifier:
      advance()
      return Identifier(name: token.text, range: token.range)
    case .quotedIdentifier:
      advance()
      return Identifier(name: Self.unquotedName(token.text), isQuoted: true, range: token.range)
    case .keyword:
      let note = ParseMessage.keywordAsName(token.text)
      throw unexpected(expectation, notes: [note])
    default:
      throw unexpected(expectation)
    }
  }

  /// The name inside back-quotes, with each doubled back-quote made one.
  static func unquotedName(_ text: String) -> String {
    String(text.dropFirst().dropLast()).replacing("``", with: "`")
  }

  // MARK: - Errors

  /// An error at `range`.
  func error(
    _ message: String, at range: SourceRange, notes: [String] = [], suggestion: String? = nil
  ) -> QueryError {
    QueryError(.error(message, at: range, notes: notes, suggestion: suggestion))
  }

  /// The error for a current token that does not fit: its own error if the lexer could not
  /// read it, else "expected ... but found ...", with a keyword from `keywords` as the
  /// suggestion when the token is a misspelling of one.
  func unexpected(
    _ expectation: String, suggesting keywords: [Keyword] = [], notes: [String] = []
  ) -> QueryError {
    if let lexical = lexicalError() { return lexical }
    let message = ParseMessage.expected(expectation, found: ParseMessage.describe(current))
    return error(
      message, at: current.range, notes: notes, suggestion: suggestion(among: keywords))
  }

  /// The error for the current token if it is an error token.
  func lexicalError() -> QueryError? {
    guard case .error(let problem) = current.kind else { return nil }
    let range: SourceRange
    switch problem {
    case .unterminatedString, .unterminatedQuotedIdentifier:
      range = SourceRange(current.range.start, current.range.start + 1)
    case .invalidEscape(let escape):
      range = escape
    default:
      range = current.range
    }
    return error(ParseMessage.lexical(problem, current), at: range)
  }

  /// The keyword of `keywords` that the current token, a plain name, most likely misspells.
  func suggestion(among keywords: [Keyword]) -> String? {
    guard at(.identifier), !keywords.isEmpty else { return nil }
    let word = current.text.lowercased()
    let candidates = keywords.map(\.rawValue)
    let nearest = Suggestions.nearest(to: word, in: candidates)
    // Among equally near keywords, the one that starts like the word is the likelier slip.
    if let first = nearest.first {
      let distance = { (candidate: String) in
        Suggestions.editDistance(Array(word), Array(candidate))
      }
      let tied = nearest.filter { distance($0) == distance(first) }
      return tied.first { $0.first == word.first } ?? first
    }
    // `Suggestions.nearest` counts a swap of two letters as two edits; `odrer` is one slip.
    return candidates.first { Self.isSwap(of: Array(word), Array($0)) }
  }

  /// Whether `a` is `b` with two neighbouring letters swapped.
  private static func isSwap(of a: [Character], _ b: [Character]) -> Bool {
    guard a.count == b.count, a.count >= 2 else { return false }
    let differences = a.indices.filter { a[$0] != b[$0] }
    guard differences.count == 2, differences[1] == differences[0] + 1 else { return false }
    return a[differences[0]] == b[differences[1]] && a[differences[1]] == b[differences[0]]
  }
}
