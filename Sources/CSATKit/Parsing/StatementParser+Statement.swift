/// A clause after the metrics of a query or the fields of a list, once parsed.
enum ParsedClause {
  case filter(ExprSyntax)
  case window(WindowSyntax)
  case baseline(BaselineSyntax)
  case having(ExprSyntax)
  case order([OrderItemSyntax])
  case rank(RankSyntax)
  case limit(Int)
}

/// Which clause a keyword starts; the five window keywords share one, as do `top` and
/// `bottom`, since a statement takes at most one of each.
enum ClauseSlot: Hashable {
  case filter, window, baseline, having, order, rank, limit

  init?(_ keyword: Keyword) {
    switch keyword {
    case .where: self = .filter
    case .since, .between, .during, .this, .last: self = .window
    case .vs: self = .baseline
    case .having: self = .having
    case .order: self = .order
    case .top, .bottom: self = .rank
    case .limit: self = .limit
    default: return nil
    }
  }
}

extension StatementParser {
  /// `statement`; `targets`, `check`, `chart`, `coverage` and `explain` are plain words that
  /// no metric is called.
  mutating func parseStatement() throws(QueryError) -> StatementSyntax {
    if at(.list) { return .list(try parseList()) }
    if atWord("targets") { return .targets(try parseTargets()) }
    if atWord("check") { return .check(try parseCheck()) }
    if atWord("chart") { return .chart(try parseChart()) }
    if atWord("coverage") { return .coverage(try parseCoverage()) }
    if atWord("explain") { return .explain(try parseExplain()) }
    return .query(try parseQuery())
  }

  /// `query`
  mutating func parseQuery() throws(QueryError) -> QuerySyntax {
    let start = current.range.start
    var metrics = [try parseMetric()]
    while eat(.comma) != nil {
      metrics.append(try parseMetric())
    }
    continuation.note = ParseMessage.separateMetrics
    var groupings: [GroupingSyntax] = []
    if eat(.by) != nil {
      repeat {
        groupings.append(try parseGrouping())
      } while eat(.comma) != nil
      continuation.note = ParseMessage.separateGroupings
    }

    var query = QuerySyntax(metrics: metrics, groupings: groupings, range: SourceRange(0, 0))
    for clause in try parseClauses(inList: false, hasGroupings: !groupings.isEmpty) {
      switch clause {
      case .filter(let condition): query.condition = condition
      case .window(let window): query.window = window
      case .baseline(let baseline): query.baseline = baseline
      case .having(let condition): query.having = condition
      case .order(let items): query.orderBy = items
      case .rank(let rank): query.rank = rank
      case .limit(let count): query.limit = count
      }
    }
    query.range = SourceRange(start, previousEnd)
    if let baseline = query.baseline, baseline.kind != .rest, query.window == nil {
      throw error(
        ParseMessage.baselineNeedsWindow(baseline.kind), at: baseline.range,
        notes: [ParseMessage.baselineNeedsWindowNote])
    }
    return query
  }

  /// `list`
  mutating func parseList() throws(QueryError) -> ListSyntax {
    let start = advance().range.start
    var fields = [try parseName(ParseMessage.fieldName)]
    while eat(.comma) != nil {
      fields.append(try parseName(ParseMessage.fieldName))
    }

    var list = ListSyntax(fields: fields, range: SourceRange(0, 0))
    for clause in try parseClauses(inList: true, hasGroupings: false) {
      switch clause {
      case .filter(let condition): list.condition = condition
      case .window(let window): list.window = window
      case .order(let items): list.orderBy = items
      case .limit(let count): list.limit = count
      case .having, .rank, .baseline: break  // parseClauses refuses these in a list
      }
    }
    list.range = SourceRange(start, previousEnd)
    return list
  }

