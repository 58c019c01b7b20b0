/// Facts about one column's values, found in one pass over them.
///
/// The query engine uses them to check a score column (whole numbers on a small scale) and
/// the load summary to describe columns. Nothing is cached: build one when needed, it costs
/// one pass over the column.
public struct ColumnSummary: Sendable, Equatable {
  public var type: ColumnType
  /// Cells holding an answer.
  public var presentCount: Int
  /// Cells holding none (blank, or a missing token outside text columns).
  public var missingCount: Int
  /// Number columns: the smallest and largest value; `nil` when no value is present.
  public var minimum: Double?
  public var maximum: Double?
  /// Number columns: whether every present value is a whole number (true when none is).
  public var allIntegers: Bool
  /// Timestamp columns: the earliest and latest instant, in ms since the epoch.
  public var earliest: Int64?
  public var latest: Int64?
  /// Text columns: the number of distinct non-blank values.
  public var distinctCount: Int?

  public init(_ column: Column) {
    type = column.type
    presentCount = 0
    missingCount = 0
    allIntegers = column.type == .number
    switch column.data {
    case .number(let numbers):
      var low = Double.infinity
      var high = -Double.infinity
      for value in numbers.values where !value.isNaN {
        presentCount += 1
        low = min(low, value)
        high = max(high, value)
        if allIntegers && value.rounded(.towardZero) != value { allIntegers = false }
      }
      if presentCount > 0 {
        minimum = low
        maximum = high
      }
    case .boolean(let booleans):
      presentCount = booleans.values.reduce(0) { $0 + ($1 == BooleanColumn.missing ? 0 : 1) }
    case .timestamp(let stamps):
      var low = Int64.max
      var high = Int64.min
      for value in stamps.values where value != TimestampColumn.missing {
        presentCount += 1
        low = min(low, value)
        high = max(high, value)
      }
      if presentCount > 0 {
        earliest = low
        latest = high
      }
    case .text(let text):
      presentCount = text.codes.reduce(0) { $0 + ($1 == TextColumn.missingCode ? 0 : 1) }
      distinctCount = text.dictionary.count - 1
    }
    missingCount = column.count - presentCount
  }

  /// The answer scale whole-number scores most likely come from: 1–5, 0–5, 1–7, 1–10 or
  /// 0–10, the smallest that holds every value. `nil` unless the column is whole numbers
  /// between 0 and 10 reaching at least 3 (a 0/1 flag is no scale).
  public var likelyScale: ClosedRange<Int>? {
    guard type == .number, allIntegers, let minimum, let maximum, minimum >= 0, maximum <= 10,
      maximum >= 3
    else { return nil }
    if minimum == 0 { return maximum <= 5 ? 0...5 : 0...10 }
    if maximum <= 5 { return 1...5 }
    return maximum <= 7 ? 1...7 : 1...10
  }
}

extension Column {
  /// The column's ``ColumnSummary`` (one pass over the values).
  public var summary: ColumnSummary { ColumnSummary(self) }
}
