/// Reads fields of the common shapes straight from the bytes, one column after another,
/// so that the load handles most cells without first listing a record's fields.
///
/// A simple field is unquoted, or quoted with no line break inside and nothing after its
/// closing quote (the builder undoes doubled quotes, as for the scanner's fields). It must
/// end as its place in the record says: at the delimiter before the record's last column, at
/// a line end (LF, CRLF or a lone CR) or the end of the bytes after it. Anything else (a
/// record with too few or too many fields, a quoted line break, text after a closing quote)
/// is left to ``RecordScanner``, which reads the rest of the record; both give the same
/// fields for every record this reader accepts.
///
/// Unquoted fields end at the next delimiter or line-end byte, found from a mask of those
/// bytes over 64 bytes at a time (`stops`). Searching from each field's start instead made
/// every field wait for the search before it: the bytes a field starts at depend on where
/// the last one ended. With the mask, the next field's end is one bit operation away.
struct SimpleFields {
  let base: UnsafePointer<UInt8>
  /// The offset where the bytes end (the file's, not the chunk's).
  let end: Int
  let delimiter: UInt8
  private let fieldEnds: ByteSet
  private let quotedStops = ByteSet(ASCII.quote, ASCII.lineFeed, ASCII.carriageReturn)
  /// The offset of the 64 bytes that `stops` covers; far enough before any offset at first
  /// that the first search loads a mask.
  private var blockStart = -128
  /// Bit `i` is set when byte `blockStart + i` is the delimiter, LF or CR.
  private var stops: UInt64 = 0

  /// A reader of `base[..<end]`, which must be a ``ByteBuffer``'s bytes.
  init(base: UnsafePointer<UInt8>, end: Int, delimiter: UInt8) {
    self.base = base
    self.end = end
    self.delimiter = delimiter
    fieldEnds = ByteSet(delimiter, ASCII.lineFeed, ASCII.carriageReturn)
  }

  /// Whether a record starting with `byte` may be a blank line, which only the scanner
  /// skips: a line end, a space or a tab.
  @inline(__always)
  static func mayStartBlankLine(_ byte: UInt8) -> Bool {
    byte <= ASCII.space
      && (byte == ASCII.lineFeed || byte == ASCII.carriageReturn || byte == ASCII.space
        || byte == ASCII.tab)
  }

  /// The simple field at `start` and the offset after what ends it, or `nil` when the field
  /// is not simple or does not end as the `last` column's or another column's must.
  ///
  /// Always inlined (see ``ColumnBuilder``'s `addSimpleText`).
  @_transparent
  mutating func field(at start: Int, last: Bool) -> (field: FieldRange, next: Int)? {
    guard base[start] == ASCII.quote else {
      let stop = nextStop(from: start)
      guard let next = after(stop, last: last) else { return nil }
      return (FieldRange(start: start, end: stop, flags: 0), next)
    }
    var close = quotedStops.firstIndex(in: base, from: start + 1, to: end)
    var flags = FieldRange.quoted
    // The padding after the end is zero, so the byte after a closing quote is readable.
    while close < end && base[close] == ASCII.quote && base[close + 1] == ASCII.quote {
      flags |= FieldRange.escaped
      close = quotedStops.firstIndex(in: base, from: close + 2, to: end)
    }
    guard close < end && base[close] == ASCII.quote, let next = after(close + 1, last: last)
    else { return nil }
    // An escaped field's range runs to what ends it, as the scanner gives it.
    let contentEnd = flags & FieldRange.escaped == 0 ? close : close + 1
    return (FieldRange(start: start + 1, end: contentEnd, flags: flags), next)
  }

  /// The offset of the first delimiter, LF or CR at or after `position`, or the end.
  @inline(__always)
  private mutating func nextStop(from position: Int) -> Int {
    var offset = position &- blockStart
    // Also true when `position` lies before the block.
    if UInt(bitPattern: offset) >= 64 {
      blockStart = position
      stops = fieldEnds.mask64(UnsafeRawPointer(base + position))
      offset = 0
    }
    var ahead = stops & (UInt64.max &<< UInt64(truncatingIfNeeded: offset))
    while ahead == 0 {
      blockStart += 64
      // The padding after the end is zero, so no stop is ever found past it.
      guard blockStart < end else { return end }
      stops = fieldEnds.mask64(UnsafeRawPointer(base + blockStart))
      ahead = stops
    }
    return blockStart + ahead.trailingZeroBitCount
  }

  /// The offset after the delimiter or line end at `stop`, or `nil` when the byte there is
  /// not what ends a field of the `last` column or another. The end of the bytes ends the
  /// last column.
  @inline(__always)
  func after(_ stop: Int, last: Bool) -> Int? {
    let byte = base[stop]
    guard last else { return byte == delimiter && stop < end ? stop + 1 : nil }
    if stop >= end { return end }
    if byte == ASCII.lineFeed { return stop + 1 }
    guard byte == ASCII.carriageReturn else { return nil }
    return base[stop + 1] == ASCII.lineFeed && stop + 1 < end ? stop + 2 : stop + 1
  }

  /// Whether a record read up to `next` ended with a line end rather than the end of bytes.
  @inline(__always)
  func endedLine(at next: Int) -> Bool {
    guard next >= end else { return true }
    let byte = base[end - 1]
    return byte == ASCII.lineFeed || byte == ASCII.carriageReturn
  }
}
