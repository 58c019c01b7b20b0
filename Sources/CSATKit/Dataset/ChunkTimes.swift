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
/// The buffers are ``RawBuffer``s: exactly one copy of the values may ``release()`` them.
struct ChunkTimes {
  /// Seconds from `origin` while all values fit; empty once wide.
  private(set) var seconds = RawBuffer<Int32>()
  /// The values once one did not fit, or was a packed slash date.
  private(set) var wide = RawBuffer<Int64>()
  /// Whether the values are in `wide`.
  private(set) var isWide = false
  /// The first instant's whole second, in seconds; `nil` before the first instant.
  private var origin: Int64?

  /// A missing value among narrow ones; never a value itself.
  static let missingSeconds = Int32.min

  /// The number of rows with a value.
  var count: Int { isWide ? wide.count : seconds.count }

  /// Makes room for `rows` values in all, at the current width.
  mutating func reserve(_ rows: Int) {
    if isWide { wide.reserve(rows) } else { seconds.reserve(rows) }
  }

  /// Appends an instant in milliseconds.
  @inline(__always)
  mutating func append(_ instant: Int64) {
    if !isWide {
      if let narrow = narrowed(instant) {
        seconds.append(narrow)
        return
      }
      widen()
    }
    wide.append(instant)
  }

  /// Appends a packed slash date (``SlashDate/packed``), which only the wide form holds.
  mutating func append(packed: Int64) {
    if !isWide { widen() }
    wide.append(packed)
  }

  @inline(__always)
  mutating func appendMissing() {
    if isWide {
      wide.append(TimestampColumn.missing)
    } else {
      seconds.append(ChunkTimes.missingSeconds)
    }
  }

  /// Appends `repeats` missing values.
  mutating func appendMissing(count repeats: Int) {
    if isWide {
      wide.append(repeating: TimestampColumn.missing, count: repeats)
    } else {
      seconds.append(repeating: ChunkTimes.missingSeconds, count: repeats)
    }
  }

  /// The value of row `row` in milliseconds (or packed), ``TimestampColumn/missing`` when
  /// missing.
  func value(at row: Int) -> Int64 {
    guard !isWide else { return wide.pointer[row] }
    let narrow = seconds.pointer[row]
    guard narrow != ChunkTimes.missingSeconds, let origin else { return TimestampColumn.missing }
    return (origin + Int64(narrow)) * 1000
  }

  /// Writes the first `rows` values to `target` in milliseconds (or packed),
  /// ``TimestampColumn/missing`` for missing ones.
  func copy(_ rows: Int, into target: UnsafeMutablePointer<Int64>) {
    guard rows > 0 else { return }
    if isWide {
      target.initialize(from: wide.pointer, count: rows)
      return
    }
    let values = seconds.pointer
    let base = (origin ?? 0) * 1000
    for row in 0..<rows {
      let value = values[row]
      (target + row).initialize(
        to: value == ChunkTimes.missingSeconds
          ? TimestampColumn.missing : base + Int64(value) * 1000)
    }
  }

  /// Frees both buffers; no values are left.
  mutating func release() {
    seconds.release()
    wide.release()
    isWide = false
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

  /// Moves the values to the wide form, keeping the room reserved for the chunk.
  private mutating func widen() {
    wide.reserve(max(seconds.capacity, seconds.count + 1))
    for row in 0..<seconds.count { wide.append(value(at: row)) }
    seconds.release()
    isWide = true
  }
}
