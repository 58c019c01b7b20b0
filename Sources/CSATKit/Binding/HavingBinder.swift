// MARK: - Result conditions

extension Binder {
  /// Binds a `having` condition against the result's columns.
  func bind(having: ExprSyntax, columns: [String]) throws -> BoundHaving {
    switch having.kind {
    case .comparison(let name, let op, let literal):
      let column = try resultColumn(name, in: columns, clause: "having")
      switch literal.value {
      case .number(let number): return .compare(column: column, op, number)
      case .string(let text): return .textCompare(column: column, op, text)
      default:
        throw QueryError(
          .error("'having' compares result columns with numbers or text", at: literal.range))
      }
    case .not(let inner):
      return .not(try bind(having: inner, columns: columns))
    case .and(let left, let right):
      return .and(
        try bind(having: left, columns: columns), try bind(having: right, columns: columns))
    case .or(let left, let right):
      return .or(
        try bind(having: left, columns: columns), try bind(having: right, columns: columns))
    default:
      throw QueryError(
        .error(
          "'having' takes comparisons of result columns, such as 'n >= 30' or 'csat < 80'",
          at: having.range))
    }
  }

  /// The index of a result column named in `having` or `order by`.
  func resultColumn(_ name: Identifier, in columns: [String], clause: String) throws -> Int {
    if let index = columns.firstIndex(of: name.name) { return index }
    let lowered = name.name.lowercased()
    if let index = columns.firstIndex(where: { $0.lowercased() == lowered }) { return index }
    let nearest = Suggestions.nearest(to: name.name, in: columns, limit: 1).first
    throw QueryError(
      .error(
        "'\(clause)' refers to the result's columns, and there is no column '\(name.name)'",
        at: name.range, notes: ["the result's columns: " + columns.joined(separator: ", ")],
        suggestion: nearest))
  }
}
