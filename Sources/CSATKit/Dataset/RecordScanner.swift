/// Byte values the CSV reader looks for.
enum ASCII {
  static let quote: UInt8 = 0x22
  static let lineFeed: UInt8 = 0x0A
  static let carriageReturn: UInt8 = 0x0D
  static let space: UInt8 = 0x20
  static let tab: UInt8 = 0x09
}

/// One field of a record, as byte offsets into the file.
struct FieldRange {
  /// The first byte of the content (after an opening quote).
  var start: Int
  /// One past the last byte of the content (before a closing quote).
  var end: Int
  /// `quoted`, and `escaped` when the content must go through ``unescapeField`` first.
  var flags: UInt8

  static let quoted: UInt8 = 1
  /// The raw bytes hold doubled quotes or text after the closing quote; `start` follows
  /// the opening quote and `end` is the delimiter or line end.
  static let escaped: UInt8 = 2
}

/// A quoted field that runs to the end of the input.
struct UnclosedQuote: Error {
  /// Lines consumed before the line where the quoted field starts.
  var linesBefore: Int
}

/// The growable list of fields of the record being read, reused for every record.
final class FieldList {
  private(set) var pointer: UnsafeMutablePointer<FieldRange>
  private(set) var capacity: Int
  var count = 0

  init(capacity: Int = 64) {
    self.capacity = capacity
    pointer = UnsafeMutablePointer<FieldRange>.allocate(capacity: capacity)
  }

  deinit {
    pointer.deallocate()
  }

  @inline(__always)
  func append(_ field: FieldRange) {
    if count == capacity { grow() }
    pointer[count] = field
    count += 1
  }

  private func grow() {
    let larger = UnsafeMutablePointer<FieldRange>.allocate(capacity: capacity * 2)
    larger.moveInitialize(from: pointer, count: count)
    pointer.deallocate()
    pointer = larger
    capacity *= 2
  }
}

/// Splits bytes into records and fields per RFC 4180, counting physical lines as it goes.
///
/// A quote opens a quoted field only as the field's first byte; inside, a doubled quote
/// stands for one quote and delimiters and line breaks are content. Records end at LF,
/// CRLF or a lone CR. A line that is empty or holds only spaces and tabs is no record.
struct RecordScanner {
  let base: UnsafePointer<UInt8>
  let end: Int
  let delimiter: UInt8
  /// The offset of the next unread byte.
  var position: Int
  /// Line ends consumed since the scanner started.
  var linesConsumed = 0
  /// What ends an unquoted field: the delimiter and the line-end bytes.
  private let fieldEnds: ByteSet
  /// What matters inside quotes: the quote and the line-end bytes (to count lines).
  private let quotedStops = ByteSet(ASCII.quote, ASCII.lineFeed, ASCII.carriageReturn)
  /// The fields of the last record read; a reader may swap in another list to keep these.
  var fields = FieldList()

  /// A scanner of `base[start..<end]`; `base` must be a ``ByteBuffer``'s bytes, whose
  /// padding the searches rely on.
  init(base: UnsafePointer<UInt8>, from start: Int, to end: Int, delimiter: UInt8) {
    self.base = base
    self.end = end
    self.delimiter = delimiter
    fieldEnds = ByteSet(delimiter, ASCII.lineFeed, ASCII.carriageReturn)
    position = start
  }

  /// Reads the next record into `fields` and returns its field count, or 0 at the end.
  ///
  /// Only a record whose first byte lies before `limit` is read (the end when `nil`).
  /// `linesBefore` receives the line ends consumed before the record's first byte.
  mutating func nextRecord(before limit: Int? = nil, linesBefore: inout Int) throws(UnclosedQuote)
    -> Int
  {
    let limit = limit ?? end
    while position < limit {
      linesBefore = linesConsumed
      try readRecord()
      if fields.count == 1 && isBlankLine(fields.pointer[0]) { continue }
      return fields.count
    }
    return 0
  }

  /// Reads the rest of a record into `fields`, from `position` at the first byte of one of
  /// its fields, and returns how many fields that was.
  mutating func restOfRecord() throws(UnclosedQuote) -> Int {
    try readRecord()
    return fields.count
  }

