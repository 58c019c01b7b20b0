/// One file being loaded: its name, its bytes and what its header said.
struct SourceFile: Sendable {
  let name: String
  let buffer: ByteBuffer
  let layout: CSVLayout
}

/// A run of whole records in one file: the unit of work one thread takes.
struct Chunk: Sendable {
  /// The index of the file in the load.
  var file: Int
  /// The offset of the chunk's first record.
  var start: Int
  /// Records starting before this offset belong to the chunk.
  var end: Int
}

/// What reading one chunk produced, with line numbers still relative to the chunk.
struct ChunkResult {
  /// The chunk read, whose end may lie before the planned one (``ChunkPool``).
  var chunk: Chunk
  var columns: ChunkColumns
  var rowCount = 0
  /// Line ends consumed from the chunk's start to `endPosition`.
  var linesConsumed = 0
  /// The offset after the chunk's last record.
  var endPosition = 0
  /// Rows with the wrong number of fields: line ends before each, the first few only.
  var raggedLines: [(linesBefore: Int, fieldCount: Int)] = []
  var raggedCount = 0
  /// What stopped the chunk: an unclosed quote, or a ragged row when strict.
  var failure: (linesBefore: Int, message: String)?
  /// Whether the load was cancelled while this chunk was read (``LoadOptions/isCancelled``).
  var cancelled = false
}

/// Reads the records of a chunk into one column builder per column.
enum ChunkReader {
  /// How many ragged rows each chunk reports one by one.
  static let raggedReportLimit = 10

  static let unclosedQuoteMessage = "unclosed quote: the quoted field starting here never ends"

  /// How often (in rows) the reader checks whether the load was cancelled.
  static let cancelCheckRows = 4096

  /// Reads the columns `kept` (file column indices, in order) of `chunk`, guessing types;
  /// builder `i` of the result holds column `kept[i]`.
  ///
  /// Most records are read cell by cell straight into the builders (``SimpleFields``); from
  /// the first cell that is not simple, ``RecordScanner`` reads the rest of the record.
  ///
  /// Every ``ChunkSharing/stepBytes`` bytes (`options.sharing`) the reader drops the pages
  /// behind it and, when given, calls `advance` with its position, which returns the
  /// chunk's end: another thread may have taken the rest of the chunk from a record start at
  /// least a step on (``ChunkPool``). The result's chunk is the one read, with that end.
  static func read(
    _ chunk: Chunk, of source: SourceFile, kept: [Int], options: LoadOptions,
    advance: ((Int) -> Int)? = nil
  ) -> ChunkResult {
    let columnCount = source.layout.names.count
    let expected = expectedRows(chunk, source)
    var result = ChunkResult(
      chunk: chunk,
      columns: ChunkColumns(count: kept.count, textOnly: false, expectedRows: expected))
    var context = CellContext(options: options)
    let base = UnsafePointer(source.buffer.base)
    var scanner = RecordScanner(
      base: base, from: chunk.start, to: source.buffer.count,
      delimiter: source.layout.delimiter)
    var simple = SimpleFields(
      base: base, end: source.buffer.count, delimiter: source.layout.delimiter)
    let builders = result.columns.builders
    // The builder of each column of the file, -1 for a column not read.
    var builderOf = [Int](repeating: -1, count: columnCount)
    for (index, column) in kept.enumerated() { builderOf[column] = index }
    var chunk = chunk
    let step = options.sharing.stepBytes
    var released = chunk.start
    // Records starting before `limit` are read before the next step.
    var limit = min(chunk.end, chunk.start + step)

    records: while true {
      if scanner.position >= limit {
        // The bytes behind are in the builders now; a reread maps them in again.
        source.buffer.release(from: released, to: scanner.position)
        options.progress?.add(scanner.position - released)
        released = scanner.position
        if let advance { chunk.end = advance(scanner.position) }
        if scanner.position >= chunk.end { break }
        limit = min(chunk.end, scanner.position + step)
      }
      var linesBefore = scanner.linesConsumed
      var position = scanner.position
      let simpleColumns =
        SimpleFields.mayStartBlankLine(base[position])
        ? 0 : readSimple(at: &position, builderOf, builders, &simple, &context)
      scanner.position = position
      if simpleColumns == columnCount {
        if simple.endedLine(at: position) { scanner.linesConsumed += 1 }
      } else {
        let fieldCount: Int
        do {
          if simpleColumns == 0 {
            fieldCount = try scanner.nextRecord(before: limit, linesBefore: &linesBefore)
            // Only blank lines were left before the limit: the step there says what next.
            if fieldCount == 0 { continue records }
          } else {
            fieldCount = try simpleColumns + scanner.restOfRecord()
          }
        } catch {
          result.failure = (error.linesBefore, unclosedQuoteMessage)
          break records
        }
        if fieldCount != columnCount {
          if options.strict {
            result.failure = (linesBefore, raggedMessage(fieldCount, columnCount, strict: true))
            break records
          }
          if result.raggedLines.count < raggedReportLimit {
            result.raggedLines.append((linesBefore, fieldCount))
          }
          result.raggedCount += 1
        }
        addRest(
          scanner.fields, from: simpleColumns, fieldCount: fieldCount, builderOf, builders, base,
          &context)
      }
      result.rowCount += 1
      if result.rowCount % cancelCheckRows == 0 && options.isCancelled?() == true {
        result.cancelled = true
        break
      }
    }
    result.chunk = chunk
    result.linesConsumed = scanner.linesConsumed
    result.endPosition = scanner.position

    let demoted = builders.indices.filter { builders[$0].kind == .demoted }
    if !demoted.isEmpty && result.failure == nil && !result.cancelled {
      let again = readText(
        chunk, of: source, columns: demoted.map { kept[$0] }, options: options)
      for (index, builder) in demoted.enumerated() {
        // Keep what the dates said, for the warnings about a column read as text.
        var text = again.take(index)
        text.sawDateOrderConflict = builders[builder].sawDateOrderConflict
        text.firstNonDateRow = builders[builder].firstNonDateRow
        result.columns.replace(builder, with: text)
      }
    }
    source.buffer.release(from: released, to: scanner.position)
    options.progress?.add(max(chunk.end, scanner.position) - released)
    // Only the values are needed from here on, to join the chunks' dictionaries, except in
    // the load's first chunk, whose interners may become the columns' own at the merge.
    if chunk.file != 0 || chunk.start != source.layout.dataStart {
      for index in builders.indices { builders[index].interner?.dropTable() }
    }
    return result
  }

