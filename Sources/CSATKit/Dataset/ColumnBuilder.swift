/// What a column looks like so far within one chunk of rows.
enum BuilderKind: UInt8 {
  /// Only missing cells so far.
  case undecided
  case number, boolean, timestamp, text
  /// A value contradicted the kind: the chunk is read again for this column as text.
  case demoted
}

/// State shared by every column of one chunk: scratch space and the time zone cache.
struct CellContext {
  var converter: LocalTimeConverter
  let dateOrder: DateOrder?
  /// Holds the unescaped bytes of a field with doubled quotes (freed with the context).
  var scratch: ScratchBytes
  var timestamps = TimestampFastPath()

  init(options: LoadOptions) {
    converter = LocalTimeConverter(timeZone: options.timeZone)
    dateOrder = options.dateOrder
    scratch = ScratchBytes()
  }
}

/// A reusable byte buffer that frees its memory when the last reference goes.
final class ScratchBytes {
  var bytes = RawBuffer<UInt8>(capacity: 256)

  deinit {
    bytes.release()
  }
}

/// Builds one column of one chunk, guessing its type from the first non-missing value.
///
/// Each non-missing value is exactly one of number, boolean, timestamp or other, so the
/// first one fixes the kind; a later value of another sort demotes the column to text.
/// Missing tokens (`NA`, `null`, …) are missing in typed columns but are text in text
/// columns, which is why a column that had some and then turns out text is read again.
///
/// The values live in ``RawBuffer``s that ``release()`` frees; a builder is owned by one
/// ``ChunkColumns`` until taken out of it, and then by whoever took it.
struct ColumnBuilder {
  var kind = BuilderKind.undecided
  /// Rows read while undecided.
  var leadingMissing = 0
  /// Whether a missing token (not a blank) was among them.
  var sawMissingToken = false
  var numbers = ChunkNumbers()
  var booleans = RawBuffer<UInt8>()
  /// Instants, or packed ``SlashDate`` values until the day/month order is known.
  var timestamps = ChunkTimes()
  /// A slash date with a first field above 12 (so day first) was seen.
  var sawDayFirst = false
  /// A slash date with a second field above 12 (so month first) was seen.
  var sawMonthFirst = false
  var sawSlashDate = false
  /// A slash date contradicted the order seen before or the one the options fix.
  var sawDateOrderConflict = false
  /// The row (within the chunk) of the first value that was no date in a column that had
  /// been reading dates, which made it text.
  var firstNonDateRow: Int?
  var codes = ChunkCodes()
  /// The distinct texts, once the column is text, until it has too many (see `plain`).
  var interner: TextInterner?
  /// The values as bytes, once the column has shown more than
  /// ``PlainText/distinctValuesForPlain`` distinct values in this chunk; `codes` and
  /// `interner` are gone from then on.
  var plain: PlainTextPart?
  /// About how many rows the chunk holds, for the first reservation of values.
  var expectedRows = 0

  /// Frees every buffer; the builder holds no values afterwards.
  mutating func release() {
    numbers.release()
    booleans.release()
    timestamps.release()
    codes.release()
    interner?.release()
    interner = nil
    plain?.release()
    plain = nil
  }

  /// A builder that treats every cell as text, for reading a column again.
  static func textOnly() -> ColumnBuilder {
    var builder = ColumnBuilder()
    builder.kind = .text
    builder.interner = TextInterner()
    return builder
  }

