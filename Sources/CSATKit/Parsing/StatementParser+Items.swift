extension StatementParser {
  /// `metric`: a name, an optional argument in parentheses, an optional alias.
  mutating func parseMetric() throws(QueryError) -> MetricSyntax {
    let name = try parseName(ParseMessage.metric)
    var argument: Identifier?
    if eat(.leftParenthesis) != nil {
      argument = try parseName(ParseMessage.fieldName)
      _ = try expect(.rightParenthesis, ParseMessage.quoted(")"))
    }
    var alias: Identifier?
    if eat(.as) != nil {
      alias = try parseName(ParseMessage.alias)
    }
    let range = SourceRange(name.range.start, previousEnd)
    return MetricSyntax(name: name, argument: argument, alias: alias, range: range)
  }

  /// `order_clause`: `order by` and one or more `order_item`s.
  mutating func parseOrderClause() throws(QueryError) -> [OrderItemSyntax] {
    advance()
    _ = try expect(.by, "'by' after 'order'")
    var items: [OrderItemSyntax] = []
    repeat {
      items.append(try parseOrderItem())
    } while eat(.comma) != nil

    continuation.expected = ["','"]
    if items.last.map({ $0.name.range.end == previousEnd }) == true {
      continuation.expected += ["'asc'", "'desc'"]
      continuation.keywords = [.asc, .desc]
    }
    return items
  }

  /// `order_item`: a column name and an optional direction, ascending by default.
  mutating func parseOrderItem() throws(QueryError) -> OrderItemSyntax {
    let name = try parseName(ParseMessage.columnName)
    if eat(.desc) != nil {
      return OrderItemSyntax(name: name, descending: true)
    }
    _ = eat(.asc)
    return OrderItemSyntax(name: name, descending: false)
  }

  /// `count`: a whole number of at least 1, after `top`, `bottom` or `limit`.
  mutating func parseCount(after keyword: Token) throws(QueryError) -> Int {
    let expectation = ParseMessage.count(after: keyword.text.lowercased())
    let token = current
    guard token.kind == .number else {
      if token.kind == .minus, peek().kind == .number {
        // Name the whole `-3` in the message rather than the lone `-`.
        let found = ParseMessage.quoted("-" + peek().text)
        let message = ParseMessage.expected(expectation, found: found)
        throw error(message, at: token.range.union(peek().range))
      }
      throw unexpected(expectation)
    }
    guard let count = Int(token.text), count >= 1 else {
      let allDigits = token.text.utf8.allSatisfy(\.isASCIIDigit)
      if allDigits && token.text.contains(where: { $0 != "0" }) {
        throw error(ParseMessage.numberTooLarge(token.text), at: token.range)
      }
      throw unexpected(expectation)
    }
    advance()
    return count
  }
}

extension StatementParser {
  /// `grouping`: a name, or `bucket(field, number, ...)` with increasing boundaries.
  mutating func parseGrouping() throws(QueryError) -> GroupingSyntax {
    let name = try parseName(ParseMessage.grouping)
    guard !name.isQuoted, name.name.lowercased() == "bucket", at(.leftParenthesis) else {
      return GroupingSyntax(name: name)
    }
    advance()
    let field = try parseName(ParseMessage.fieldName)
    _ = try expect(.comma, ParseMessage.bucketFirstBound)
    var bounds: [Double] = []
    var previousText = ""
    repeat {
      let start = current.range.start
      let (value, text) = try parseSignedNumber(ParseMessage.bucketBound)
      if let last = bounds.last, value <= last {
        throw error(
          ParseMessage.bucketsIncrease(text, previousText), at: SourceRange(start, previousEnd))
      }
      bounds.append(value)
      previousText = text
    } while eat(.comma) != nil
    _ = try expect(.rightParenthesis, ParseMessage.bucketNext)
    let range = SourceRange(name.range.start, previousEnd)
    return GroupingSyntax(
      name: name, buckets: BucketSyntax(field: field, bounds: bounds, range: range))
  }
}
