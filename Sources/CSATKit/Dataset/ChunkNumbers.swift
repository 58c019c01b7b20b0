/// The numbers of one column of one chunk: four-byte whole numbers while every value is a
/// whole number that fits an `Int32`, eight-byte doubles from the first that is not.
///
/// Survey numbers are mostly whole (scores, ids, minutes), so a chunk's values usually take
/// half the memory of the column's final doubles, which the merge writes anyway. A missing
/// value is ``missingWhole`` while whole and NaN once widened.
///
/// The buffers are ``RawBuffer``s: exactly one copy of the numbers may ``release()`` them.
struct ChunkNumbers {
  /// The values while all are whole; empty once wide.
  private(set) var whole = RawBuffer<Int32>()
  /// The values once one was not whole or did not fit.
  private(set) var doubles = RawBuffer<Double>()
  /// Whether the values are in `doubles`.
  private(set) var isWide = false

  /// A missing value among whole numbers; never a value itself.
  static let missingWhole = Int32.min

  /// The number of rows with a value.
  var count: Int { isWide ? doubles.count : whole.count }

  /// Makes room for `rows` values in all, at the current width.
  mutating func reserve(_ rows: Int) {
    if isWide { doubles.reserve(rows) } else { whole.reserve(rows) }
  }

  /// The whole number that stands for `value` exactly, or `nil`: -0 is not one, since its
  /// sign would be lost, and neither is `Int32.min`, which marks a missing value.
  @inline(__always)
  static func exactWhole(_ value: Double) -> Int32? {
    guard value > -2_147_483_648, value <= 2_147_483_647 else { return nil }
    let candidate = Int32(value)
    return Double(candidate).bitPattern == value.bitPattern ? candidate : nil
  }

  @inline(__always)
  mutating func append(_ value: Double) {
    if !isWide {
      if let candidate = ChunkNumbers.exactWhole(value) {
        whole.append(candidate)
        return
      }
      widen()
    }
    doubles.append(value)
  }

  @inline(__always)
  mutating func appendMissing() {
    if isWide { doubles.append(.nan) } else { whole.append(ChunkNumbers.missingWhole) }
  }

  /// Appends `repeats` missing values.
  mutating func appendMissing(count repeats: Int) {
    if isWide {
      doubles.append(repeating: .nan, count: repeats)
    } else {
      whole.append(repeating: ChunkNumbers.missingWhole, count: repeats)
    }
  }

  /// The value of row `row`, NaN when missing.
  func value(at row: Int) -> Double {
    guard !isWide else { return doubles.pointer[row] }
    let value = whole.pointer[row]
    return value == ChunkNumbers.missingWhole ? .nan : Double(value)
  }

  /// Writes the first `rows` values to `target` as doubles, NaN for missing ones.
  func copy(_ rows: Int, into target: UnsafeMutablePointer<Double>) {
    guard rows > 0 else { return }
    if isWide {
      target.initialize(from: doubles.pointer, count: rows)
      return
    }
    let values = whole.pointer
    for row in 0..<rows {
      let value = values[row]
      (target + row).initialize(to: value == ChunkNumbers.missingWhole ? .nan : Double(value))
    }
  }

  /// The lowest and highest of the first `rows` values while they are whole, `nil` when all
  /// are missing.
  func wholeRange(_ rows: Int) -> ClosedRange<Int32>? {
    var low = Int32.max
    var high = Int32.min
    let values = whole.pointer
    for row in 0..<rows {
      let value = values[row]
      // Missing is Int32.min: it lowers no minimum it is kept out of, and no maximum.
      if value != ChunkNumbers.missingWhole { low = min(low, value) }
      high = max(high, value)
    }
    return low <= high ? low...high : nil
  }

  /// Writes the first `rows` whole values to `target` at its width (every value must fit),
  /// `Value.min` for missing ones.
  func copyWhole<Value: FixedWidthInteger & SignedInteger>(
    _ rows: Int, into target: UnsafeMutablePointer<Value>
  ) {
    guard rows > 0 else { return }
    let values = whole.pointer
    if Value.self == Int32.self {
      UnsafeMutableRawPointer(target).copyMemory(from: values, byteCount: rows * 4)
      return
    }
    for row in 0..<rows {
      let value = values[row]
      (target + row).initialize(
        to: value == ChunkNumbers.missingWhole ? Value.min : Value(truncatingIfNeeded: value))
    }
  }

  /// Frees both buffers; no values are left.
  mutating func release() {
    whole.release()
    doubles.release()
    isWide = false
  }

  /// Moves the values to doubles, keeping the room reserved for the chunk.
  private mutating func widen() {
    doubles.reserve(max(whole.capacity, whole.count + 1))
    for row in 0..<whole.count { doubles.append(value(at: row)) }
    whole.release()
    isWide = true
  }
}