  /// Adds the cell `field`; a row too short for this column adds ``addMissing()`` instead.
  @inline(__always)
  mutating func add(
    _ field: FieldRange, _ base: UnsafePointer<UInt8>, _ context: inout CellContext
  ) {
    if kind == .text {
      addText(field, base, &context)
      return
    }
    guard kind != .demoted else { return }
    var start = field.start
    var end = field.end
    ValueParsing.trim(base, &start, &end)
    if start == end
      || (field.flags & FieldRange.escaped == 0 && ValueParsing.isMissingToken(base, start, end))
    {
      if kind == .undecided && start != end { sawMissingToken = true }
      addMissing()
      return
    }
    guard field.flags & FieldRange.escaped == 0 else {
      becomeText(field, base, &context)
      return
    }

    switch kind {
    case .number:
      guard let value = ValueParsing.parseNumber(base, start, end) else { return demote() }
      numbers.append(value)
    case .boolean:
      guard let value = ValueParsing.parseBoolean(base, start, end) else { return demote() }
      booleans.append(value)
    case .timestamp:
      guard
        let parsed = context.timestamps.parse(base, start, end)
          ?? TimestampParsing.parse(base, start, end)
      else { return demote() }
      addTimestamp(parsed, &context)
    case .undecided:
      decide(field, base, start, end, &context)
    case .text, .demoted:
      break
    }
  }

  /// Adds the cell at `position` when it is a simple field (``SimpleFields``) that ends as
  /// the `last` column's or another column's must, and moves `position` past what ends it;
  /// otherwise adds nothing and returns `false`.
  ///
  /// A boolean spelt exactly and a timestamp with a zone go straight to the values here, in
  /// the record loop: through a call that is not inlined (``addTyped(_:_:_:)``, which the
  /// other shapes take) they cost about 2% more of a load's instructions (callgrind, 1M
  /// rows). Neither shape has space around it, is a missing token or is empty, so the checks
  /// that ``add(_:_:_:)`` makes first would pass.
  @inline(__always)
  mutating func addSimple(
    at position: inout Int, _ fields: inout SimpleFields, last: Bool,
    _ context: inout CellContext
  ) -> Bool {
    if kind == .number, let next = addWhole(at: position, fields, last: last) {
      position = next
      return true
    }
    guard let (field, next) = fields.field(at: position, last: last) else { return false }
    let plain = field.flags & FieldRange.escaped == 0
    if kind == .text {
      addSimpleText(field, fields.base, &context)
    } else if kind == .boolean && plain,
      let value = ValueParsing.parseBoolean(fields.base, field.start, field.end)
    {
      booleans.append(value)
    } else if kind == .timestamp && plain,
      case .instant(let instant)? = context.timestamps.parse(fields.base, field.start, field.end)
    {
      timestamps.append(instant)
    } else {
      addTyped(field, fields.base, &context)
    }
    position = next
    return true
  }

  /// ``add(_:_:_:)`` out of line, for the cells of a column that is not text in shapes that
  /// ``addSimple(at:_:last:_:)`` does not take itself.
  @inline(never)
  private mutating func addTyped(
    _ field: FieldRange, _ base: UnsafePointer<UInt8>, _ context: inout CellContext
  ) {
    add(field, base, &context)
  }

  /// Adds a simple field of a text column; a value with no doubled quote and no space, tab
  /// or line break around it goes straight to the interner or the bytes.
  ///
  /// Always inlined, as are ``addTextBytes(_:_:)`` and ``SimpleFields/field(at:last:)``:
  /// `@inline(__always)` is only a hint, which the optimizer set aside in the large loop
  /// over a record's cells, and a call per text value cost about 8% of a load's
  /// instructions (callgrind, 1M rows).
  @_transparent
  private mutating func addSimpleText(
    _ field: FieldRange, _ base: UnsafePointer<UInt8>, _ context: inout CellContext
  ) {
    let start = field.start
    let length = field.end - start
    guard
      field.flags & FieldRange.escaped == 0 && length > 0 && base[start] > ASCII.space
        && base[field.end - 1] > ASCII.space
    else {
      return addText(field, base, &context)
    }
    addTextBytes(base + start, length)
  }

  /// Adds the cell at `start` of a number column when it is up to nine digits and nothing
  /// else (such a number always fits an `Int32`), or nothing at all (a missing value), and
  /// returns the offset after what ends it.
  ///
  /// Scores are often blank: taken here, a blank costs a load of a 1M-row survey with a
  /// blank in one row of three about 1% fewer instructions than through ``add(_:_:_:)``.
  @inline(__always)
  private mutating func addWhole(at start: Int, _ fields: SimpleFields, last: Bool) -> Int? {
    let base = fields.base
    var index = start
    var whole: Int32 = 0
    var digit = base[index] &- 0x30
    while digit < 10 && index - start < 9 {
      whole = whole &* 10 &+ Int32(digit)
      index += 1
      digit = base[index] &- 0x30
    }
    guard let next = fields.after(index, last: last) else { return nil }
    if index > start {
      numbers.append(whole: whole)
    } else {
      numbers.appendMissing()
    }
    return next
  }

