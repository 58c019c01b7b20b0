import CSATKit
import Testing

/// Checks that `source` parses to the tree written in `expected`, in the compact form of
/// `dump(_:)`: clauses in a fixed order and every condition fully parenthesised.
func parses(
  _ source: String, as expected: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  do {
    let statement = try Parser.parse(source)
    #expect(dump(statement) == expected, sourceLocation: sourceLocation)
  } catch {
    Issue.record("\(source) did not parse: \(error)", sourceLocation: sourceLocation)
  }
}

/// Checks that `source` fails with one error at the byte range `range` with `message`, and
/// with `suggestion` (none when `nil`) and, when given, `notes`.
func diagnoses(
  _ source: String, at range: Range<Int>, message: String, suggestion: String? = nil,
  notes: [String]? = nil, sourceLocation: SourceLocation = #_sourceLocation
) {
  do {
    let statement = try Parser.parse(source)
    Issue.record("\(source) parsed as \(dump(statement))", sourceLocation: sourceLocation)
  } catch let error as QueryError {
    #expect(error.diagnostics.count == 1, sourceLocation: sourceLocation)
    guard let diagnostic = error.diagnostics.first else { return }
    #expect(diagnostic.severity == .error, sourceLocation: sourceLocation)
    #expect(diagnostic.message == message, sourceLocation: sourceLocation)
    #expect(
      diagnostic.range == SourceRange(range.lowerBound, range.upperBound),
      sourceLocation: sourceLocation)
    #expect(diagnostic.suggestion == suggestion, sourceLocation: sourceLocation)
    if let notes {
      #expect(diagnostic.notes == notes, sourceLocation: sourceLocation)
    }
  } catch {
    Issue.record("\(source) threw \(error), not a QueryError", sourceLocation: sourceLocation)
  }
}

// MARK: - Dump

/// The tree written back as a statement, in a fixed order, with every condition in
/// parentheses, so that a test can say what it expects in one readable line.
func dump(_ statement: StatementSyntax) -> String {
  switch statement {
  case .query(let query):
    var parts = ["\(query.metrics.map(dump).joined(separator: ", "))"]
    if !query.groupings.isEmpty {
      parts.append("by " + query.groupings.map { dump($0.name) }.joined(separator: ", "))
    }
    let rank = query.rank.map { "\($0.isTop ? "top" : "bottom") \($0.count)" }
    parts += clauses(query.condition, query.window, query.having, query.orderBy, rank, query.limit)
    if let baseline = query.baseline {
      // The baseline goes straight after the window, or the condition, or the groupings.
      let index =
        parts.firstIndex { $0.hasPrefix("having") || $0.hasPrefix("order") } ?? parts.count
      parts.insert(dump(baseline), at: index)
    }
    return parts.joined(separator: " ")
  case .list(let list):
    let fields = "list " + list.fields.map(dump).joined(separator: ", ")
    let rest = clauses(list.condition, list.window, nil, list.orderBy, nil, list.limit)
    return ([fields] + rest).joined(separator: " ")
  case .targets(let targets):
    let rest = clauses(targets.condition, targets.window, nil, [], nil, nil)
    return (["targets"] + rest).joined(separator: " ")
  case .check(let check):
    let head = "check \(dump(check.metric)) \(check.comparison.rawValue) \(check.thresholdText)"
    let rest = clauses(check.condition, check.window, nil, [], nil, nil)
    return ([head] + rest).joined(separator: " ")
  case .chart(let query):
    return "chart " + dump(.query(query))
  case .coverage(let coverage):
    let rest = clauses(coverage.condition, coverage.window, nil, [], nil, nil)
    let period = coverage.period.map { ["per \($0.unit.rawValue)"] } ?? []
    return (["coverage by " + dump(coverage.field)] + rest + period).joined(separator: " ")
  case .explain(let explain):
    let head =
      "explain change in \(dump(explain.metric)) by "
      + explain.groupings.map { dump($0.name) }.joined(separator: ", ")
    let rest = clauses(explain.condition, explain.window, nil, [], nil, nil)
    return ([head] + rest + [dump(explain.baseline)]).joined(separator: " ")
  }
}

private func clauses(
  _ condition: ExprSyntax?, _ window: WindowSyntax?, _ having: ExprSyntax?,
  _ order: [OrderItemSyntax], _ rank: String?, _ limit: Int?
) -> [String] {
  var parts: [String] = []
  if let condition { parts.append("where " + dump(condition)) }
  if let window { parts.append(dump(window)) }
  if let having { parts.append("having " + dump(having)) }
  if !order.isEmpty {
    let items = order.map { dump($0.name) + ($0.descending ? " desc" : "") }
    parts.append("order by " + items.joined(separator: ", "))
  }
  if let rank { parts.append(rank) }
  if let limit { parts.append("limit \(limit)") }
  return parts
}

func dump(_ name: Identifier) -> String {
  name.isQuoted ? "`" + name.name.replacing("`", with: "``") + "`" : name.name
}

func dump(_ metric: MetricSyntax) -> String {
  var text = dump(metric.name)
  if let argument = metric.argument { text += "(" + dump(argument) + ")" }
  if let alias = metric.alias { text += " as " + dump(alias) }
  return text
}

func dump(_ expression: ExprSyntax) -> String {
  switch expression.kind {
  case .comparison(let field, let comparison, let literal):
    "(\(dump(field)) \(comparison.rawValue) \(dump(literal)))"
  case .membership(let field, let negated, let literals):
    "(\(dump(field)) \(negated ? "not in" : "in") (\(literals.map(dump).joined(separator: ", "))))"
  case .contains(let field, let literal): "(\(dump(field)) contains \(dump(literal)))"
  case .startsWith(let field, let literal): "(\(dump(field)) starts with \(dump(literal)))"
  case .missing(let field, let negated): "(\(dump(field)) is \(negated ? "not " : "")missing)"
  case .field(let field): dump(field)
  case .not(let operand): "(not \(dump(operand)))"
  case .and(let left, let right): "(\(dump(left)) and \(dump(right)))"
  case .or(let left, let right): "(\(dump(left)) or \(dump(right)))"
  }
}

func dump(_ literal: LiteralSyntax) -> String {
  switch literal.value {
  case .string(let text):
    "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
  case .number(let number):
    number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : "\(number)"
  case .date(let date): dump(date)
  case .boolean(let value): "\(value)"
  }
}

func dump(_ date: CivilDate) -> String {
  "\(padded(date.year, 4))-\(padded(date.month, 2))-\(padded(date.day, 2))"
}

private func padded(_ number: Int, _ width: Int) -> String {
  let digits = String(number)
  return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

func dump(_ baseline: BaselineSyntax) -> String {
  switch baseline.kind {
  case .previous: "vs previous"
  case .lastYear: "vs last year"
  case .rest: "vs rest"
  }
}

func dump(_ window: WindowSyntax) -> String {
  switch window.kind {
  case .sinceDuration(let count, let unit): "since \(count)\(unit.rawValue)"
  case .sinceDate(let date): "since \(dump(date))"
  case .between(let start, let end): "between \(dump(start)) and \(dump(end))"
  case .this(let unit): "this \(unit.rawValue)"
  case .last(let unit): "last \(unit.rawValue)"
  case .during(.year(let year)): "during \(year)"
  case .during(.quarter(let year, let quarter)): "during \(year)-Q\(quarter)"
  case .during(.month(let year, let month)): "during \(year)-\(padded(month, 2))"
  case .during(.week(let year, let week)): "during \(year)-W\(padded(week, 2))"
  case .during(.day(let date)): "during \(dump(date))"
  }
}
