/// The values of a number column in the narrowest form that holds all of them exactly:
/// whole numbers within ±127 as bytes, whole numbers within ±(2³¹ − 1) as four bytes, else
/// doubles. A missing value is `Int8.min`, `Int32.min` or NaN.
///
/// Scores (0–10, 1–5) take a byte a row and ids or minutes four, instead of eight: the
/// memory a load writes costs about as much time as parsing. −0 is kept as a double, since
/// its sign would be lost as a whole number. Kernels read the values through
/// ``visit(_:)``, which picks the form once and runs a loop compiled for it.
public enum NumberValues: Sendable {
  case small([Int8])
  case whole([Int32])
  case real([Double])

  /// `values` (NaN for missing) in the narrowest form that holds them.
  public init(_ values: [Double]) {
    var low = Int64.max
    var high = Int64.min
    for value in values where !value.isNaN {
      guard let whole = ChunkNumbers.exactWhole(value) else {
        self = .real(values)
        return
      }
      low = min(low, Int64(whole))
      high = max(high, Int64(whole))
    }
    if low >= -127 && high <= 127 || low > high {
      self = .small(values.map { $0.isNaN ? Int8.min : Int8($0) })
    } else {
      self = .whole(values.map { $0.isNaN ? Int32.min : Int32($0) })
    }
  }

  public var count: Int {
    switch self {
    case .small(let values): values.count
    case .whole(let values): values.count
    case .real(let values): values.count
    }
  }

  /// The bytes per value.
  public var width: Int {
    switch self {
    case .small: 1
    case .whole: 4
    case .real: 8
    }
  }

  /// The value of row `row`, NaN when missing.
  @inline(__always)
  public subscript(row: Int) -> Double {
    switch self {
    case .small(let values): values[row].number
    case .whole(let values): values[row].number
    case .real(let values): values[row]
    }
  }

  /// Every value as a double, NaN for missing ones.
  public var doubles: [Double] {
    switch self {
    case .small(let values): values.map(\.number)
    case .whole(let values): values.map(\.number)
    case .real(let values): values
    }
  }

  /// Runs `visitor` over the values in their stored form.
  @inline(__always)
  func visit<Visitor: NumberVisitor>(_ visitor: Visitor) -> Visitor.Output {
    switch self {
    case .small(let values): values.withUnsafeBufferPointer { visitor.visit($0) }
    case .whole(let values): values.withUnsafeBufferPointer { visitor.visit($0) }
    case .real(let values): values.withUnsafeBufferPointer { visitor.visit($0) }
    }
  }
}

/// A form a number column's values are stored in.
protocol StoredNumber: BitwiseCopyable {
  /// The value as a double, NaN when missing.
  var number: Double { get }

  /// How many of `values` are present, their lowest and highest (infinities when none is)
  /// and whether all are whole numbers.
  static func facts(_ values: UnsafeBufferPointer<Self>) -> NumberFactsResult
}

/// What ``StoredNumber/facts(_:)`` finds.
struct NumberFactsResult {
  var present: Int
  var low: Double
  var high: Double
  var allIntegers: Bool
}

extension Int8: StoredNumber {
  @inline(__always)
  var number: Double { self == .min ? .nan : Double(self) }

  static func facts(_ values: UnsafeBufferPointer<Int8>) -> NumberFactsResult {
    let (present, range) = WholeNumbers.range(values)
    return WholeNumbers.facts(present, range)
  }
}

extension Int32: StoredNumber {
  @inline(__always)
  var number: Double { self == .min ? .nan : Double(self) }

  static func facts(_ values: UnsafeBufferPointer<Int32>) -> NumberFactsResult {
    let (present, range) = WholeNumbers.range(values)
    return WholeNumbers.facts(present, range)
  }
}

extension Double: StoredNumber {
  @inline(__always)
  var number: Double { self }

  static func facts(_ values: UnsafeBufferPointer<Double>) -> NumberFactsResult {
    var result = NumberFactsResult(
      present: 0, low: .infinity, high: -.infinity, allIntegers: true)
    for value in values where !value.isNaN {
      result.present += 1
      result.low = min(result.low, value)
      result.high = max(result.high, value)
      result.allIntegers = result.allIntegers && ColumnSummary.isWhole(value)
    }
    return result
  }
}

/// Loops over whole numbers whose type's minimum marks a missing value (the narrow forms
/// of ``NumberValues`` and ``ChunkNumbers``), written without branches and for concrete
/// types so that the compiler turns them into vector instructions (it does not for the same
/// loop in a generic function): a load reads ten million of them more than once.
enum WholeNumbers {
  /// How many of `values` are present, and the lowest and highest of those (`nil` when
  /// none is).
  static func range(_ values: UnsafeBufferPointer<Int32>) -> (
    present: Int, range: ClosedRange<Int32>?
  ) {
    var tally = Tally()
    for value in values { tally.add(value, missing: value == Int32.min) }
    return (tally.present(of: values.count), tally.range.map { $0 })
  }

  /// ``range(_:)`` for bytes, reckoned in four-byte lanes.
  static func range(_ values: UnsafeBufferPointer<Int8>) -> (
    present: Int, range: ClosedRange<Int8>?
  ) {
    var tally = Tally()
    for value in values { tally.add(Int32(value), missing: value == Int8.min) }
    return (
      tally.present(of: values.count), tally.range.map { Int8($0.lowerBound)...Int8($0.upperBound) }
    )
  }

  /// What ``range(_:)`` adds up, value by value.
  private struct Tally {
    var missing = 0
    var low = Int32.max
    var high = Int32.min

    @inline(__always)
    mutating func add(_ value: Int32, missing isMissing: Bool) {
      missing &+= isMissing ? 1 : 0
      low = min(low, isMissing ? Int32.max : value)
      high = max(high, isMissing ? Int32.min : value)
    }

    func present(of count: Int) -> Int { count - missing }

    /// `nil` when every value was missing.
    var range: ClosedRange<Int32>? { low <= high ? low...high : nil }
  }

  /// ``StoredNumber/facts(_:)`` for whole numbers, from ``range(_:)``.
  @inline(__always)
  static func facts<Value: FixedWidthInteger & SignedInteger>(
    _ present: Int, _ range: ClosedRange<Value>?
  ) -> NumberFactsResult {
    NumberFactsResult(
      present: present, low: range.map { Double($0.lowerBound) } ?? .infinity,
      high: range.map { Double($0.upperBound) } ?? -.infinity, allIntegers: true)
  }

  /// Writes `values` to `target` as bytes, missing as `Int8.min`; every present value must
  /// lie within −127…127.
  @inline(__always)
  static func narrow(
    _ values: UnsafePointer<Int32>, _ count: Int, into target: UnsafeMutablePointer<Int8>
  ) {
    // The missing mark, Int32.min, clamps to Int8.min; every other value is unchanged.
    for row in 0..<count {
      (target + row).initialize(to: Int8(truncatingIfNeeded: max(values[row], -128)))
    }
  }
}

/// A loop over a number column's values, generic over their stored form so that each form
/// gets a loop of its own (``NumberValues/visit(_:)`` switches once, never per row).
protocol NumberVisitor {
  associatedtype Output
  func visit<Value: StoredNumber>(_ values: UnsafeBufferPointer<Value>) -> Output
}
