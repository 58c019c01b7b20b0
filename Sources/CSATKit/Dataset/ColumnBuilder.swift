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
  /// Holds the unescaped bytes of a field with doubled quotes.
  var scratch: [UInt8] = []

  init(options: LoadOptions) {
    converter = LocalTimeConverter(timeZone: options.timeZone)
    dateOrder = options.dateOrder
  }
}

/// Builds one column of one chunk, guessing its type from the first non-missing value.
///
/// Each non-missing value is exactly one of number, boolean, timestamp or other, so the
/// first one fixes the kind; a later value of another sort demotes the column to text.
/// Missing tokens (`NA`, `null`, …) are missing in typed columns but are text in text
/// columns, which is why a column that had some and then turns out text is read again.
struct ColumnBuilder {
  var kind = BuilderKind.undecided
  /// Rows read while undecided.
  var leadingMissing = 0
  /// Whether a missing token (not a blank) was among them.
  var sawMissingToken = false
  var numbers: [Double] = []
  var booleans: [UInt8] = []
  /// Instants, or packed ``SlashDate`` values until the day/month order is known.
  var timestamps: [Int64] = []
  /// A slash date with a first field above 12 (so day first) was seen.
  var sawDayFirst = false
  /// A slash date with a second field above 12 (so month first) was seen.
  var sawMonthFirst = false
  var sawSlashDate = false
  /// A slash date contradicted the order seen before or the one the options fix.
  var sawDateOrderConflict = false
  var codes: [UInt32] = []
  var interner = TextInterner(capacity: 16)

  /// A builder that treats every cell as text, for reading a column again.
  static func textOnly() -> ColumnBuilder {
    var builder = ColumnBuilder()
    builder.kind = .text
    return builder
  }

  /// Adds the cell `field` (or a missing cell when the row was short).
  @inline(__always)
  mutating func add(
    _ field: FieldRange?, _ base: UnsafePointer<UInt8>, _ context: inout CellContext
  ) {
    guard let field else {
      addMissing()
      return
    }
    if kind == .text {
      codes.append(textCode(field, base, &context))
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
      guard let parsed = TimestampParsing.parse(base, start, end) else { return demote() }
      addTimestamp(parsed, &context)
    case .undecided:
      decide(field, base, start, end, &context)
    case .text, .demoted:
      break
    }
  }

  /// Picks the kind from the first non-missing value and fills the rows before it.
  private mutating func decide(
    _ field: FieldRange, _ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int,
    _ context: inout CellContext
  ) {
    if let value = ValueParsing.parseNumber(base, start, end) {
      kind = .number
      numbers = [Double](repeating: .nan, count: leadingMissing)
      numbers.append(value)
    } else if let value = ValueParsing.parseBoolean(base, start, end) {
      kind = .boolean
      booleans = [UInt8](repeating: BooleanColumn.missing, count: leadingMissing)
      booleans.append(value)
    } else if let parsed = TimestampParsing.parse(base, start, end) {
      kind = .timestamp
      timestamps = [Int64](repeating: TimestampColumn.missing, count: leadingMissing)
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
      timestamps.append(date.packed)
    }
  }

  private mutating func addMissing() {
    switch kind {
    case .undecided: leadingMissing += 1
    case .number: numbers.append(.nan)
    case .boolean: booleans.append(BooleanColumn.missing)
    case .timestamp: timestamps.append(TimestampColumn.missing)
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
    codes = [UInt32](repeating: TextColumn.missingCode, count: leadingMissing)
    codes.append(textCode(field, base, &context))
  }

  /// Gives up on this chunk's values; the chunk is read again for this column as text.
  private mutating func demote() {
    kind = .demoted
    numbers = []
    booleans = []
    timestamps = []
    codes = []
  }

  /// The code of a text cell: trimmed of surrounding whitespace, blank as code 0.
  private mutating func textCode(
    _ field: FieldRange, _ base: UnsafePointer<UInt8>, _ context: inout CellContext
  ) -> UInt32 {
    guard field.flags & FieldRange.escaped != 0 else {
      var start = field.start
      var end = field.end
      ValueParsing.trim(base, &start, &end)
      return start == end ? TextColumn.missingCode : interner.code(base, start, end)
    }
    context.scratch.removeAll(keepingCapacity: true)
    unescapeField(field, in: base, into: &context.scratch)
    return context.scratch.withUnsafeBufferPointer { bytes in
      guard let pointer = bytes.baseAddress else { return TextColumn.missingCode }
      var start = 0
      var end = bytes.count
      ValueParsing.trim(pointer, &start, &end)
      return start == end ? TextColumn.missingCode : interner.code(pointer, start, end)
    }
  }
}