  /// Picks the kind from the first non-missing value and fills the rows before it.
  private mutating func decide(
    _ field: FieldRange, _ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int,
    _ context: inout CellContext
  ) {
    if let value = ValueParsing.parseNumber(base, start, end) {
      kind = .number
      numbers.reserve(expectedRows)
      numbers.appendMissing(count: leadingMissing)
      numbers.append(value)
    } else if let value = ValueParsing.parseBoolean(base, start, end) {
      kind = .boolean
      booleans.reserve(expectedRows)
      booleans.append(repeating: BooleanColumn.missing, count: leadingMissing)
      booleans.append(value)
    } else if let parsed = TimestampParsing.parse(base, start, end) {
      kind = .timestamp
      timestamps.reserve(expectedRows)
      timestamps.appendMissing(count: leadingMissing)
      addTimestamp(parsed, &context)
    } else {
      becomeText(field, base, &context)
    }
  }

  private mutating func addTimestamp(_ parsed: ParsedTimestamp, _ context: inout CellContext) {
    switch parsed {
    case .instant(let value):
      timestamps.append(value)
    case .local(let value):
      timestamps.append(context.converter.instant(fromLocal: value))
    case .slash(let date):
      sawSlashDate = true
      if date.first > 12 { sawDayFirst = true }
      if date.second > 12 { sawMonthFirst = true }
      let contradicted =
        (sawDayFirst && sawMonthFirst)
        || (context.dateOrder.map { date.monthAndDay($0) == nil } ?? false)
      if contradicted {
        sawDateOrderConflict = true
        return demote()
      }
      timestamps.append(packed: date.packed)
    }
  }

  @inline(__always)
  mutating func addMissing() {
    switch kind {
    case .undecided: leadingMissing += 1
    case .number: numbers.appendMissing()
    case .boolean: booleans.append(BooleanColumn.missing)
    case .timestamp: timestamps.appendMissing()
    case .text where plain != nil: plain?.appendBlank()
    case .text: codes.append(TextColumn.missingCode)
    case .demoted: break
    }
  }

  /// Switches to text at the first value that is no number, boolean or timestamp.
  private mutating func becomeText(
    _ field: FieldRange, _ base: UnsafePointer<UInt8>, _ context: inout CellContext
  ) {
    guard kind == .undecided && !sawMissingToken else { return demote() }
    kind = .text
    interner = TextInterner()
    codes.reserve(expectedRows)
    codes.append(repeating: TextColumn.missingCode, count: leadingMissing)
    codes.append(textCode(field, base, &context))
  }

  /// Gives up on this chunk's values; the chunk is read again for this column as text.
  private mutating func demote() {
    if kind == .timestamp && !sawDateOrderConflict { firstNonDateRow = timestamps.count }
    kind = .demoted
    release()
  }

  /// Adds a cell of a text column: its code, or its bytes once the column is plain.
  @inline(__always)
  private mutating func addText(
    _ field: FieldRange, _ base: UnsafePointer<UInt8>, _ context: inout CellContext
  ) {
    let (bytes, length) = textBytes(field, base, &context)
    addTextBytes(bytes, length)
  }

  /// Adds a text value's trimmed bytes (a blank when empty): as bytes once the column is
  /// plain, else as its code, making the column plain at the code past the limit.
  // Always inlined (see addSimpleText).
  @_transparent
  private mutating func addTextBytes(_ bytes: UnsafePointer<UInt8>, _ length: Int) {
    guard plain == nil else {
      plain!.append(bytes, length)
      return
    }
    let code = length > 0 ? interner!.code(bytes, length) : TextColumn.missingCode
    codes.append(code)
    if code > UInt32(PlainText.distinctValuesForPlain) { becomePlain() }
  }

