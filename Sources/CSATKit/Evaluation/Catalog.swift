import Dispatch

/// A loaded dataset plus the facts the engine derives from it once, at load.
public struct Catalog: Sendable {
  public var dataset: Dataset
  /// Per column: small integer scores (`Int8`, `ScoreCodes.missing` for no answer) when every
  /// answer of a number column is a whole number within −127…127; nil otherwise.
  public var scores: [ScoreCodes?]
  /// Per column: the lowest and highest number, for number columns with any answer.
  public var numberRanges: [ClosedRange<Double>?]
  /// Per score column: the survey scale its answers fit and the stray answers outside it.
  public var fits: [ScaleFit?]
  /// Whether the time column's non-missing values never decrease (rows in time order).
  public var timeIsSorted: Bool
  /// The first and last instant in the time column.
  public var timeRange: ClosedRange<Int64>?

  public init(dataset: Dataset) {
    self.dataset = dataset
    // One pass per number column, spread over the cores; the time facts on the side.
    let columns = dataset.columns
    typealias Facts = (codes: ScoreCodes?, range: ClosedRange<Double>?, fit: ScaleFit?)
    let facts = UnsafeMutableBufferPointer<Facts>.allocate(capacity: columns.count)
    facts.initialize(repeating: (nil, nil, nil))
    let time = UnsafeMutablePointer<(Bool, ClosedRange<Int64>?)>.allocate(capacity: 1)
    time.initialize(to: (false, nil))
    defer {
      facts.deinitialize()
      facts.deallocate()
      time.deinitialize(count: 1)
      time.deallocate()
    }
    let output = UncheckedSendable(value: (facts, time))
    DispatchQueue.concurrentPerform(iterations: columns.count + 1) { index in
      guard index < columns.count else {
        output.value.1.pointee = Catalog.timeFacts(dataset)
        return
      }
      guard case .number(let numbers) = columns[index].data else { return }
      let (codes, range) = ScoreCodes.make(numbers)
      let fit = codes.flatMap { ScaleFit.make($0, value: { numbers[$0] }) }
      output.value.0[index] = (codes, range, fit)
    }
    scores = facts.map(\.codes)
    numberRanges = facts.map(\.range)
    fits = facts.map(\.fit)
    (timeIsSorted, timeRange) = time.pointee
  }

  /// Recomputes the time facts after the time role changes.
  public mutating func refreshTime() {
    (timeIsSorted, timeRange) = Catalog.timeFacts(dataset)
  }

  private static func timeFacts(_ dataset: Dataset) -> (Bool, ClosedRange<Int64>?) {
    guard let index = dataset.roles.time, case .timestamp(let times) = dataset.columns[index].data
    else { return (false, nil) }
    var sorted = true
    var previous = Int64.min
    var lowest = Int64.max
    var highest = Int64.min
    for value in times.values {
      // A missing time breaks the order: windows could not be found by binary search.
      if value == TimestampColumn.missing {
        sorted = false
        continue
      }
      if value < previous { sorted = false }
      previous = value
      lowest = min(lowest, value)
      highest = max(highest, value)
    }
    return (sorted, lowest <= highest ? lowest...highest : nil)
  }

  /// The survey scale of a score column (``ScaleFit``); nil when it is no score column.
  ///
  /// The NPS column is always read as 0–10, also when no answer is 0.
  public func scale(ofColumn index: Int) -> ScoreScale? {
    guard var scale = fits[index]?.scale else { return nil }
    if dataset.roles.nps == index && scale == 1...10 { scale = 0...10 }
    return ScoreScale(low: scale.lowerBound, high: scale.upperBound)
  }

  /// The lowest and highest answer within the column's scale: the score points metrics
  /// count, so that stray answers outside the scale are no respondents.
  public func answerRange(ofColumn index: Int) -> ClosedRange<Int>? {
    guard let range = scores[index]?.range, let scale = fits[index]?.scale,
      range.overlaps(scale)
    else { return nil }
    return range.clamped(to: scale)
  }
}

