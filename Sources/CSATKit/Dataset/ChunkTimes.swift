/// The timestamps of one column of one chunk: four-byte seconds from the chunk's first
/// instant while every instant is a whole second within about 68 years of it, eight-byte
/// milliseconds (or packed slash dates) from the first that is not.
///
/// Survey exports mostly stamp responses to the second, so a chunk's values usually take
/// half the memory of the column's final milliseconds, which the merge writes anyway: on a
/// machine where fresh pages are slow to fault in, the bytes a load writes cost time. A
/// missing value is ``missingSeconds`` while narrow and ``TimestampColumn/missing`` once
/// wide.
///
/// Exactly one copy of the values may ``release()`` them (``NarrowOrWide``).
struct ChunkTimes {
  /// Seconds from `origin` (`narrow`) while all values fit, else milliseconds or packed
  /// slash dates (`wide`).
  private var storage = NarrowOrWide<Int32, Int64>()
  /// The first instant's whole second, in seconds; `nil` before the first instant.
  private var origin: Int64?

  /// Whether the values are eight-byte milliseconds (or packed slash dates).
  var isWide: Bool { storage.isWide }

  /// A missing value among narrow ones; never a value itself.
  static let missingSeconds = Int32.min

  /// The number of rows with a value.
  var count: Int { storage.count }

  /// Makes room for `rows` values in all, at the current width.
  mutating func reserve(_ rows: Int) {
    storage.reserve(rows)
  }

  /// Appends an instant in milliseconds.
  @inline(__always)
  mutating func append(_ instant: Int64) {
    let narrowed = isWide ? nil : narrowed(instant)
    let origin = origin
    storage.append(instant, narrowed: narrowed) { ChunkTimes.milliseconds($0, from: origin) }
  }

  /// Appends a packed slash date (``SlashDate/packed``), which only the wide form holds.
  mutating func append(packed: Int64) {
    let origin = origin
    storage.append(packed, narrowed: nil) { ChunkTimes.milliseconds($0, from: origin) }
  }

  @inline(__always)
  mutating func appendMissing() {
    storage.append(narrow: ChunkTimes.missingSeconds, wide: TimestampColumn.missing)
  }

  /// Appends `repeats` missing values.
  mutating func appendMissing(count repeats: Int) {
    storage.append(narrow: ChunkTimes.missingSeconds, wide: TimestampColumn.missing, count: repeats)
  }

  /// Writes the first `rows` values to `target` in milliseconds (or packed),
  /// ``TimestampColumn/missing`` for missing ones.
  func copy(_ rows: Int, into target: UnsafeMutablePointer<Int64>) {
    guard rows > 0 else { return }
    if isWide {
      target.initialize(from: storage.wide.pointer, count: rows)
      return
    }
    let values = storage.narrow.pointer
    for row in 0..<rows {
      (target + row).initialize(to: ChunkTimes.milliseconds(values[row], from: origin))
    }
  }

  /// Frees both buffers; no values are left.
  mutating func release() {
    storage.release()
    origin = nil
  }

  /// The seconds from `origin` that stand for `instant` exactly, or `nil`.
  @inline(__always)
  private mutating func narrowed(_ instant: Int64) -> Int32? {
    let (second, millisecond) = instant.quotientAndRemainder(dividingBy: 1000)
    guard millisecond == 0 else { return nil }
    guard let origin else {
      origin = second
      return 0
    }
    let offset = second &- origin
    guard offset > Int64(Int32.min), offset <= Int64(Int32.max) else { return nil }
    return Int32(truncatingIfNeeded: offset)
  }

  /// A narrow value as milliseconds, ``TimestampColumn/missing`` when missing.
  @inline(__always)
  private static func milliseconds(_ narrow: Int32, from origin: Int64?) -> Int64 {
    guard narrow != missingSeconds, let origin else { return TimestampColumn.missing }
    return (origin + Int64(narrow)) * 1000
  }
}
