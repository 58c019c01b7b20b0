import Dispatch
import Foundation

/// The values of one text column of one chunk, kept as their bytes one after another once
/// the column has shown too many distinct values to be worth a dictionary while loading.
///
/// Identifiers and free text (customer numbers, comments) are mostly distinct: looking each
/// up in a table that outgrows the cache costs more than all the other columns together,
/// while their codes save little memory. Such a column is kept as bytes with the end of each
/// row's value, and gets its dictionary the first time a query needs one
/// (``PlainText/encoded()``).
///
/// A blank is a value of no bytes. The buffers are ``RawBuffer``s: exactly one copy may
/// ``release()`` them.
struct PlainTextPart {
  /// Every value's bytes, with ``TextInterner/slack`` readable bytes after the last one.
  private(set) var bytes = RawBuffer<UInt8>()
  /// Each row's value length, ``longLength`` for a value that long or longer, whose length
  /// is in `longLengths`. One byte a row rather than a four- or eight-byte end: on a machine
  /// where fresh pages are slow to fault in, the bytes a load writes cost as much as the
  /// work on them.
  private var lengths = RawBuffer<UInt8>()
  /// Where the values of each run of ``blockRows`` rows start in `bytes`.
  private var blockStarts = RawBuffer<Int>()
  /// The lengths of the values of ``longLength`` bytes or more, by row.
  private var longLengths: [Int: Int] = [:]
  /// The number of blank values.
  private(set) var blanks = 0
  /// The first row whose value is not valid UTF-8, checked as each value is appended,
  /// while its bytes are still in the cache.
  private(set) var firstInvalidRow: Int?

  /// The rows in a run that `blockStarts` gives the start of.
  static let blockRows = 64
  /// The length byte that stands for a length of that many bytes or more.
  static let longLength = 255

  /// The number of rows.
  var count: Int { lengths.count }

  /// Makes room for `rows` rows in all, and `size` bytes of values.
  mutating func reserve(rows: Int, bytes size: Int) {
    lengths.reserve(rows)
    blockStarts.reserve(rows / Self.blockRows + 1)
    bytes.reserve(size + TextInterner.slack)
  }

  /// Appends the `length` bytes at `value` as the next row's value (a blank when empty).
  ///
  /// Always inlined, as the record loop calls it (see ``ColumnBuilder``'s `addSimpleText`):
  /// 0.5% of a 1M-row load's instructions.
  @_transparent
  mutating func append(_ value: UnsafePointer<UInt8>, _ length: Int) {
    guard length > 0 else { return appendBlank() }
    if firstInvalidRow == nil && !TextEncoding.isASCII(value, length)
      && TextEncoding.firstInvalidUTF8(value, length) != nil
    {
      firstInvalidRow = count
    }
    appendLength(length)
    bytes.reserve(bytes.count + length + TextInterner.slack)
    if length <= 64 {
      bytes.appendShort(value, count: length)
    } else {
      bytes.append(value, count: length)
    }
  }

  @inline(__always)
  mutating func appendBlank() {
    // Even a part of blanks only has an address for `value(_:)` to point into.
    if bytes.capacity == 0 { bytes.reserve(TextInterner.slack) }
    blanks += 1
    appendLength(0)
  }

  /// Records the next row's length; its value starts at the end of `bytes`.
  @inline(__always)
  private mutating func appendLength(_ length: Int) {
    let row = count
    if row % Self.blockRows == 0 { blockStarts.append(bytes.count) }
    if length < Self.longLength {
      lengths.append(UInt8(truncatingIfNeeded: length))
    } else {
      lengths.append(UInt8(Self.longLength))
      longLengths[row] = length
    }
  }

  /// The length of row `row`'s value.
  @inline(__always)
  func length(of row: Int) -> Int {
    let short = Int(lengths.pointer[row])
    return short < Self.longLength ? short : longLengths[row] ?? 0
  }

  /// The bytes of row `row`'s value (empty for a blank), with readable bytes after them.
  ///
  /// The start is summed from that of the row's run, so reading every row in order is
  /// quicker with ``Cursor``.
  func value(_ row: Int) -> (start: UnsafePointer<UInt8>, length: Int) {
    let first = row - row % Self.blockRows
    var start = blockStarts.pointer[row / Self.blockRows]
    for earlier in first..<row { start += length(of: earlier) }
    return (UnsafePointer(bytes.pointer + start), length(of: row))
  }

  /// Reads a part's values in row order, from a given row.
  struct Cursor {
    let part: PlainTextPart
    /// The row `next()` gives.
    private(set) var row: Int
    /// Where that row's value starts.
    private var start: Int

    init(_ part: PlainTextPart, from row: Int) {
      self.part = part
      self.row = row
      start = row < part.count ? part.value(row).start - UnsafePointer(part.bytes.pointer) : 0
    }

