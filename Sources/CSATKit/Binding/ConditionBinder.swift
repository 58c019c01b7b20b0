import Foundation

// MARK: - Conditions

extension Binder {
  /// Binds a `where` condition (grammar.md: `condition`). Text tests become code sets.
  mutating func bind(condition: ExprSyntax) throws -> BoundCondition {
    switch condition.kind {
    case .comparison(let name, let op, let literal):
      return try compare(name, op, [literal])
    case .membership(let name, let negated, let literals):
      let inSet = try compare(name, .equal, literals)
      return negated ? .and(.not(inSet), .not(.missing(column: try field(name)))) : inSet
    case .contains(let name, let literal):
      // Every non-blank text contains "" (String.contains says it does not).
      return try textMatch(name, literal) { $1.isEmpty || $0.contains($1) }
    case .startsWith(let name, let literal):
      return try textMatch(name, literal) { $0.hasPrefix($1) }
    case .missing(let name, let negated):
      let missing = BoundCondition.missing(column: try field(name))
      return negated ? .not(missing) : missing
    case .field(let name):
      let column = try field(name)
      guard catalog.dataset.columns[column].type == .boolean else {
        let type = catalog.dataset.columns[column].type.rawValue
        throw QueryError(
          .error(
            "'\(catalog.dataset.columns[column].name)' is \(type), not true/false; compare it "
              + "with a value", at: name.range))
      }
      return .boolean(column: column, true)
    case .not(let inner):
      return .not(try bind(condition: inner))
    case .and(let left, let right):
      return .and(try bind(condition: left), try bind(condition: right))
    case .or(let left, let right):
      return .or(try bind(condition: left), try bind(condition: right))
    }
  }

  /// `field op literal`, or `field in (literals)` when `op` is `=` and there are several.
  private mutating func compare(
    _ name: Identifier, _ op: ComparisonOperator, _ literals: [LiteralSyntax]
  ) throws -> BoundCondition {
    let column = try field(name)
    let columnName = catalog.dataset.columns[column].name
    switch catalog.dataset.columns[column].data {
    case .text(let text):
      var accepted = [Bool](repeating: false, count: text.dictionary.count)
      for literal in literals {
        guard case .string(let raw) = literal.value else {
          throw mismatch(columnName, "text", literal, example: "\"value\"")
        }
        let value = raw.precomposedStringWithCanonicalMapping
        var found = false
        for code in 1..<text.dictionary.count where Self.holds(text.dictionary[code], op, value) {
          accepted[code] = true
          found = true
        }
        if !found && op == .equal { warnMissingValue(columnName, value, literal, text) }
      }
      return .textCodes(column: column, accepted: accepted)
    case .number:
      let values = try literals.map { literal -> Double in
        guard case .number(let number) = literal.value else {
          throw mismatch(columnName, "a number", literal, example: "4")
        }
        return number
      }
      return values.count == 1
        ? .numberCompare(column: column, op, values[0])
        : .numberIn(column: column, values)
    case .boolean:
      var result: BoundCondition?
      for literal in literals {
        guard case .boolean(let flag) = literal.value else {
          throw mismatch(columnName, "true/false", literal, example: "true")
        }
        guard op == .equal || op == .notEqual else {
          throw QueryError(
            .error(
              "true/false values can only be compared with = or !=",
              at: literal.range))
        }
        let test = BoundCondition.boolean(column: column, op == .equal ? flag : !flag)
        result = result.map { .or($0, test) } ?? test
      }
      return result ?? .constant(false)
    case .timestamp:
      var result: BoundCondition?
      for literal in literals {
        guard case .date(let date) = literal.value else {
          throw mismatch(columnName, "a timestamp", literal, example: "2024-03-01")
        }
        let test = dayCompare(column, op, CalendarMath.dayNumber(date))
        result = result.map { .or($0, test) } ?? test
      }
      return result ?? .constant(false)
    }
  }

  /// A timestamp against a whole local day.
  private func dayCompare(_ column: Int, _ op: ComparisonOperator, _ day: Int) -> BoundCondition {
    let start = zone.startOfDay(day)
    let end = zone.startOfDay(day + 1)
    switch op {
    case .equal: return .timeRange(column: column, lower: start, upper: end)
    case .notEqual:
      return .or(
        .timeRange(column: column, lower: Int64.min + 1, upper: start),
        .timeRange(column: column, lower: end, upper: Int64.max))
    case .less: return .timeRange(column: column, lower: Int64.min + 1, upper: start)
    case .lessOrEqual: return .timeRange(column: column, lower: Int64.min + 1, upper: end)
    case .greater: return .timeRange(column: column, lower: end, upper: Int64.max)
    case .greaterOrEqual: return .timeRange(column: column, lower: start, upper: Int64.max)
    }
  }

  static func holds(_ value: String, _ op: ComparisonOperator, _ literal: String) -> Bool {
    switch op {
    case .equal: value == literal
    case .notEqual: value != literal
    case .less: value < literal
    case .lessOrEqual: value <= literal
    case .greater: value > literal
    case .greaterOrEqual: value >= literal
    }
  }

  /// `contains` and `starts with`, case-insensitively, on a text field.
  private func textMatch(
    _ name: Identifier, _ literal: LiteralSyntax, _ test: (String, String) -> Bool
  ) throws -> BoundCondition {
    let column = try field(name)
    guard case .text(let text) = catalog.dataset.columns[column].data else {
      throw QueryError(
        .error(
          "'\(catalog.dataset.columns[column].name)' is not text; 'contains' and 'starts with' "
            + "need a text field", at: name.range))
    }
    guard case .string(let raw) = literal.value else {
      throw mismatch(catalog.dataset.columns[column].name, "text", literal, example: "\"word\"")
    }
    let needle = raw.precomposedStringWithCanonicalMapping.lowercased()
    var accepted = [Bool](repeating: false, count: text.dictionary.count)
    for code in 1..<text.dictionary.count where test(text.dictionary[code].lowercased(), needle) {
      accepted[code] = true
    }
    return .textCodes(column: column, accepted: accepted)
  }

  private func mismatch(
    _ columnName: String, _ type: String, _ literal: LiteralSyntax, example: String
  ) -> QueryError {
    QueryError(
      .error(
        "'\(columnName)' holds \(type), so compare it with a value like \(example)",
        at: literal.range))
  }

  private mutating func warnMissingValue(
    _ columnName: String, _ value: String, _ literal: LiteralSyntax, _ text: TextColumn
  ) {
    let values = Array(text.dictionary.dropFirst())
    let nearest = Suggestions.nearest(to: value, in: values, limit: 3)
    var message = "no row has \(Binder.quotedIfNeeded(columnName)) = \"\(value)\""
    if !nearest.isEmpty {
      message += "; did you mean " + nearest.map { "\"\($0)\"" }.joined(separator: " or ") + "?"
    }
    warnings.append(.warning(message, at: literal.range))
  }
}
