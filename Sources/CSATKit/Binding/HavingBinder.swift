// MARK: - Result conditions

extension Binder {
  /// Binds a `having` condition against the result's columns; a literal of the wrong type
  /// for its column (`n = "x"`, `nps_band > 5`) is an error at the literal.
  func bind(having: ExprSyntax, columns: [BoundColumn], groupings: [BoundGrouping]) throws
    -> BoundHaving
  {
    let names = columns.map(\.name)
    switch having.kind {
    case .comparison(let name, let op, let literal):
      let column = try resultColumn(name, in: names, clause: "having")
      let operand = havingOperand(columns[column], groupings: groupings)
      switch literal.value {
      case .number(let number) where operand != .text:
        return .compare(column: column, op, number)
      case .string(let text) where operand != .number:
        return .textCompare(column: column, op, text)
      case .number, .string:
        let band = columns[column].content.isBand
        let wanted =
          operand == .number
          ? "numbers, so compare it with a number, like 30"
          : "text, so compare it with text in double quotes" + (band ? ", like \"good\"" : "")
        throw QueryError(.error("'\(names[column])' holds \(wanted)", at: literal.range))
      default:
        throw QueryError(
          .error("'having' compares result columns with numbers or text", at: literal.range))
      }
    case .not(let inner):
      return .not(try bind(having: inner, columns: columns, groupings: groupings))
    case .and(let left, let right):
      return .and(
        try bind(having: left, columns: columns, groupings: groupings),
        try bind(having: right, columns: columns, groupings: groupings))
    case .or(let left, let right):
      return .or(
        try bind(having: left, columns: columns, groupings: groupings),
        try bind(having: right, columns: columns, groupings: groupings))
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

/// What a result column's cells compare with in `having`.
enum HavingOperand {
  case number, text
  /// true/false: 1 and 0, or the words `true` and `false`.
  case either
}

extension Binder {
  /// Numbers for figures and counts and for groupings of number fields; text for the
  /// band, text fields, time buckets and number ranges; either for true/false columns.
  func havingOperand(_ column: BoundColumn, groupings: [BoundGrouping]) -> HavingOperand {
    switch column.content {
    case .metric(_, let part):
      switch part {
      case .band: return .text
      case .lowN, .significant, .met: return .either
      default: return .number
      }
    case .grouping(let index):
      guard case .column(let field, _) = groupings[index] else { return .text }
      switch catalog.dataset.columns[field].type {
      case .number: return .number
      case .boolean: return .either
      default: return .text
      }
    }
  }
}

extension ColumnContent {
  /// Whether the column is a metric's band (`nps_band`).
  var isBand: Bool {
    if case .metric(_, .band) = self { return true }
    return false
  }
}
