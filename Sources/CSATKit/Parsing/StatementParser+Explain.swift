extension StatementParser {
  /// `explain`: `explain change in` a metric, `by` one or more groupings, then a `where`
  /// condition, a window and a baseline in any order, the window and the baseline required.
  ///
  /// `explain` and `change` are plain words, matched in any case; `in` is the keyword.
  mutating func parseExplain() throws(QueryError) -> ExplainSyntax {
    let start = advance().range.start
    guard atWord("change") else { throw unexpected(ParseMessage.explainChange) }
    advance()
    _ = try expect(.in, ParseMessage.explainIn)
    let metric = try parseMetric()
    guard eat(.by) != nil else {
      throw unexpected(
        ParseMessage.explainBy, suggesting: [.by], notes: [ParseMessage.explainByNote])
    }
    var groupings: [GroupingSyntax] = []
    repeat {
      groupings.append(try parseGrouping())
    } while eat(.comma) != nil

    var condition: ExprSyntax?
    var window: WindowSyntax?
    var baseline: BaselineSyntax?
    continuation = ParseContinuation(expected: ["','"], note: ParseMessage.separateGroupings)
    while !at(.end) {
      let token = current
      guard case .keyword(let keyword) = token.kind, let slot = ClauseSlot(keyword),
        [.filter, .window, .baseline].contains(slot)
      else { throw explainClauseExpected() }
      let duplicate = (slot == .filter && condition != nil) || (slot == .window && window != nil)
      if duplicate || (slot == .baseline && baseline != nil) {
        let word = token.text.lowercased()
        let message =
          slot == .window ? ParseMessage.duplicateWindow(word) : ParseMessage.duplicateClause(word)
        throw error(message, at: token.range)
      }
      continuation = ParseContinuation()
      switch slot {
      case .filter:
        advance()
        condition = try parseCondition()
        continuation.expected = ["'and'", "'or'"]
        continuation.keywords = [.and, .or]
      case .window:
        window = try parseWindow()
      default:
        let parsed = try parseBaseline()
        guard parsed.kind != .rest else {
          throw error(ParseMessage.explainRest, at: parsed.range)
        }
        baseline = parsed
      }
    }
    let end = SourceRange(previousEnd, previousEnd)
    guard let window else {
      throw error(
        ParseMessage.explainNeedsWindow, at: end, notes: [ParseMessage.baselineNeedsWindowNote])
    }
    guard let baseline else {
      throw error(
        ParseMessage.explainNeedsBaseline, at: end, notes: [ParseMessage.explainNeedsBaselineNote])
    }
    return ExplainSyntax(
      metric: metric, groupings: groupings, condition: condition, window: window,
      baseline: baseline, range: SourceRange(start, previousEnd))
  }

  /// The error for a token that starts none of the clauses `explain` takes.
  private func explainClauseExpected() -> QueryError {
    if let lexical = lexicalError() { return lexical }
    let items = continuation.expected + ["'where'", ParseMessage.window, "'vs'"]
    let keywords =
      continuation.keywords + [.where, .since, .between, .during, .this, .last, .vs]
    let notes = atName ? continuation.note.map { [$0] } ?? [] : []
    let message = ParseMessage.expectedClause(items, found: ParseMessage.describe(current))
    return error(message, at: current.range, notes: notes, suggestion: suggestion(among: keywords))
  }
}
