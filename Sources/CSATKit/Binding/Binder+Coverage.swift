/// `coverage`, bound: the segment column, the rows counted and the periods they fall in.
public struct BoundCoverage: Sendable, Equatable {
  /// The column whose values are the segments, and its name.
  public var column: Int
  public var name: String
  /// The time column that places each response in a period.
  public var timeColumn: Int
  public var condition: BoundCondition?
  /// nil: from the first response to now.
  public var window: ResolvedWindow?
  /// `.week` or `.month`.
  public var unit: CalendarUnit
  /// Now for this statement, in ms: days since the last response count to its local day.
  public var now: Int64
}

extension Binder {
  /// Binds a `coverage` statement (grammar.md: `coverage`).
  mutating func bind(_ statement: CoverageSyntax) throws -> BoundCoverage {
    guard let time = catalog.dataset.roles.time else {
      throw QueryError(
        .error(
          "'coverage' needs a time column, and this data has none", at: statement.range,
          notes: ["name one with '.set time COLUMN' or '--time-column COLUMN'"]))
    }
    let grouping = try bind(grouping: GroupingSyntax(name: statement.field))
    guard case .column(let column, let name) = grouping else {
      throw QueryError(
        .error(
          "'coverage by' takes a field whose values are the segments, not a calendar unit",
          at: statement.field.range,
          notes: ["the period is set with 'per week' or 'per month'"]))
    }
    let condition = try statement.condition.map { try bind(condition: $0) }
    let window = try statement.window.map { try resolve($0) }
    return BoundCoverage(
      column: column, name: name, timeColumn: time, condition: condition, window: window,
      unit: statement.period?.unit ?? .month, now: now)
  }
}
