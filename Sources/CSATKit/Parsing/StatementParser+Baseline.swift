extension StatementParser {
  /// `baseline`: `vs previous`, `vs last year` or `vs rest`, starting at `vs`.
  ///
  /// `previous`, `rest` and `year` are plain names, not keywords, matched in any case; a
  /// back-quoted name is a field and does not count.
  mutating func parseBaseline() throws(QueryError) -> BaselineSyntax {
    let keyword = advance()
    let kind: BaselineSyntax.Kind
    if eat(.last) != nil {
      guard at(.identifier), current.text.lowercased() == "year" else {
        throw unexpectedBaseline(
          ParseMessage.lastYearUnit, among: ["year"], note: ParseMessage.lastYearNote)
      }
      kind = .lastYear
    } else {
      switch at(.identifier) ? current.text.lowercased() : "" {
      case "previous": kind = .previous
      case "rest": kind = .rest
      default:
        throw unexpectedBaseline(
          ParseMessage.baselineTarget, among: ["previous", "rest"],
          note: ParseMessage.baselineTargetNote)
      }
    }
    advance()
    return BaselineSyntax(kind, range: SourceRange(keyword.range.start, previousEnd))
  }

  /// The error for a word after `vs` (or `vs last`) that fits no baseline, suggesting the
  /// nearest of `words` when the token is a plain name close to one.
  private func unexpectedBaseline(
    _ expectation: String, among words: [String], note: String
  ) -> QueryError {
    if let lexical = lexicalError() { return lexical }
    let nearest = at(.identifier) ? Suggestions.nearest(to: current.text, in: words).first : nil
    let message = ParseMessage.expected(expectation, found: ParseMessage.describe(current))
    return error(message, at: current.range, notes: [note], suggestion: nearest)
  }
}
