extension StatementParser {
  /// `condition`: the whole condition of a `where` or `having` clause.
  mutating func parseCondition() throws(QueryError) -> ExprSyntax {
    operatorCount = 0
    nesting = 0
    return try parseDisjunction()
  }

  /// `disjunction`: conjunctions joined by `or`, grouped to the left.
  mutating func parseDisjunction() throws(QueryError) -> ExprSyntax {
    var left = try parseConjunction()
    while let token = eat(.or) {
      try countOperator(token)
      let right = try parseConjunction()
      left = ExprSyntax(.or(left, right), range: left.range.union(right.range))
    }
    return left
  }

  /// `conjunction`: negations joined by `and`, grouped to the left.
  mutating func parseConjunction() throws(QueryError) -> ExprSyntax {
    var left = try parseNegation()
    while let token = eat(.and) {
      try countOperator(token)
      let right = try parseNegation()
      left = ExprSyntax(.and(left, right), range: left.range.union(right.range))
    }
    return left
  }

  /// `negation`: any number of `not` before a predicate.
  mutating func parseNegation() throws(QueryError) -> ExprSyntax {
    var nots: [Token] = []
    while let token = eat(.not) {
      try countOperator(token)
      nots.append(token)
    }
    var expression = try parsePredicate()
    for token in nots.reversed() {
      expression = ExprSyntax(.not(expression), range: token.range.union(expression.range))
    }
    return expression
  }

  /// Keeps the tree shallow enough that walking it can never exhaust the stack.
  private mutating func countOperator(_ token: Token) throws(QueryError) {
    operatorCount += 1
    if operatorCount > ParseMessage.operatorLimit {
      throw error(ParseMessage.tooManyOperators, at: token.range)
    }
  }

  /// `predicate`: a condition in parentheses, or a field with what is said about it.
  mutating func parsePredicate() throws(QueryError) -> ExprSyntax {
    if let open = eat(.leftParenthesis) {
      return try parseParenthesized(open)
    }
    let field = try parseName(ParseMessage.condition)
    lastPredicateWasField = false

    let kind: ExprSyntax.Kind
    switch current.kind {
    case .comparison(let comparison):
      advance()
      kind = .comparison(field, comparison, try parseLiteral())
    case .keyword(.in):
      advance()
      kind = .membership(field, negated: false, try parseLiteralList())
    case .keyword(.not):
      advance()
      _ = try expect(.in, "'in' after 'not'")
      kind = .membership(field, negated: true, try parseLiteralList())
    case .keyword(.contains):
      advance()
      kind = .contains(field, try parseString())
    case .keyword(.starts):
      advance()
      _ = try expect(.with, "'with' after 'starts'")
      kind = .startsWith(field, try parseString())
    case .keyword(.is):
      advance()
      let negated = eat(.not) != nil
      _ = try expect(.missing, negated ? "'missing'" : "'missing' or 'not missing'")
      kind = .missing(field, negated: negated)
    default:
      lastPredicateWasField = true
      kind = .field(field)
    }
    return ExprSyntax(kind, range: SourceRange(field.range.start, previousEnd))
  }

  /// `"(" condition ")"`; the range of the result takes in the parentheses.
  private mutating func parseParenthesized(_ open: Token) throws(QueryError) -> ExprSyntax {
    guard nesting < ParseMessage.nestingLimit else {
      throw error(ParseMessage.tooDeep, at: open.range)
    }
    nesting += 1
    var inner = try parseDisjunction()
    nesting -= 1

    guard at(.rightParenthesis) else {
      var items = ["'and'", "'or'", "')'"]
      var keywords: [Keyword] = [.and, .or]
      if lastPredicateWasField {
        items.insert(ParseMessage.comparison, at: 0)
        keywords += [.in, .not, .contains, .starts, .is]
      }
      throw unexpected(ParseMessage.alternatives(items), suggesting: keywords)
    }
    inner.range = open.range.union(advance().range)
    lastPredicateWasField = false
    return inner
  }

  /// `"(" literal { "," literal } ")"` after `in` or `not in`.
  private mutating func parseLiteralList() throws(QueryError) -> [LiteralSyntax] {
    _ = try expect(.leftParenthesis, "'(' after 'in'")
    var literals = [try parseLiteral()]
    while eat(.comma) != nil {
      literals.append(try parseLiteral())
    }
    _ = try expect(.rightParenthesis, "',' or ')'")
    return literals
  }

  /// A string literal, after `contains` or `starts with`.
  private mutating func parseString() throws(QueryError) -> LiteralSyntax {
    let token = try expect(.string, ParseMessage.string)
    return LiteralSyntax(.string(Self.stringValue(token.text)), range: token.range)
  }

  /// `literal`: a string, a number with an optional `-`, a date, `true` or `false`.
  mutating func parseLiteral() throws(QueryError) -> LiteralSyntax {
    let token = current
    switch token.kind {
    case .string:
      advance()
      return LiteralSyntax(.string(Self.stringValue(token.text)), range: token.range)
    case .number:
      advance()
      return LiteralSyntax(.number(try numberValue(token)), range: token.range)
    case .minus:
      advance()
      let number = try expect(.number, "a number after '-'")
      let value = try numberValue(number)
      return LiteralSyntax(.number(-value), range: token.range.union(number.range))
    case .date:
      advance()
      return LiteralSyntax(.date(try dateValue(token)), range: token.range)
    case .keyword(.true), .keyword(.false):
      advance()
      return LiteralSyntax(.boolean(token.kind == .keyword(.true)), range: token.range)
    default:
      let notes = atName ? [ParseMessage.textNeedsQuotes] : []
      throw unexpected(ParseMessage.value, notes: notes)
    }
  }
}
