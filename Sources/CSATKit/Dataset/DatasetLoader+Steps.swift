import Dispatch

extension DatasetLoader {
  /// How many rows with the wrong field count each file reports one by one.
  static let raggedWarningLimit = 10

  /// Turns chunk-relative lines into file lines, throws the first failure, and reports
  /// ragged rows (the first few of each file, then a count of the rest).
  static func reportRows(
    _ chunks: [Chunk], _ results: [ChunkResult], _ sources: [SourceFile]
  ) throws -> [LoadWarning] {
    var warnings: [LoadWarning] = []
    let lineBases = firstLines(chunks, results.map(\.linesConsumed), sources)
    var currentFile = -1
    var reported = 0
    var ragged = 0
    for (index, (chunk, result)) in zip(chunks, results).enumerated() {
      let source = sources[chunk.file]
      let lineBase = lineBases[index]
      if chunk.file != currentFile {
        warnings += moreRaggedRows(ragged - reported, currentFile >= 0 ? sources[currentFile] : nil)
        currentFile = chunk.file
        reported = 0
        ragged = 0
      }
      if let failure = result.failure {
        throw DataError(
          file: source.name, line: lineBase + failure.linesBefore, message: failure.message)
      }
      let columnCount = source.layout.names.count
      for row in result.raggedLines where reported < raggedWarningLimit {
        let message = ChunkReader.raggedMessage(row.fieldCount, columnCount, strict: false)
        warnings.append(
          LoadWarning(file: source.name, line: lineBase + row.linesBefore, message: message))
        reported += 1
      }
      ragged += result.raggedCount
    }
    warnings += moreRaggedRows(ragged - reported, currentFile >= 0 ? sources[currentFile] : nil)
    return warnings
  }

  /// One warning for each file with text that is not valid UTF-8, naming the first line
  /// that holds some; `invalidRows` has, per column, the first such row of each chunk.
  static func invalidTextWarnings(
    _ invalidRows: [[Int: Int]], _ chunks: [Chunk], _ linesConsumed: [Int],
    _ sources: [SourceFile]
  ) -> [LoadWarning] {
    var firstRows: [Int: Int] = [:]
    for column in invalidRows {
      for (chunk, row) in column { firstRows[chunk] = min(row, firstRows[chunk] ?? row) }
    }
    guard !firstRows.isEmpty else { return [] }

    var warnings: [LoadWarning] = []
    let lineBases = firstLines(chunks, linesConsumed, sources)
    for (index, chunk) in chunks.enumerated() {
      let source = sources[chunk.file]
      let reported = warnings.last?.file == source.name
      guard !reported, let row = firstRows[index] else { continue }
      let line = lineBases[index] + ChunkReader.linesBefore(row: row, of: chunk, in: source)
      warnings.append(
        LoadWarning(
          file: source.name, line: line,
          message: "text that is not valid UTF-8 (first on this line) is read with U+FFFD in "
            + "place of the bad bytes; is the file Latin-1? save it as UTF-8 to keep them"))
    }
    return warnings
  }

  /// One warning for each column read as text because a value among its dates was none,
  /// naming the line of that value: such a column cannot be the time column, which a
  /// later 'by month' would only report as missing.
  static func nonDateWarnings(
    _ decisions: [ColumnDecision], _ names: [String], _ results: [ChunkResult],
    _ chunks: [Chunk], _ sources: [SourceFile]
  ) -> [LoadWarning] {
    decisions.indices.compactMap { column -> LoadWarning? in
      guard decisions[column].type == .text,
        let (chunk, row) =
          results.indices.lazy.compactMap({ chunk in
            results[chunk].columns[column].firstNonDateRow.map { (chunk, $0) }
          }).first ?? leadingNonDate(column, results)
      else { return nil }
      let source = sources[chunks[chunk].file]
      let lineBase = firstLines(chunks, results.map(\.linesConsumed), sources)[chunk]
      let line = lineBase + ChunkReader.linesBefore(row: row, of: chunks[chunk], in: source)
      return LoadWarning(
        file: source.name, line: line,
        message: "column '\(names[column])' has dates, but the value on this line is not one; "
          + "the column is read as text, so it cannot be the time column")
    }
  }

  /// How many of a text column's first values are looked at for dates.
  static let dateSampleRows = 1000

