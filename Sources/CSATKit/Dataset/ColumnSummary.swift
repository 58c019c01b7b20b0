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
  /// Text columns: the number of distinct non-blank values; `nil` for one still kept as
  /// bytes (see ``TextColumn``), which has more than ``PlainText/distinctValuesForPlain``.
  public var distinctCount: Int?

  public init(_ column: Column) {
    type = column.type
    presentCount = 0
    missingCount = 0
    allIntegers = column.type == .number
    switch column.data {
    case .number(let numbers):
      let facts = numbers.visit(NumberFacts())
      presentCount = facts.present
      allIntegers = facts.allIntegers
      if presentCount > 0 {
        minimum = facts.low
        maximum = facts.high
      }
    case .boolean(let booleans):
      presentCount = ColumnSummary.count(booleans.values) { $0 != BooleanColumn.missing }
    case .timestamp(let stamps):
      var low = Int64.max
      var high = Int64.min
      stamps.values.withUnsafeBufferPointer { values in
        for value in values where value != TimestampColumn.missing {
          presentCount += 1
          low = min(low, value)
          high = max(high, value)
        }
      }
      if presentCount > 0 {
        earliest = low
        latest = high
      }
    case .text(let text):
      if let blanks = text.blanksBeforeCoding {
        // Counting the distinct values would code the column, which waits for a query.
        presentCount = text.count - blanks
      } else {
        presentCount = text.codes.count - text.codes.count(of: TextColumn.missingCode)
        distinctCount = text.dictionary.count - 1
      }
    }
    missingCount = column.count - presentCount
  }

  /// How many of `values` pass `test`, counted without a branch per value.
  @inline(__always)
  private static func count<Value>(_ values: ColumnValues<Value>, _ test: (Value) -> Bool) -> Int {
    values.withUnsafeBufferPointer { values in
      var total = 0
      for value in values { total &+= test(value) ? 1 : 0 }
      return total
    }
  }

  /// Whether `value` (not NaN) has no fractional part, without calling the C library's
  /// `trunc`: from 2⁵² on every double is whole, and below that a round trip through
  /// `Int64` keeps exactly the whole numbers.
  @inline(__always)
  static func isWhole(_ value: Double) -> Bool {
    let magnitude = abs(value)
    guard magnitude < 4_503_599_627_370_496 else { return true }
    return Double(Int64(value)) == value
  }

  /// Of this many answers or more, one may be a stray outside the column's score scale (see
  /// `ScaleFit`).
  public static let strayShare = 200

  /// Whether a number can be a score answer: whole, within 0–10.
  static func isScoreAnswer(_ value: Double) -> Bool {
    value >= 0 && value <= 10 && value == value.rounded()
  }

  /// For a number column whose answers are score answers but for strays (at most one in
  /// ``strayShare``, of that many answers or more): the range of its score answers and how
  /// many strays it has. Nil for any other column; most are no scores (ids, minutes) and are
  /// told within a few hundred rows.
  static func scoreAnswers(_ numbers: NumberColumn) -> (range: ClosedRange<Int>, strays: Int)? {
    var answers = 0
    var strays = 0
    var low = Int.max
    var high = Int.min
    for row in 0..<numbers.count {
      let value = numbers[row]
      if value.isNaN { continue }
      answers += 1
      if isScoreAnswer(value) {
        low = min(low, Int(value))
        high = max(high, Int(value))
        continue
      }
      strays += 1
      // The rows bound the answers: past this, no count of answers can allow the strays.
      if strays * strayShare > numbers.count { return nil }
    }
    guard answers >= strayShare, strays * strayShare <= answers, low <= high else { return nil }
    return (low...high, strays)
  }

  /// The answer scale whole-number scores most likely come from: 1–5, 0–5, 1–7, 1–10 or
  /// 0–10, the smallest that holds every value. `nil` unless the column is whole numbers
  /// between 0 and 10 reaching at least 3 (a 0/1 flag is no scale).
  public var likelyScale: ClosedRange<Int>? {
    guard type == .number, allIntegers, let minimum, let maximum else { return nil }
    return Self.standardScale(lowest: Int(minimum), highest: Int(maximum))
  }

  /// The survey scale whole-number answers from `lowest` to `highest` fit: 0–5, 0–10, 1–5,
  /// 1–7 or 1–10; nil when they fit none (or reach less than 3).
  public static func standardScale(lowest: Int, highest: Int) -> ClosedRange<Int>? {
    guard lowest >= 0, highest <= 10, highest >= 3 else { return nil }
    if lowest == 0 { return highest <= 5 ? 0...5 : 0...10 }
    if highest <= 5 { return 1...5 }
    return highest <= 7 ? 1...7 : 1...10
  }
}

extension Column {
  /// The column's ``ColumnSummary`` (one pass over the values).
  public var summary: ColumnSummary { ColumnSummary(self) }
}

/// The present count, lowest and highest value, and whether all are whole numbers.
private struct NumberFacts: NumberVisitor {
  func visit<Value: StoredNumber>(_ values: UnsafeBufferPointer<Value>) -> NumberFactsResult {
    Value.facts(values)
  }
}