  /// Adds the cells of the record at `position` to their builders while they are simple
  /// fields, moving `position` past each, and returns how many columns that was: all of
  /// them when the whole record was read, `position` then being after its line end.
  @inline(__always)
  private static func readSimple(
    at position: inout Int, _ builderOf: [Int],
    _ builders: UnsafeMutableBufferPointer<ColumnBuilder>, _ simple: inout SimpleFields,
    _ context: inout CellContext
  ) -> Int {
    let lastColumn = builderOf.count - 1
    var column = 0
    while column <= lastColumn {
      let builder = builderOf[column]
      let last = column == lastColumn
      if builder >= 0 {
        guard builders[builder].addSimple(at: &position, &simple, last: last, &context) else {
          break
        }
      } else {
        guard let (_, next) = simple.field(at: position, last: last) else { break }
        position = next
      }
      column += 1
    }
    return column
  }

  /// Adds the cells `fields` of a record, whose first is that of column `first`, to the
  /// builders of their columns; a column past the record's `fieldCount` fields gets a
  /// missing value, and fields past the last column are dropped.
  private static func addRest(
    _ fields: FieldList, from first: Int, fieldCount: Int, _ builderOf: [Int],
    _ builders: UnsafeMutableBufferPointer<ColumnBuilder>, _ base: UnsafePointer<UInt8>,
    _ context: inout CellContext
  ) {
    let cells = fields.pointer
    for column in first..<builderOf.count {
      let builder = builderOf[column]
      guard builder >= 0 else { continue }
      if column < fieldCount {
        builders[builder].add(cells[column - first], base, &context)
      } else {
        builders[builder].addMissing()
      }
    }
  }

  /// A generous guess at the number of rows in `chunk`, from the line feeds in its first
  /// megabyte: room reserved but never written costs no memory.
  static func expectedRows(_ chunk: Chunk, _ source: SourceFile) -> Int {
    let sample = min(chunk.end - chunk.start, 1 << 20)
    guard sample > 0 else { return 0 }
    let lines = ByteSet(ASCII.lineFeed, ASCII.lineFeed, ASCII.carriageReturn).count(
      in: UnsafePointer(source.buffer.base), from: chunk.start, to: chunk.start + sample)
    let perByte = Double(lines + 1) / Double(sample)
    return Int(perByte * Double(chunk.end - chunk.start) * 1.25) + 64
  }

  /// Reads `columns` of `chunk` again, every cell as text; one builder per column, in order.
  static func readText(
    _ chunk: Chunk, of source: SourceFile, columns: [Int], options: LoadOptions
  ) -> ChunkColumns {
    let found = ChunkColumns(
      count: columns.count, textOnly: true, expectedRows: expectedRows(chunk, source))
    let builders = found.builders
    var context = CellContext(options: options)
    let base = UnsafePointer(source.buffer.base)
    var scanner = RecordScanner(
      base: base, from: chunk.start, to: source.buffer.count,
      delimiter: source.layout.delimiter)
    var linesBefore = 0
    // The first reading already met any unclosed quote, so none is met here.
    while let fieldCount = try? scanner.nextRecord(before: chunk.end, linesBefore: &linesBefore),
      fieldCount > 0
    {
      let fields = scanner.fields.pointer
      for (index, column) in columns.enumerated() {
        if column < fieldCount {
          builders[index].add(fields[column], base, &context)
        } else {
          builders[index].addMissing()
        }
      }
    }
    for index in columns.indices { builders[index].interner?.dropTable() }
    return found
  }

  /// The line ends before row `row` (counted from 0) of `chunk`, found by reading again.
  static func linesBefore(row: Int, of chunk: Chunk, in source: SourceFile) -> Int {
    var scanner = RecordScanner(
      base: UnsafePointer(source.buffer.base), from: chunk.start, to: source.buffer.count,
      delimiter: source.layout.delimiter)
    var linesBefore = 0
    for _ in 0...row {
      // The first reading met any unclosed quote, and it lies after the rows loaded.
      guard (try? scanner.nextRecord(before: chunk.end, linesBefore: &linesBefore)) ?? 0 > 0
      else { break }
    }
    return linesBefore
  }

  /// The message for a row with `fieldCount` fields under a header of `columnCount`.
  static func raggedMessage(_ fieldCount: Int, _ columnCount: Int, strict: Bool) -> String {
    let counts =
      "row has \(fieldCount) \(fieldCount == 1 ? "field" : "fields")"
      + " but the header has \(columnCount)"
    if strict { return counts }
    return fieldCount < columnCount
      ? counts + "; the missing fields are left blank" : counts + "; the extra fields are dropped"
  }
}