/// A number column's answers as small integers, for counting score points by array index.
public struct ScoreCodes: Sendable {
  public static let missing: Int8 = .min
  public var values: ColumnValues<Int8>
  /// The lowest and highest score present; nil when the column has no answer.
  public var range: ClosedRange<Int>?

  /// The score codes of a number column (nil unless every value is whole within ±127) and
  /// the range of its values (nil without any). A column stored as bytes already holds its
  /// codes, shared; one of four-byte whole numbers has a value beyond ±127.
  static func make(_ numbers: NumberColumn) -> (
    codes: ScoreCodes?, range: ClosedRange<Double>?
  ) {
    switch numbers.storage {
    case .small(let values):
      guard let range = wholeRange(values) else { return (nil, nil) }
      return (
        ScoreCodes(values: values, range: range),
        Double(range.lowerBound)...Double(range.upperBound)
      )
    case .whole(let values):
      guard let range = wholeRange(values) else { return (nil, nil) }
      let all = Double(range.lowerBound)...Double(range.upperBound)
      return (withStrays(numbers), all)
    case .real(let values):
      let (codes, range) = make(values)
      return (codes ?? range.flatMap { _ in withStrays(numbers) }, range)
    }
  }

  /// The code of an answer no score code can hold (a fraction, or beyond ±127) in a column
  /// whose other answers lie within 0–10: outside every standard scale, so a stray.
  static let unscorable: Int8 = 11

  /// Codes for a column whose answers are scores but for a few strays that cannot be codes
  /// (``ColumnSummary/scoreAnswers(_:)``), those coded ``unscorable``; nil otherwise.
  static func withStrays(_ numbers: NumberColumn) -> ScoreCodes? {
    guard let (range, strays) = ColumnSummary.scoreAnswers(numbers) else { return nil }
    var values = [Int8](repeating: missing, count: numbers.count)
    for row in 0..<numbers.count {
      let value = numbers[row]
      if value.isNaN { continue }
      values[row] = ColumnSummary.isScoreAnswer(value) ? Int8(value) : unscorable
    }
    let high = strays > 0 ? Int(unscorable) : range.upperBound
    return ScoreCodes(values: ColumnValues(values), range: range.lowerBound...high)
  }

  /// The lowest and highest of whole numbers whose `min` marks a missing value; nil when all
  /// are missing.
  private static func wholeRange(_ values: ColumnValues<Int8>) -> ClosedRange<Int>? {
    widened(values.withUnsafeBufferPointer { WholeNumbers.range($0).range })
  }

  private static func wholeRange(_ values: ColumnValues<Int32>) -> ClosedRange<Int>? {
    widened(values.withUnsafeBufferPointer { WholeNumbers.range($0).range })
  }

  private static func widened<Value: BinaryInteger>(_ range: ClosedRange<Value>?)
    -> ClosedRange<Int>?
  {
    range.map { Int($0.lowerBound)...Int($0.upperBound) }
  }

  private static func make(_ numbers: ColumnValues<Double>) -> (
    codes: ScoreCodes?, range: ClosedRange<Double>?
  ) {
    var lowest = Double.infinity
    var highest = -Double.infinity
    var whole = true
    // One pass writes the codes while it checks that they fit; they are dropped if not.
    let values = ColumnValues<Int8>(count: numbers.count) { codes in
      numbers.withUnsafeBufferPointer { numbers in
        for (row, value) in numbers.enumerated() {
          guard !value.isNaN else {
            codes[row] = missing
            continue
          }
          lowest = min(lowest, value)
          highest = max(highest, value)
          // Within ±127 the conversion is safe, and a whole number survives the round trip.
          let clamped = max(-127, min(127, value))
          let code = Int8(clamped)
          whole = whole && clamped == value && Double(code) == value
          codes[row] = code
        }
      }
    }
    guard lowest <= highest else { return (nil, nil) }
    guard whole else { return (nil, lowest...highest) }
    let codes = ScoreCodes(values: values, range: Int(lowest)...Int(highest))
    return (codes, lowest...highest)
  }
}
