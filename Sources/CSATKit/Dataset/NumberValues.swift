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
}

extension Int8: StoredNumber {
  @inline(__always)
  var number: Double { self == .min ? .nan : Double(self) }
}

extension Int32: StoredNumber {
  @inline(__always)
  var number: Double { self == .min ? .nan : Double(self) }
}

extension Double: StoredNumber {
  @inline(__always)
  var number: Double { self }
}

/// A loop over a number column's values, generic over their stored form so that each form
/// gets a loop of its own (``NumberValues/visit(_:)`` switches once, never per row).
protocol NumberVisitor {
  associatedtype Output
  func visit<Value: StoredNumber>(_ values: UnsafeBufferPointer<Value>) -> Output
}
