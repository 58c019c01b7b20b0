/// The text codes of one column of one chunk: one byte per row while every code fits in a
/// byte, four bytes per row from the first code above 255 on.
///
/// Most survey text columns (segments, products, channels, reps) have far fewer than 256
/// distinct values. The column's codes take the width its whole dictionary needs
/// (``TextCodes``): a chunk whose codes have that width already is taken over, its codes
/// translated in place; others are copied at that width. A chunk of a column with more
/// values widens once, early, when its interner gives code 256.
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

  /// The codes at the width `Code` (which must hold every code, after `table`), each
  /// through `table` when one is given, handed over to the caller, who frees them; none are
  /// left here. When the codes have that width already, that is their own buffer,
  /// translated in place, which the column can take over (``ColumnValues``); else a copy.
  mutating func take<Code: FixedWidthInteger & UnsignedInteger>(
    as width: Code.Type, through table: UnsafeBufferPointer<UInt32>?
  ) -> RawBuffer<Code> {
    defer { release() }
    if !isWide && Code.self == UInt8.self {
      return Self.translatedInPlace(
        unsafeBitCast(storage.narrow.take(), to: RawBuffer<Code>.self), table)
    }
    if isWide && Code.self == UInt32.self {
      return Self.translatedInPlace(
        unsafeBitCast(storage.wide.take(), to: RawBuffer<Code>.self), table)
    }
    var result = RawBuffer<Code>(capacity: count)
    for row in 0..<count {
      let code = self.code(at: row)
      result.append(Code(truncatingIfNeeded: table.map { $0[Int(code)] } ?? code))
    }
    return result
  }

  private static func translatedInPlace<Code: FixedWidthInteger & UnsignedInteger>(
    _ codes: RawBuffer<Code>, _ table: UnsafeBufferPointer<UInt32>?
  ) -> RawBuffer<Code> {
    guard let table, codes.count > 0 else { return codes }
    let values = codes.pointer
    for row in 0..<codes.count {
      values[row] = Code(truncatingIfNeeded: table[Int(values[row])])
    }
    return codes
  }

  /// Frees both buffers; no codes are left.
  mutating func release() {
    storage.release()
  }
}