  /// For a column that was text from its first value on: the chunk and row of the first
  /// value that is no date when nearly all of its first values are dates (at least 9 in 10,
  /// and 10 or more), as when a file's first date was left as `soon` or `-`.
  private static func leadingNonDate(_ column: Int, _ results: [ChunkResult]) -> (Int, Int)? {
    guard let chunk = results.indices.first(where: { results[$0].columns[column].kind == .text })
    else { return nil }
    let builder = results[chunk].columns[column]
    var values = 0
    var dates = 0
    var firstOther: Int?
    let rows = builder.plain?.count ?? builder.codes.count
    for row in 0..<min(rows, dateSampleRows) {
      let start: UnsafePointer<UInt8>
      let length: Int
      if let plain = builder.plain {
        (start, length) = plain.value(row)
      } else if let interner = builder.interner {
        let value = interner.bytes(of: Int(builder.codes.code(at: row)))
        guard let base = value.baseAddress else { continue }
        (start, length) = (base, value.count)
      } else {
        return nil
      }
      guard length > 0 else { continue }
      values += 1
      if TimestampParsing.parse(start, 0, length) != nil {
        dates += 1
      } else if firstOther == nil {
        firstOther = row
      }
    }
    guard let firstOther, values >= 10, dates * 10 >= values * 9 else { return nil }
    return (chunk, firstOther)
  }

  /// The file line of each chunk's first record, from the line ends each chunk consumed:
  /// chunk-relative lines plus this give the lines that messages name.
  static func firstLines(
    _ chunks: [Chunk], _ linesConsumed: [Int], _ sources: [SourceFile]
  ) -> [Int] {
    var lines: [Int] = []
    for (index, chunk) in chunks.enumerated() {
      let sameFile = index > 0 && chunks[index - 1].file == chunk.file
      lines.append(
        sameFile
          ? lines[index - 1] + linesConsumed[index - 1]
          : sources[chunk.file].layout.headerLines + 1)
    }
    return lines
  }

  /// The closing warning for ragged rows not reported one by one.
  private static func moreRaggedRows(_ count: Int, _ source: SourceFile?) -> [LoadWarning] {
    guard count > 0, let source else { return [] }
    let rows = count == 1 ? "1 more row has" : "\(count) more rows have"
    return [LoadWarning(file: source.name, message: "\(rows) the wrong number of fields")]
  }

  /// Reads again, as text, the chunks of columns that became text after their chunks guessed
  /// another type; one dictionary per column from chunk index to text builder.
  ///
  /// `decisions` are those of the columns `kept` (file column indices), in the same order.
  static func rereadAsText(
    _ decisions: [ColumnDecision], _ kept: [Int], _ chunks: [Chunk], _ sources: [SourceFile],
    _ options: LoadOptions
  ) -> [[Int: ColumnBuilder]] {
    var columnsByChunk: [Int: [Int]] = [:]
    for (column, decision) in decisions.enumerated() {
      for chunk in decision.chunksToReread { columnsByChunk[chunk, default: []].append(column) }
    }
    let work = columnsByChunk.sorted { $0.key < $1.key }
    let builders = parallelMap(work) { chunk, columns in
      ChunkReader.readText(
        chunks[chunk], of: sources[chunks[chunk].file], columns: columns.map { kept[$0] },
        options: options)
    }
    var rereads = [[Int: ColumnBuilder]](repeating: [:], count: decisions.count)
    for ((chunk, columns), found) in zip(work, builders) {
      for (index, column) in columns.enumerated() { rereads[column][chunk] = found.take(index) }
    }
    return rereads
  }

  /// `transform` applied to every item on as many threads as there are cores, in order.
  static func parallelMap<Item, Output>(
    _ items: [Item], _ transform: (Item) -> Output
  ) -> [Output] {
    if items.count <= 1 { return items.map(transform) }
    let outputs = UnsafeMutableBufferPointer<Output?>.allocate(capacity: items.count)
    outputs.initialize(repeating: nil)
    defer { outputs.deallocate() }
    let target = SendablePointer(outputs.baseAddress)
    withoutActuallyEscaping(transform) { transform in
      let work = UncheckedSendable(value: (items, transform))
      DispatchQueue.concurrentPerform(iterations: items.count) { index in
        let (items, transform) = work.value
        target.pointer?[index] = transform(items[index])
      }
    }
    // Every index ran exactly once, so every output is set.
    let results = outputs.compactMap { $0 }
    _ = outputs.deinitialize()
    return results
  }
}

/// A value handed to worker threads that only read it (or call it) concurrently.
struct UncheckedSendable<Value>: @unchecked Sendable {
  let value: Value
}
