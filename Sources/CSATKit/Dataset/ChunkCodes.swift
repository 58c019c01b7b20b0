/// The text codes of one column of one chunk: one byte per row while every code fits in a
/// byte, four bytes per row from the first code above 255 on.
///
/// Most survey text columns (segments, products, channels, reps) have far fewer than 256
/// distinct values; the merge writes the column's final codes at the width its whole
/// dictionary needs (``TextCodes``). A chunk of a column with more values widens once,
/// early, when its interner gives code 256.
///
/// The buffers are ``RawBuffer``s: exactly one copy of the codes may ``release()`` them.
struct ChunkCodes {
  /// The codes while all fit in a byte; empty once wide.
  private(set) var narrow = RawBuffer<UInt8>()
  /// The codes once one did not fit in a byte.
  private(set) var wide = RawBuffer<UInt32>()
  /// Whether the codes are in `wide`.
  private(set) var isWide = false

  /// The number of rows with a code.
  var count: Int { isWide ? wide.count : narrow.count }

  /// Makes room for `rows` codes in all, at the current width.
  mutating func reserve(_ rows: Int) {
    if isWide { wide.reserve(rows) } else { narrow.reserve(rows) }
  }

  @inline(__always)
  mutating func append(_ code: UInt32) {
    if !isWide {
      if code <= UInt32(UInt8.max) {
        narrow.append(UInt8(truncatingIfNeeded: code))
        return
      }
      widen()
    }
    wide.append(code)
  }

  /// Appends `code` `repeats` times.
  mutating func append(repeating code: UInt32, count repeats: Int) {
    if !isWide && code > UInt32(UInt8.max) { widen() }
    if isWide {
      wide.append(repeating: code, count: repeats)
    } else {
      narrow.append(repeating: UInt8(truncatingIfNeeded: code), count: repeats)
    }
  }

  /// The code of row `row`.
  func code(at row: Int) -> UInt32 {
    isWide ? wide.pointer[row] : UInt32(narrow.pointer[row])
  }

  /// Writes `table[code]` for each of the first `rows` codes to `target`, in order, at the
  /// target's width (every entry of `table` must fit it).
  func translate<Code: FixedWidthInteger & UnsignedInteger>(
    _ rows: Int, through table: UnsafeBufferPointer<UInt32>,
    into target: UnsafeMutablePointer<Code>
  ) {
    guard rows > 0 else { return }
    if isWide {
      Self.translate(wide.pointer, rows, table, target)
    } else {
      Self.translate(narrow.pointer, rows, table, target)
    }
  }

  /// Writes the first `rows` codes to `target` as they are, at the target's width (every
  /// code must fit it).
  func copy<Code: FixedWidthInteger & UnsignedInteger>(
    _ rows: Int, into target: UnsafeMutablePointer<Code>
  ) {
    guard rows > 0 else { return }
    if !isWide && Code.self == UInt8.self {
      UnsafeMutableRawPointer(target).copyMemory(from: narrow.pointer, byteCount: rows)
    } else if isWide {
      for row in 0..<rows {
        (target + row).initialize(to: Code(truncatingIfNeeded: wide.pointer[row]))
      }
    } else {
      for row in 0..<rows {
        (target + row).initialize(to: Code(truncatingIfNeeded: narrow.pointer[row]))
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
    narrow.release()
    wide.release()
    isWide = false
  }

  /// Moves the codes to four bytes each, keeping the room reserved for the chunk.
  private mutating func widen() {
    wide.reserve(max(narrow.capacity, narrow.count + 1))
    for row in 0..<narrow.count { wide.append(UInt32(narrow.pointer[row])) }
    narrow.release()
    isWide = true
  }
}
