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
  /// Where each row's value ends in `bytes`: four bytes each while they reach no further
  /// than 4 GiB, eight from there on.
  private var ends = NarrowOrWide<UInt32, Int>()
  /// The number of blank values.
  private(set) var blanks = 0
  /// The first row whose value is not valid UTF-8, checked as each value is appended,
  /// while its bytes are still in the cache.
  private(set) var firstInvalidRow: Int?

  /// The number of rows.
  var count: Int { ends.count }

  /// Makes room for `rows` rows in all, and `size` bytes of values.
  mutating func reserve(rows: Int, bytes size: Int) {
    ends.reserve(rows)
    bytes.reserve(size + TextInterner.slack)
  }

  /// Appends the `length` bytes at `value` as the next row's value (a blank when empty).
  @inline(__always)
  mutating func append(_ value: UnsafePointer<UInt8>, _ length: Int) {
    guard length > 0 else { return appendBlank() }
    if firstInvalidRow == nil && !TextEncoding.isASCII(value, length)
      && TextEncoding.firstInvalidUTF8(value, length) != nil
    {
      firstInvalidRow = count
    }
    let end = bytes.count + length
    bytes.reserve(end + TextInterner.slack)
    bytes.append(value, count: length)
    appendEnd(end)
  }

  @inline(__always)
  mutating func appendBlank() {
    // Even a part of blanks only has an address for `value(_:)` to point into.
    if bytes.capacity == 0 { bytes.reserve(TextInterner.slack) }
    blanks += 1
    appendEnd(bytes.count)
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
    if bytes.capacity == 0 { bytes.reserve(TextInterner.slack) }
    blanks += rows
    let end = bytes.count
    if ends.isWide || end > Int(UInt32.max) {
      if !ends.isWide { ends.widen(Int.init) }
      ends.wide.append(repeating: end, count: rows)
    } else {
      ends.narrow.append(repeating: UInt32(truncatingIfNeeded: end), count: rows)
    }
  }

  @inline(__always)
  private mutating func appendEnd(_ end: Int) {
    if !ends.isWide {
      if end <= Int(UInt32.max) {
        ends.narrow.append(UInt32(truncatingIfNeeded: end))
        return
      }
      ends.widen(Int.init)
    }
    ends.wide.append(end)
  }

  /// Where the value of row `row` ends in ``bytes``.
  @inline(__always)
  func end(of row: Int) -> Int {
    ends.isWide ? ends.wide.pointer[row] : Int(ends.narrow.pointer[row])
  }

  /// The bytes of row `row`'s value (empty for a blank), with readable bytes after them.
  @inline(__always)
  func value(_ row: Int) -> (start: UnsafePointer<UInt8>, length: Int) {
    let start = row == 0 ? 0 : end(of: row - 1)
    return (UnsafePointer(bytes.pointer + start), end(of: row) - start)
  }

  /// Frees the buffers; no rows are left.
  mutating func release() {
    bytes.release()
    ends.release()
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
    for row in 0..<part.count {
      if row + ahead < part.count {
        let next = part.value(row + ahead)
        if next.length > 0 { interner.prefetch(next.start, next.length) }
      }
      let value = part.value(row)
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
