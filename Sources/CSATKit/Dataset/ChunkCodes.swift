/// The text codes of one column of one chunk: one byte per row while every code fits in a
/// byte, four bytes per row from the first code above 255 on.
///
/// Most survey text columns (segments, products, channels, reps) have far fewer than 256
/// distinct values; the merge writes the column's final codes at the width its whole
/// dictionary needs (``TextCodes``). A chunk of a column with more values widens once,
/// early, when its interner gives code 256.
///
/// Exactly one copy of the codes may ``release()`` them (``NarrowOrWide``).
struct ChunkCodes {
  private var storage = NarrowOrWide<UInt8, UInt32>()

  /// Whether the codes take four bytes each.
  var isWide: Bool { storage.isWide }

  /// The number of rows with a code.
  var count: Int { storage.count }

  /// Makes room for `rows` codes in all, at the current width.
  mutating func reserve(_ rows: Int) {
    storage.reserve(rows)
  }

  @inline(__always)
  mutating func append(_ code: UInt32) {
    let narrowed = isWide || code > UInt32(UInt8.max) ? nil : UInt8(truncatingIfNeeded: code)
    storage.append(code, narrowed: narrowed, widened: UInt32.init)
  }

  /// Appends `code` `repeats` times.
  mutating func append(repeating code: UInt32, count repeats: Int) {
    if !isWide && code > UInt32(UInt8.max) { storage.widen(UInt32.init) }
    storage.append(narrow: UInt8(truncatingIfNeeded: code), wide: code, count: repeats)
  }

  /// The code of row `row`.
  func code(at row: Int) -> UInt32 {
    isWide ? storage.wide.pointer[row] : UInt32(storage.narrow.pointer[row])
  }

  /// Writes `table[code]` for each of the first `rows` codes to `target`, in order, at the
  /// target's width (every entry of `table` must fit it).
  func translate<Code: FixedWidthInteger & UnsignedInteger>(
    _ rows: Int, through table: UnsafeBufferPointer<UInt32>,
    into target: UnsafeMutablePointer<Code>
  ) {
    guard rows > 0 else { return }
    if isWide {
      Self.translate(storage.wide.pointer, rows, table, target)
    } else {
      Self.translate(storage.narrow.pointer, rows, table, target)
    }
  }

  /// Writes the first `rows` codes to `target` as they are, at the target's width (every
  /// code must fit it).
  func copy<Code: FixedWidthInteger & UnsignedInteger>(
    _ rows: Int, into target: UnsafeMutablePointer<Code>
  ) {
    guard rows > 0 else { return }
    if !isWide && Code.self == UInt8.self {
      UnsafeMutableRawPointer(target).copyMemory(from: storage.narrow.pointer, byteCount: rows)
    } else {
      for row in 0..<rows {
        (target + row).initialize(to: Code(truncatingIfNeeded: code(at: row)))
      }
    }
  }

  @inline(__always)
  private static func translate<Source: FixedWidthInteger, Code: FixedWidthInteger>(
    _ codes: UnsafeMutablePointer<Source>, _ rows: Int, _ table: UnsafeBufferPointer<UInt32>,
    _ target: UnsafeMutablePointer<Code>
  ) {
    for row in 0..<rows {
      (target + row).initialize(to: Code(truncatingIfNeeded: table[Int(codes[row])]))
    }
  }

  /// Frees both buffers; no codes are left.
  mutating func release() {
    storage.release()
  }
}
