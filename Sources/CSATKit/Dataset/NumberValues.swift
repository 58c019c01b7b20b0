#if arch(x86_64)
  import _Builtin_intrinsics.intel
#endif

/// The values of a number column in the narrowest form that holds all of them exactly:
/// whole numbers within ±127 as bytes, whole numbers within ±(2³¹ − 1) as four bytes, else
/// doubles. A missing value is `Int8.min`, `Int32.min` or NaN.
///
/// Scores (0–10, 1–5) take a byte a row and ids or minutes four, instead of eight: the
/// memory a load writes costs about as much time as parsing. −0 is kept as a double, since
/// its sign would be lost as a whole number. Kernels read the values through
/// ``visit(_:)``, which picks the form once and runs a loop compiled for it.
public enum NumberValues: Sendable {
  case small(ColumnValues<Int8>)
  case whole(ColumnValues<Int32>)
  case real(ColumnValues<Double>)

  /// `values` (NaN for missing) in the narrowest form that holds them.
  public init(_ values: [Double]) {
    var low = Int64.max
    var high = Int64.min
    for value in values where !value.isNaN {
      guard let whole = ChunkNumbers.exactWhole(value) else {
        self = .real(ColumnValues(values))
        return
      }
      low = min(low, Int64(whole))
      high = max(high, Int64(whole))
    }
    if low >= -127 && high <= 127 || low > high {
      self = .small(ColumnValues(values.map { $0.isNaN ? Int8.min : Int8($0) }))
    } else {
      self = .whole(ColumnValues(values.map { $0.isNaN ? Int32.min : Int32($0) }))
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
    case .real(let values): Array(values)
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

  /// The value that stands for `number` (NaN for a missing one), which must fit.
  init(storedNumber number: Double)

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

  init(storedNumber number: Double) {
    self = number.isNaN ? .min : Int8(number)
  }

  static func facts(_ values: UnsafeBufferPointer<Int8>) -> NumberFactsResult {
    let (present, range) = WholeNumbers.range(values)
    return WholeNumbers.facts(present, range)
  }
}

extension Int32: StoredNumber {
  @inline(__always)
  var number: Double { self == .min ? .nan : Double(self) }

  init(storedNumber number: Double) {
    self = number.isNaN ? .min : Int32(number)
  }

  static func facts(_ values: UnsafeBufferPointer<Int32>) -> NumberFactsResult {
    let (present, range) = WholeNumbers.range(values)
    return WholeNumbers.facts(present, range)
  }
}

extension Double: StoredNumber {
  @inline(__always)
  var number: Double { self }

  init(storedNumber number: Double) {
    self = number
  }

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
/// of ``NumberValues`` and ``ChunkNumbers``): a load reads ten million of them more than
/// once, and the compiler leaves these loops scalar, so on x86-64 they use SSE2 directly.
enum WholeNumbers {
  /// How many of `values` are present, and the lowest and highest of those (`nil` when
  /// none is).
  static func range(_ values: UnsafeBufferPointer<Int32>) -> (
    present: Int, range: ClosedRange<Int32>?
  ) {
    tallied(values, blocks: tallyBlocks)
  }

  /// ``range(_:)`` for bytes.
  static func range(_ values: UnsafeBufferPointer<Int8>) -> (
    present: Int, range: ClosedRange<Int8>?
  ) {
    let (present, range) = tallied(values, blocks: tallyBlocks)
    return (present, range.map { Int8($0.lowerBound)...Int8($0.upperBound) })
  }

  /// ``range(_:)``: whole blocks of values by `blocks` (vector instructions; the compiler
  /// leaves these loops scalar), the rest one by one.
  @inline(__always)
  private static func tallied<Value: FixedWidthInteger & SignedInteger>(
    _ values: UnsafeBufferPointer<Value>,
    blocks: (UnsafePointer<Value>, Int, inout Tally) -> Int
  ) -> (present: Int, range: ClosedRange<Int32>?) {
    var tally = Tally()
    var index = values.baseAddress.map { blocks($0, values.count, &tally) } ?? 0
    while index < values.count {
      let value = values[index]
      tally.add(Int32(truncatingIfNeeded: value), missing: value == Value.min)
      index += 1
    }
    return (tally.present(of: values.count), tally.range)
  }

  #if !arch(x86_64)
    /// No blocks are read at once here: every value is tallied one by one.
    private static func tallyBlocks<Value>(
      _ base: UnsafePointer<Value>, _ count: Int, _ tally: inout Tally
    ) -> Int {
      0
    }
  #endif

  #if arch(x86_64)
    /// Adds the whole blocks of sixteen of the `count` bytes at `base` to `tally`, and
    /// returns how many bytes that was.
    ///
    /// Bytes are compared as unsigned after flipping their top bit, which keeps their order
    /// and makes the missing mark (−128) zero: it then raises no maximum, and is set to 255
    /// where the minimum is taken.
    private static func tallyBlocks(
      _ base: UnsafePointer<Int8>, _ count: Int, _ tally: inout Tally
    ) -> Int {
      let flip = _mm_set1_epi8(-128)
      var low = _mm_set1_epi8(-1)
      var high = _mm_setzero_si128()
      let (covered, missing) = ByteLanes.countMarked(UnsafeRawPointer(base), count) { block in
        let isMissing = _mm_cmpeq_epi8(block, flip)
        let unsigned = _mm_xor_si128(block, flip)
        low = _mm_min_epu8(low, _mm_or_si128(unsigned, isMissing))
        high = _mm_max_epu8(high, unsigned)
        return isMissing
      }
      guard covered > 0 else { return 0 }
      tally.missing += missing
      if missing < covered {
        let lowest = withUnsafeBytes(of: low) { $0.min() ?? 255 }
        let highest = withUnsafeBytes(of: high) { $0.max() ?? 0 }
        tally.add(Int32(lowest) - 128, missing: false)
        tally.add(Int32(highest) - 128, missing: false)
      }
      return covered
    }

    /// ``tallyBlocks(_:_:_:)`` for four-byte numbers, four at a time. Without the minimum
    /// and maximum instructions of later processors, each takes the larger or smaller lane
    /// by a comparison mask.
    private static func tallyBlocks(
      _ base: UnsafePointer<Int32>, _ count: Int, _ tally: inout Tally
    ) -> Int {
      let missingMark = _mm_set1_epi32(Int32.min)
      var low = _mm_set1_epi32(Int32.max)
      var high = missingMark
      var counted = _mm_setzero_si128()
      var index = 0
      while index + 4 <= count {
        let block = UnsafeRawPointer(base + index).loadUnaligned(as: __m128i.self)
        let isMissing = _mm_cmpeq_epi32(block, missingMark)
        // A missing value stands as the largest for the minimum; as the smallest, it
        // already raises no maximum.
        let present = _mm_or_si128(
          _mm_andnot_si128(isMissing, block), _mm_and_si128(isMissing, _mm_set1_epi32(.max)))
        let lower = _mm_cmpgt_epi32(low, present)
        low = _mm_or_si128(_mm_and_si128(lower, present), _mm_andnot_si128(lower, low))
        let higher = _mm_cmpgt_epi32(block, high)
        high = _mm_or_si128(_mm_and_si128(higher, block), _mm_andnot_si128(higher, high))
        counted = _mm_sub_epi32(counted, isMissing)
        index += 4
      }
      guard index > 0 else { return 0 }
      let missing = withUnsafeBytes(of: counted) {
        $0.bindMemory(to: Int32.self).reduce(0) { $0 + Int($1) }
      }
      tally.missing += missing
      if missing < index {
        tally.add(
          withUnsafeBytes(of: low) { $0.bindMemory(to: Int32.self).min() ?? .max }, missing: false)
        tally.add(
          withUnsafeBytes(of: high) { $0.bindMemory(to: Int32.self).max() ?? .min }, missing: false)
      }
      return index
    }
  #endif

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
}

/// A loop over a number column's values, generic over their stored form so that each form
/// gets a loop of its own (``NumberValues/visit(_:)`` switches once, never per row).
protocol NumberVisitor {
  associatedtype Output
  func visit<Value: StoredNumber>(_ values: UnsafeBufferPointer<Value>) -> Output
}