  /// Whether a lone field is an unquoted run of spaces and tabs (or nothing at all).
  private func isBlankLine(_ field: FieldRange) -> Bool {
    guard field.flags == 0 else { return false }
    var index = field.start
    while index < field.end {
      let byte = base[index]
      if byte != ASCII.space && byte != ASCII.tab { return false }
      index += 1
    }
    return true
  }

  /// Reads one record starting at `position`, leaving `position` after its line end.
  private mutating func readRecord() throws(UnclosedQuote) {
    fields.count = 0
    while true {
      let field = try readField()
      fields.append(field)
      guard position < end else { return }
      let byte = base[position]
      position += 1
      // After a delimiter another field follows, even an empty one at the very end.
      if byte == delimiter { continue }
      if byte == ASCII.carriageReturn && position < end && base[position] == ASCII.lineFeed {
        position += 1
      }
      linesConsumed += 1
      return
    }
  }

  /// Reads one field, leaving `position` on the delimiter, the line end or the end.
  private mutating func readField() throws(UnclosedQuote) -> FieldRange {
    let start = position
    guard start < end && base[start] == ASCII.quote else {
      position = fieldEnds.firstIndex(in: base, from: start, to: end)
      return FieldRange(start: start, end: position, flags: 0)
    }

    let linesAtQuote = linesConsumed
    var flags = FieldRange.quoted
    var index = start + 1
    var inQuotes = true
    var contentEnd = -1
    while index < end {
      if inQuotes {
        // Skip to the next quote or line end.
        index = quotedStops.firstIndex(in: base, from: index, to: end)
        guard index < end else { break }
      }
      let byte = base[index]
      if inQuotes {
        if byte == ASCII.quote {
          if index + 1 < end && base[index + 1] == ASCII.quote {
            flags |= FieldRange.escaped
            index += 2
            continue
          }
          inQuotes = false
          if contentEnd < 0 { contentEnd = index }
        } else if byte == ASCII.lineFeed {
          linesConsumed += 1
        } else if byte == ASCII.carriageReturn
          && (index + 1 == end || base[index + 1] != ASCII.lineFeed)
        {
          linesConsumed += 1
        }
      } else {
        if byte == delimiter || byte == ASCII.lineFeed || byte == ASCII.carriageReturn { break }
        // Text after the closing quote: kept, and a further quote reopens quoting.
        flags |= FieldRange.escaped
        if byte == ASCII.quote { inQuotes = true }
      }
      index += 1
    }
    if inQuotes { throw UnclosedQuote(linesBefore: linesAtQuote) }

    position = index
    if flags & FieldRange.escaped != 0 {
      return FieldRange(start: start + 1, end: index, flags: flags)
    }
    return FieldRange(start: start + 1, end: contentEnd, flags: flags)
  }
}

/// Appends the content of an escaped field to `output`: doubled quotes become one, and
/// lone quotes (which open and close quoting) are dropped.
///
/// The bytes between quotes are found and copied a run at a time.
func unescapeField(
  _ field: FieldRange, in base: UnsafePointer<UInt8>, into output: inout RawBuffer<UInt8>
) {
  let quotes = ByteSet(ASCII.quote, ASCII.quote, ASCII.quote)
  var inQuotes = true
  var index = field.start
  while index < field.end {
    let quote = quotes.firstIndex(in: base, from: index, to: field.end)
    if quote > index { output.append(base + index, count: quote - index) }
    guard quote < field.end else { return }
    if inQuotes && quote + 1 < field.end && base[quote + 1] == ASCII.quote {
      output.append(ASCII.quote)
      index = quote + 2
    } else {
      inQuotes.toggle()
      index = quote + 1
    }
  }
}

/// Finding bytes eight at a time in a 64-bit word (little-endian: the first byte is lowest).
enum WordMatch {
  /// `byte` in all eight bytes of a word.
  static func repeated(_ byte: UInt8) -> UInt64 {
    UInt64(byte) &* 0x0101_0101_0101_0101
  }

  /// A word with the high bit of exactly those bytes of `word` that equal the byte repeated in
  /// `pattern`: bytes of `word ^ pattern` that are zero are the matches, and adding 0x7F to
  /// each byte's low seven bits sets the high bit of every other byte without carrying over.
  @inline(__always)
  static func exactBytes(_ word: UInt64, equalTo pattern: UInt64) -> UInt64 {
    let difference = word ^ pattern
    let low = (difference & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F
    return ~(low | difference) & 0x8080_8080_8080_8080
  }
}
