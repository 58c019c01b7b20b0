/// The text codes of one column of one chunk: one byte per row while every code fits in a
/// byte, four bytes per row from the first code above 255 on.
///
/// Most survey text columns (segments, products, channels, reps) have far fewer than 256
/// distinct values, and their chunk codes then take a quarter of the memory the column's
/// final codes do; the merge turns them into the final codes anyway. A chunk of a column with
/// more values widens once, early, when its interner gives code 256.
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

  /// Writes `table[code]` for each of the first `rows` codes to `target`, in order.
  func translate(
    _ rows: Int, through table: UnsafeBufferPointer<UInt32>,
    into target: UnsafeMutablePointer<UInt32>
  ) {
    guard rows > 0 else { return }
    if isWide {
      let codes = wide.pointer
      for row in 0..<rows { (target + row).initialize(to: table[Int(codes[row])]) }
    } else {
      let codes = narrow.pointer
      for row in 0..<rows { (target + row).initialize(to: table[Int(codes[row])]) }
    }
  }

  /// Writes the first `rows` codes to `target` as they are.
  func copy(_ rows: Int, into target: UnsafeMutablePointer<UInt32>) {
    guard rows > 0 else { return }
    if isWide {
      target.initialize(from: wide.pointer, count: rows)
    } else {
      let codes = narrow.pointer
      for row in 0..<rows { (target + row).initialize(to: UInt32(codes[row])) }
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
