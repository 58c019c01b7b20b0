/// Writes bytes at a raw pointer and moves forward; the caller guarantees the room.
///
/// This is the innermost layer of the generator. A chunk allocates room for its longest
/// possible rows up front (see `SurveyWorld.maxRowBytes`), so no write here checks bounds.
struct RowWriter {
  private(set) var pointer: UnsafeMutablePointer<UInt8>

  init(_ pointer: UnsafeMutablePointer<UInt8>) {
    self.pointer = pointer
  }

  /// Writes one byte.
  @inline(__always)
  mutating func put(_ byte: UInt8) {
    pointer.pointee = byte
    pointer += 1
  }

  /// Writes the bytes of `span` from the arena at `arena`.
  @inline(__always)
  mutating func put(_ span: ByteSpan, from arena: UnsafePointer<UInt8>) {
    // Fields are short: a plain loop beats a call to memcpy.
    let source = arena + Int(span.start)
    for offset in 0..<Int(span.count) {
      pointer[offset] = source[offset]
    }
    pointer += Int(span.count)
  }

  /// Writes a comma and then the bytes of `span`: one CSV field after another.
  @inline(__always)
  mutating func putField(_ span: ByteSpan, from arena: UnsafePointer<UInt8>) {
    put(UInt8(ascii: ","))
    put(span, from: arena)
  }

  /// Writes `value` (not negative) in decimal with no padding.
  @inline(__always)
  mutating func putDecimal(_ value: Int) {
    if value < 10 {
      put(UInt8(truncatingIfNeeded: 48 + value))
    } else {
      putDecimal(value, minimumDigits: 1)
    }
  }

  /// Writes `value` (not negative) in decimal, with leading zeros up to `minimumDigits`.
  mutating func putDecimal(_ value: Int, minimumDigits: Int) {
    var digits = 1
    var limit = 10
    while value >= limit && digits < 19 {
      digits += 1
      limit &*= 10
    }
    digits = max(digits, minimumDigits)

    var remaining = value
    var position = digits - 1
    while position >= 0 {
      pointer[position] = UInt8(truncatingIfNeeded: 48 + remaining % 10)
      remaining /= 10
      position -= 1
    }
    pointer += digits
  }

  /// Writes `value` (0...99) as exactly two digits.
  @inline(__always)
  mutating func putTwoDigits(_ value: Int) {
    pointer[0] = UInt8(truncatingIfNeeded: 48 + value / 10)
    pointer[1] = UInt8(truncatingIfNeeded: 48 + value % 10)
    pointer += 2
  }
}
