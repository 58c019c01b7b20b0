extension Parser {
  /// Parses what `.target` takes (grammar.md: `target_spec`): a metric, a number or `off`,
  /// and an optional `where` condition.
  ///
  /// - Throws: `QueryError` with one error diagnostic, whose range is in UTF-8 bytes of
  ///   `source`.
  public static func parseTarget(_ source: String) throws -> TargetSyntax {
    var parser = StatementParser(tokens: Lexer.tokenize(source))
    return try parser.parseTargetSpec()
  }
}

extension StatementParser {
  /// Whether the current token is the plain (not back-quoted) word `word`, in any case.
  func atWord(_ word: String) -> Bool {
    at(.identifier) && current.text.lowercased() == word
  }

  /// `targets`: the word, then an optional `where` condition and window in any order.
  mutating func parseTargets() throws(QueryError) -> TargetsSyntax {
    let start = advance().range.start
    let (condition, window) = try parseFilterAndWindow()
    return TargetsSyntax(
      condition: condition, window: window, range: SourceRange(start, previousEnd))
  }

  /// `check`: a metric, a comparison, a number, then an optional `where` condition and window
  /// in any order.
  mutating func parseCheck() throws(QueryError) -> CheckSyntax {
    let start = advance().range.start
    let metric = try parseMetric()
    guard case .comparison(let comparison) = current.kind else {
      throw unexpected(ParseMessage.checkComparison)
    }
    advance()
    let numberStart = current.range.start
    let (threshold, text) = try parseSignedNumber(ParseMessage.checkNumber)
    try checkScale(metric, threshold, text, at: SourceRange(numberStart, previousEnd))
    let (condition, window) = try parseFilterAndWindow()
    return CheckSyntax(
      metric: metric, comparison: comparison, threshold: threshold, thresholdText: text,
      condition: condition, window: window, range: SourceRange(start, previousEnd))
  }

  /// `target_spec`: `csat 85`, `csat 90 where interaction_type = "support"`, `csat off`.
  mutating func parseTargetSpec() throws(QueryError) -> TargetSyntax {
    let start = current.range.start
    let metric = try parseMetric()
    var threshold: Double?
    if atWord("off") {
      advance()
    } else {
      let numberStart = current.range.start
      let (value, text) = try parseSignedNumber(ParseMessage.targetNumber)
      try checkScale(metric, value, text, at: SourceRange(numberStart, previousEnd))
      threshold = value
    }
    var condition: ExprSyntax?
    if eat(.where) != nil {
      condition = try parseCondition()
    }
    guard at(.end) else {
      let expectation = condition == nil ? ParseMessage.targetEnd : ParseMessage.targetEndAfterWhere
      throw unexpected(expectation, suggesting: condition == nil ? [.where] : [.and, .or])
    }
    return TargetSyntax(
      metric: metric, threshold: threshold, condition: condition,
      range: SourceRange(start, previousEnd))
  }

  /// Refuses a target or `check` number no figure of the metric can reach: shares (`csat`,
  /// `dsat`, `promoters`, `passives`, `detractors`, `followup`) run from 0 to 100, `nps` from
  /// −100 to 100; `avg` and `count` take any number.
  private func checkScale(
    _ metric: MetricSyntax, _ value: Double, _ text: String, at range: SourceRange
  ) throws(QueryError) {
    guard !metric.name.isQuoted else { return }
    let name = metric.name.name.lowercased()
    let shares = ["csat", "dsat", "promoters", "passives", "detractors", "followup"]
    let scale: ClosedRange<Double>
    if name == "nps" {
      scale = -100...100
    } else if shares.contains(name) {
      scale = 0...100
    } else {
      return
    }
    guard !scale.contains(value) else { return }
    throw error(ParseMessage.offScale(name, text, scale), at: range)
  }

  /// A number with an optional `-` before it, and its text as written.
  mutating func parseSignedNumber(
    _ expectation: String
  ) throws(QueryError) -> (value: Double, text: String) {
    let negative = eat(.minus) != nil
    let token = try expect(.number, expectation)
    let value = try numberValue(token)
    return (negative ? -value : value, (negative ? "-" : "") + token.text)
  }

  /// An optional `where_clause` and an optional `window`, in either order, to the end.
  private mutating func parseFilterAndWindow() throws(QueryError) -> (
    ExprSyntax?, WindowSyntax?
  ) {
    let clauses = try parseTrailingClauses(allowingPeriod: false)
    return (clauses.condition, clauses.window)
  }

  /// An optional `where_clause`, an optional `window` and, with `allowingPeriod`, an optional
  /// `per_clause` (`coverage`), in any order, to the end.
  mutating func parseTrailingClauses(allowingPeriod: Bool) throws(QueryError) -> TrailingClauses {
    var condition: ExprSyntax?
    var window: WindowSyntax?
    var period: CoveragePeriodSyntax?
    continuation = ParseContinuation()
    while !at(.end) {
      let token = current
      if at(.where) {
        guard condition == nil else {
          throw error(ParseMessage.duplicateClause("where"), at: token.range)
        }
        advance()
        condition = try parseCondition()
        continuation.expected = ["'and'", "'or'"]
        continuation.keywords = [.and, .or]
        if lastPredicateWasField {
          continuation.expected.insert(ParseMessage.comparison, at: 0)
          continuation.keywords += [.in, .not, .contains, .starts, .is]
        }
      } else if case .keyword(let keyword) = token.kind, ClauseSlot(keyword) == .window {
        guard window == nil else {
          throw error(ParseMessage.duplicateWindow(token.text.lowercased()), at: token.range)
        }
        window = try parseWindow()
        continuation = ParseContinuation()
      } else if allowingPeriod, atWord("per") {
        guard period == nil else {
          throw error(ParseMessage.duplicateClause("per"), at: token.range)
        }
        period = try parsePerClause()
        continuation = ParseContinuation()
      } else {
        if let lexical = lexicalError() { throw lexical }
        let items =
          continuation.expected + ["'where'", ParseMessage.window]
          + (allowingPeriod ? ["'per'"] : [])
        let keywords = continuation.keywords + [.where, .since, .between, .during, .this, .last]
        let message = ParseMessage.expectedClause(items, found: ParseMessage.describe(current))
        throw error(message, at: token.range, suggestion: suggestion(among: keywords))
      }
    }
    return TrailingClauses(condition: condition, window: window, period: period)
  }
}