    /// The value of `row`, which must be below the part's count, and moves to the next row.
    @inline(__always)
    mutating func next() -> (start: UnsafePointer<UInt8>, length: Int) {
      let length = part.length(of: row)
      defer {
        start += length
        row += 1
      }
      return (UnsafePointer(part.bytes.pointer + start), length)
    }
  }

  /// Appends the values of the first `rows` of `codes`, each as `interner` spells it.
  mutating func append(_ rows: Int, of codes: ChunkCodes, from interner: TextInterner) {
    for row in 0..<rows {
      let value = interner.bytes(of: Int(codes.code(at: row)))
      if let start = value.baseAddress { append(start, value.count) } else { appendBlank() }
    }
  }

  /// Appends `rows` blank values.
  mutating func appendBlanks(_ rows: Int) {
    guard rows > 0 else { return }
    reserve(rows: count + rows, bytes: bytes.count)
    for _ in 0..<rows { appendBlank() }
  }

  /// Frees the buffers; no rows are left.
  mutating func release() {
    bytes.release()
    lengths.release()
    blockStarts.release()
    longLengths = [:]
    blanks = 0
    firstInvalidRow = nil
  }
}

/// A text column kept as bytes, one ``PlainTextPart`` per chunk of rows, until a query
/// first needs its dictionary.
final class PlainText: @unchecked Sendable {
  /// The parts in row order; never changed after `init`, freed by `deinit`.
  private let parts: [PlainTextPart]
  let rowCount: Int
  let blankCount: Int

  /// Takes over `parts`, which this object frees.
  init(parts: [PlainTextPart]) {
    self.parts = parts
    rowCount = parts.reduce(0) { $0 + $1.count }
    blankCount = parts.reduce(0) { $0 + $1.blanks }
  }

  deinit {
    for var part in parts { part.release() }
  }

  /// The most distinct values a chunk of a column may show and still be coded while loading.
  ///
  /// A table of more values (32 bytes a slot, at most three quarters full) fills much of a
  /// core's L2 cache, so that lookups start to wait for memory: loading 1M rows took 8% less
  /// CPU with 16,384 than with 65,536 (the comments, about 40,000 distinct per chunk, went
  /// from coded to bytes), and 8,192 took 5% less again (1M load: 152-156 ms against
  /// 160-168 ms; 10M: 2-3% less CPU). A column of 8,192 to 16,384 values is then coded
  /// after the load instead of during it.
  static let distinctValuesForPlain = 1 << 13

  /// The same values dictionary-coded, as the loader would have coded them: each part is
  /// looked up on a thread of its own, and the parts' dictionaries are joined as the
  /// chunks' are (``TextMerger``), values equal under NFC meeting under one code.
  func encoded() -> (codes: TextCodes, dictionary: [String]) {
    var builders = DatasetLoader.parallelMap(parts) { part in PlainText.coded(part) }
    defer { for index in builders.indices { builders[index].release() } }
    var ignored: [Int: Int] = [:]
    var noRereads: [Int: ColumnBuilder] = [:]
    let column = TextMerger.build(
      &builders, parts.map(\.count), rereads: &noRereads, invalidRows: &ignored)
    return (column.codes, column.dictionary)
  }

  /// A text builder holding the codes of `part`'s values.
  private static func coded(_ part: PlainTextPart) -> ColumnBuilder {
    var builder = ColumnBuilder()
    builder.kind = .text
    var interner = TextInterner(capacity: distinctValuesForPlain * 4)
    var codes = ChunkCodes()
    codes.reserve(part.count)
    // Lookups land all over a table that is larger than the caches: the slot of the value a
    // few rows ahead is asked for while this one is looked up.
    let ahead = 8
    var values = PlainTextPart.Cursor(part, from: 0)
    var later = PlainTextPart.Cursor(part, from: ahead)
    for row in 0..<part.count {
      if row + ahead < part.count {
        let next = later.next()
        if next.length > 0 { interner.prefetch(next.start, next.length) }
      }
      let value = values.next()
      codes.append(
        value.length == 0 ? TextColumn.missingCode : interner.code(value.start, value.length))
    }
    builder.interner = interner
    builder.codes = codes
    return builder
  }
}

extension Dataset {
  /// Codes the text columns still kept as bytes, one after another, on a thread of their
  /// own; a query that needs one of them meanwhile waits for it rather than coding it twice.
  public func codeTextInBackground() {
    let waiting: [TextColumn] = columns.compactMap { column in
      guard case .text(let text) = column.data, !text.isCoded else { return nil }
      return text
    }
    guard !waiting.isEmpty else { return }
    Thread.detachNewThread {
      for column in waiting { _ = column.codes }
    }
  }
}
