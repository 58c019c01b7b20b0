/// The clauses `parseTrailingClauses` found after a statement's head.
struct TrailingClauses {
  var condition: ExprSyntax?
  var window: WindowSyntax?
  var period: CoveragePeriodSyntax?
}

extension StatementParser {
  /// `chart`: the word, then a `query` to draw. The word of another statement right after
  /// it is refused at that word, as no metric is called so.
  mutating func parseChart() throws(QueryError) -> QuerySyntax {
    advance()
    let word = current.text.lowercased()
    if at(.list) || ["targets", "check", "coverage", "explain", "chart"].contains(where: atWord) {
      throw error(
        ParseMessage.chartTakesQuery(word), at: current.range,
        notes: [ParseMessage.chartExample])
    }
    return try parseQuery()
  }

  /// `coverage`: the word, `by` and one field, then an optional `where` condition, window and
  /// `per_clause` in any order.
  mutating func parseCoverage() throws(QueryError) -> CoverageSyntax {
    let start = advance().range.start
    _ = try expect(.by, ParseMessage.coverageBy)
    let field = try parseName(ParseMessage.coverageField)
    let clauses = try parseTrailingClauses(allowingPeriod: true)
    return CoverageSyntax(
      field: field, condition: clauses.condition, window: clauses.window,
      period: clauses.period, range: SourceRange(start, previousEnd))
  }

  /// `per_clause`: `per` and `week` or `month`, in any case.
  mutating func parsePerClause() throws(QueryError) -> CoveragePeriodSyntax {
    let start = advance().range.start
    let word = current.text.lowercased()
    guard at(.identifier), let unit = CalendarUnit(rawValue: word), unit == .week || unit == .month
    else {
      throw unexpected(ParseMessage.coveragePeriod)
    }
    advance()
    return CoveragePeriodSyntax(unit: unit, range: SourceRange(start, previousEnd))
  }
}