  /// Moves the chunk's values so far from codes to bytes (``PlainTextPart``).
  private mutating func becomePlain() {
    guard var interner else { return }
    var part = PlainTextPart()
    let rows = codes.count
    let room = max(expectedRows, rows)
    part.reserve(rows: room, bytes: 0)
    part.append(rows, of: codes, from: interner)
    // The rest of the chunk's values will likely be as long as these.
    part.reserve(rows: room, bytes: part.bytes.count / max(1, rows) * room * 5 / 4)
    codes.release()
    interner.release()
    self.interner = nil
    plain = part
  }

  /// The code of a text cell, blank as code 0.
  @inline(__always)
  private mutating func textCode(
    _ field: FieldRange, _ base: UnsafePointer<UInt8>, _ context: inout CellContext
  ) -> UInt32 {
    let (bytes, length) = textBytes(field, base, &context)
    guard length > 0 else { return TextColumn.missingCode }
    return interner?.code(bytes, length) ?? TextColumn.missingCode
  }

  /// The bytes of a text cell trimmed of surrounding whitespace, with readable bytes after
  /// them: in the file, or in the context's scratch bytes for a field whose doubled quotes
  /// must be undone first.
  @inline(__always)
  private func textBytes(
    _ field: FieldRange, _ base: UnsafePointer<UInt8>, _ context: inout CellContext
  ) -> (UnsafePointer<UInt8>, Int) {
    guard field.flags & FieldRange.escaped == 0 else {
      return Self.escapedTextBytes(field, base, &context)
    }
    var start = field.start
    var end = field.end
    ValueParsing.trim(base, &start, &end)
    return (base + start, max(0, end - start))
  }

  /// ``textBytes`` for a field whose doubled quotes must be undone first.
  private static func escapedTextBytes(
    _ field: FieldRange, _ base: UnsafePointer<UInt8>, _ context: inout CellContext
  ) -> (UnsafePointer<UInt8>, Int) {
    let scratch = context.scratch
    scratch.bytes.removeAll()
    unescapeField(field, in: base, into: &scratch.bytes)
    scratch.bytes.reserve(scratch.bytes.count + TextInterner.slack)
    let pointer = UnsafePointer(scratch.bytes.pointer)
    var start = 0
    var end = scratch.bytes.count
    ValueParsing.trim(pointer, &start, &end)
    return (pointer + start, max(0, end - start))
  }
}

/// The builders of one chunk's columns, freed together when the last reference goes.
///
/// Worker threads may use it at the same time as long as each works on other columns.
final class ChunkColumns: @unchecked Sendable {
  /// The builders, one per column read.
  let builders: UnsafeMutableBufferPointer<ColumnBuilder>

  /// Builders for `count` columns of a chunk of about `expectedRows` rows.
  init(count: Int, textOnly: Bool, expectedRows: Int = 0) {
    builders = .allocate(capacity: count)
    builders.initialize(repeating: ColumnBuilder())
    for index in builders.indices {
      // Each column needs an interner of its own, not copies of one.
      if textOnly {
        builders[index] = ColumnBuilder.textOnly()
        builders[index].codes.reserve(expectedRows)
      }
      builders[index].expectedRows = expectedRows
    }
  }

  deinit {
    for index in builders.indices { builders[index].release() }
    builders.deinitialize()
    builders.deallocate()
  }

  var count: Int { builders.count }

  subscript(index: Int) -> ColumnBuilder {
    builders[index]
  }

  /// Moves builder `index` out, leaving an empty one: the caller frees what it takes.
  func take(_ index: Int) -> ColumnBuilder {
    let builder = builders[index]
    builders[index] = ColumnBuilder()
    return builder
  }

  /// Puts `builder` in place of builder `index`, freeing the one that was there.
  func replace(_ index: Int, with builder: ColumnBuilder) {
    builders[index].release()
    builders[index] = builder
  }
}
