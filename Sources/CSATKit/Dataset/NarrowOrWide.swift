/// The values of one column of one chunk, kept in a narrow form while every value fits it
/// and in a wide form from the first one that does not: the storage of ``ChunkCodes``.
///
/// On a machine where fresh pages are slow to fault in, the bytes a load writes cost as
/// much as the work on them, so a chunk's values stay as narrow as they allow.
///
/// The buffers are ``RawBuffer``s: exactly one copy of the values may ``release()`` them.
struct NarrowOrWide<Narrow: BitwiseCopyable, Wide: BitwiseCopyable> {
  /// The values while all fit the narrow form; empty once wide.
  var narrow = RawBuffer<Narrow>()
  /// The values once one did not fit.
  var wide = RawBuffer<Wide>()
  /// Whether the values are in `wide`.
  private(set) var isWide = false

  /// The number of rows with a value.
  var count: Int { isWide ? wide.count : narrow.count }

  /// Makes room for `rows` values in all, at the current width.
  mutating func reserve(_ rows: Int) {
    if isWide { wide.reserve(rows) } else { narrow.reserve(rows) }
  }

  /// Appends `value`: as `narrowed` while the values are narrow and `narrowed` is given,
  /// else in the wide form, into which the values so far move first (`widened`).
  @inline(__always)
  mutating func append(_ value: Wide, narrowed: Narrow?, widened: (Narrow) -> Wide) {
    if !isWide {
      if let narrowed {
        narrow.append(narrowed)
        return
      }
      widen(widened)
    }
    wide.append(value)
  }

  /// Appends `repeats` copies of one value, spelt `narrowValue` while the values are narrow
  /// and `wideValue` once wide (a missing value, say).
  @inline(__always)
  mutating func append(narrow narrowValue: Narrow, wide wideValue: Wide, count repeats: Int = 1) {
    if isWide {
      repeats == 1 ? wide.append(wideValue) : wide.append(repeating: wideValue, count: repeats)
    } else {
      repeats == 1
        ? narrow.append(narrowValue) : narrow.append(repeating: narrowValue, count: repeats)
    }
  }

  /// Moves the values to the wide form, each as `widened` gives it, keeping the room
  /// reserved for the chunk.
  mutating func widen(_ widened: (Narrow) -> Wide) {
    wide.reserve(max(narrow.capacity, narrow.count + 1))
    for row in 0..<narrow.count { wide.append(widened(narrow.pointer[row])) }
    narrow.release()
    isWide = true
  }

  /// Frees both buffers; no values are left.
  mutating func release() {
    narrow.release()
    wide.release()
    isWide = false
  }
}
