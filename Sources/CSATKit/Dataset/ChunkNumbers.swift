/// The numbers of one column of one chunk: four-byte whole numbers while every value is a
/// whole number that fits an `Int32`, eight-byte doubles from the first that is not.
///
/// Survey numbers are mostly whole (scores, ids, minutes), so a chunk's values usually take
/// half the memory of the column's final doubles, which the merge writes anyway. A missing
/// value is ``missingWhole`` while whole and NaN once widened.
///
/// Exactly one copy of the numbers may ``release()`` them (``NarrowOrWide``).
struct ChunkNumbers {
  /// Whole numbers (`narrow`) while all are whole, else doubles (`wide`).
  private var storage = NarrowOrWide<Int32, Double>()

  /// Whether the values are doubles.
  var isWide: Bool { storage.isWide }

  /// A missing value among whole numbers; never a value itself.
  static let missingWhole = Int32.min

  /// The number of rows with a value.
  var count: Int { storage.count }

  /// Makes room for `rows` values in all, at the current width.
  mutating func reserve(_ rows: Int) {
    storage.reserve(rows)
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
    storage.append(
      value, narrowed: isWide ? nil : ChunkNumbers.exactWhole(value), widened: ChunkNumbers.double)
  }

  /// Appends a whole number that is no missing value (not `Int32.min`).
  @inline(__always)
  mutating func append(whole: Int32) {
    storage.append(Double(whole), narrowed: isWide ? nil : whole, widened: ChunkNumbers.double)
  }

  @inline(__always)
  mutating func appendMissing() {
    storage.append(narrow: ChunkNumbers.missingWhole, wide: .nan)
  }

  /// Appends `repeats` missing values.
  mutating func appendMissing(count repeats: Int) {
    storage.append(narrow: ChunkNumbers.missingWhole, wide: .nan, count: repeats)
  }

  /// Writes the first `rows` values to `target` as doubles, NaN for missing ones.
  func copy(_ rows: Int, into target: UnsafeMutablePointer<Double>) {
    guard rows > 0 else { return }
    if isWide {
      target.initialize(from: storage.wide.pointer, count: rows)
      return
    }
    let values = storage.narrow.pointer
    for row in 0..<rows { (target + row).initialize(to: ChunkNumbers.double(values[row])) }
  }

  /// The lowest and highest of the first `rows` values while they are whole, `nil` when all
  /// are missing.
  func wholeRange(_ rows: Int) -> ClosedRange<Int32>? {
    WholeNumbers.range(UnsafeBufferPointer(start: storage.narrow.pointer, count: rows)).range
  }

  /// Writes the first `rows` whole values to `target` at its width (every value must fit),
  /// `Value.min` for missing ones.
  func copyWhole<Value: FixedWidthInteger & SignedInteger>(
    _ rows: Int, into target: UnsafeMutablePointer<Value>
  ) {
    guard rows > 0 else { return }
    let values = storage.narrow.pointer
    if Value.self == Int32.self {
      UnsafeMutableRawPointer(target).copyMemory(from: values, byteCount: rows * 4)
      return
    }
    if Value.self == Int8.self {
      WholeNumbers.narrow(
        values, rows, into: UnsafeMutableRawPointer(target).assumingMemoryBound(to: Int8.self))
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
    storage.release()
  }

  /// A whole value as a double, NaN when missing.
  private static func double(_ whole: Int32) -> Double {
    whole == missingWhole ? .nan : Double(whole)
  }
}