  /// `query_clause` or `list_clause`, repeated to the end: any order, each at most once.
  private mutating func parseClauses(
    inList: Bool, hasGroupings: Bool
  ) throws(QueryError) -> [ParsedClause] {
    var clauses: [ParsedClause] = []
    var seen: Set<ClauseSlot> = []
    while !at(.end) {
      let token = current
      // `by` may only come straight after the metrics of a query.
      let byAllowed = !inList && clauses.isEmpty && !hasGroupings
      guard case .keyword(let keyword) = token.kind else {
        throw clauseExpected(inList: inList, byAllowed: byAllowed)
      }
      if inList, [.by, .having, .top, .bottom, .vs].contains(keyword) {
        throw error(
          ParseMessage.notInList(token.text.lowercased()), at: token.range,
          notes: [ParseMessage.notInListNote(keyword)])
      }
      if keyword == .by {
        let message = hasGroupings ? ParseMessage.duplicateClause("by") : ParseMessage.misplacedBy
        throw error(message, at: token.range)
      }
      guard let slot = ClauseSlot(keyword) else {
        throw clauseExpected(inList: inList, byAllowed: byAllowed)
      }
      guard seen.insert(slot).inserted else { throw duplicate(slot, token) }
      continuation = ParseContinuation()
      clauses.append(try parseClause(slot))
    }
    return clauses
  }

  /// One clause, starting at its keyword: `where_clause`, `having_clause`, `window`,
  /// `baseline`, `order_clause`, `rank_clause` or `limit_clause`.
  ///
  /// Afterwards `continuation` says what could have gone on the clause, for the error if
  /// what follows starts no clause.
  private mutating func parseClause(_ slot: ClauseSlot) throws(QueryError) -> ParsedClause {
    switch slot {
    case .filter, .having:
      advance()
      let condition = try parseCondition()
      continuation.expected = ["'and'", "'or'"]
      continuation.keywords = [.and, .or]
      if lastPredicateWasField {
        continuation.expected.insert(ParseMessage.comparison, at: 0)
        continuation.keywords += [.in, .not, .contains, .starts, .is]
      }
      return slot == .filter ? .filter(condition) : .having(condition)
    case .window:
      return .window(try parseWindow())
    case .baseline:
      return .baseline(try parseBaseline())
    case .order:
      return .order(try parseOrderClause())
    case .rank:
      let keyword = advance()
      let count = try parseCount(after: keyword)
      let range = SourceRange(keyword.range.start, previousEnd)
      return .rank(RankSyntax(isTop: keyword.kind == .keyword(.top), count: count, range: range))
    case .limit:
      return .limit(try parseCount(after: advance()))
    }
  }

  /// The error for a token that starts no clause where one, or the end, was expected.
  private func clauseExpected(inList: Bool, byAllowed: Bool) -> QueryError {
    if let lexical = lexicalError() { return lexical }
    var items = continuation.expected
    var keywords = continuation.keywords
    if byAllowed {
      items.append("'by'")
      keywords.append(.by)
    }
    items += ["'where'", ParseMessage.window]
    keywords += [.where, .since, .between, .during, .this, .last]
    if !inList {
      items.append("'having'")
      keywords.append(.having)
    }
    items.append("'order by'")
    keywords.append(.order)
    if !inList {
      items += ["'top'", "'bottom'", "'vs'"]
      keywords += [.top, .bottom, .vs]
    }
    items.append("'limit'")
    keywords.append(.limit)

    let suggestion = suggestion(among: keywords)
    let notes = suggestion == nil && atName ? continuation.note.map { [$0] } ?? [] : []
    let message = ParseMessage.expectedClause(items, found: ParseMessage.describe(current))
    return error(message, at: current.range, notes: notes, suggestion: suggestion)
  }

  private func duplicate(_ slot: ClauseSlot, _ token: Token) -> QueryError {
    let keyword = slot == .order ? "order by" : token.text.lowercased()
    switch slot {
    case .window: return error(ParseMessage.duplicateWindow(keyword), at: token.range)
    case .rank: return error(ParseMessage.duplicateRank(keyword), at: token.range)
    default: return error(ParseMessage.duplicateClause(keyword), at: token.range)
    }
  }
}
