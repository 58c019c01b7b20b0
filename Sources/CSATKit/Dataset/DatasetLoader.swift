import Dispatch
import Foundation

/// Reads CSV survey exports into a columnar ``Dataset``.
///
/// The path of one load:
/// 1. each file is read whole into memory (``ByteBuffer``) and its header and delimiter
///    are found (``CSVLayout``); several files must share one header;
/// 2. each file is cut into chunks of whole records (``ChunkPlanner``) that threads read
///    at the same time, guessing each column's type from its values (``ChunkReader``,
///    ``ColumnBuilder``); a thread out of work takes half of what is left of a chunk still
///    being read (``ChunkPool``);
/// 3. the chunks' guesses are joined into one type per column and the columns are built
///    (``ColumnMerger``); the roles are found last (``RoleDetection``).
///
/// A chunk keeps its values as narrow as they allow (``ChunkCodes``, ``ChunkNumbers``), and
/// in the form the column keeps, so that the merge takes the chunks' buffers over rather
/// than copying them (``ColumnValues``): on a machine where fresh pages are slow to fault
/// in, the bytes a load touches cost as much as the work on them. The first chunk's
/// dictionaries become the columns' own.
///
/// Where a load's time goes (the benchmark's file, 2 cores): reading the records, about
/// 2,070 instructions a row (callgrind, 1M rows), half of them for the seven text columns
/// looked up in dictionaries; and a quarter of the CPU time in the system, faulting in the
/// memory the columns take (0.59 GiB at 10M rows) and the file's pages.
public enum DatasetLoader {
  /// Loads the files at `paths` into one dataset, appending their rows in order.
  public static func load(paths: [String], options: LoadOptions) throws -> LoadResult {
    let started = DispatchTime.now()
    guard !paths.isEmpty else {
      throw DataError(file: "csat", message: "no file to load: expected at least one CSV file")
    }
    var sources: [SourceFile] = []
    for path in paths {
      let buffer = try ByteBuffer.read(path: path)
      sources.append(
        SourceFile(name: path, buffer: buffer, layout: try CSVLayout.read(buffer, file: path)))
    }
    return try load(sources, options: options, started: started)
  }

  /// Loads CSV text held in memory; `name` stands for the file in messages.
  public static func load(csv bytes: [UInt8], name: String, options: LoadOptions) throws
    -> LoadResult
  {
    let started = DispatchTime.now()
    let buffer = bytes.withUnsafeBytes { ByteBuffer(copying: $0) }
    let source = SourceFile(
      name: name, buffer: buffer, layout: try CSVLayout.read(buffer, file: name))
    return try load([source], options: options, started: started)
  }

  private static func load(
    _ sources: [SourceFile], options: LoadOptions, started: DispatchTime
  ) throws -> LoadResult {
    try checkHeadersMatch(sources)
    var warnings = sources.flatMap(\.layout.warnings)
    let planned = sources.enumerated().flatMap { index, source in
      ChunkPlanner.plan(
        source.buffer, file: index, from: source.layout.dataStart,
        parts: options.sharing.workers, delimiter: source.layout.delimiter,
        fieldCount: source.layout.names.count)
    }
    options.progress?.setTotal(planned.reduce(0) { $0 + $1.end - $1.start })
    let kept = options.keptColumns(of: sources[0].layout.names)
    var results = readChunks(planned, sources, kept, options)
    let finalChunks = results.map(\.chunk)
    if results.contains(where: \.cancelled) { throw LoadInterrupted() }
    warnings += try reportRows(finalChunks, results, sources)

    let names = kept.map { sources[0].layout.names[$0] }
    let decisions = names.indices.map { column in
      ColumnMerger.decide(
        column: column, name: names[column], results: results, options: options,
        warnings: &warnings, file: dateFile(column, finalChunks, results, sources))
    }
    warnings += nonDateWarnings(decisions, names, results, finalChunks, sources)
    let rereads = rereadAsText(decisions, kept, finalChunks, sources, options)
    let rowCounts = results.map(\.rowCount)
    let linesConsumed = results.map(\.linesConsumed)
    // One list of builders per column, so that columns can be built on separate threads.
    let partsByColumn = names.indices.map { column in results.map { $0.columns.take(column) } }
    results.removeAll()
    // Each column's summary is taken while its values are still in the cache.
    let built = parallelMap(Array(names.indices)) { column in
      var invalidRows: [Int: Int] = [:]
      var parts = partsByColumn[column]
      var reread = rereads[column]
      let data = ColumnMerger.build(
        parts: &parts, rowCounts: rowCounts, decision: decisions[column], rereads: &reread,
        timeZone: options.timeZone, invalidRows: &invalidRows)
      let built = Column(name: names[column], data: data)
      return (built, ColumnSummary(built), invalidRows, parts + reread.values)
    }
    warnings += invalidTextWarnings(built.map(\.2), finalChunks, linesConsumed, sources)

    let rowCount = rowCounts.reduce(0, +)
    let summaries = built.map(\.1)
    var dataset = Dataset(
      columns: built.map(\.0), rowCount: rowCount, roles: Roles(), sources: sources.map(\.name))
    dataset.roles = RoleDetection.detect(in: dataset, fixed: Roles(), summaries: summaries)
    try dataset.applyRoleOverrides(options)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
    // Warnings come from several steps: give them in file order, by line within a file.
    let fileOrder = Dictionary(
      sources.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    let ordered = warnings.enumerated().sorted { left, right in
      let leftKey = (fileOrder[left.element.file] ?? 0, left.element.line ?? Int.max)
      let rightKey = (fileOrder[right.element.file] ?? 0, right.element.line ?? Int.max)
      return leftKey != rightKey ? leftKey < rightKey : left.offset < right.offset
    }.map(\.element)
    var result = LoadResult(dataset: dataset, warnings: ordered, seconds: seconds)
    result.summaries = summaries
    result.spent = SpentBuffers(built.flatMap(\.3))
    return result
  }

  /// Appending needs the same trimmed names in the same order in every file.
  private static func checkHeadersMatch(_ sources: [SourceFile]) throws {
    guard let first = sources.first else { return }
    let expected = first.layout.writtenNames
    for source in sources.dropFirst() {
      let names = source.layout.writtenNames
      guard names != expected else { continue }
      let shared = min(names.count, expected.count)
      let position = (0..<shared).first { names[$0] != expected[$0] } ?? shared
      let here = position < names.count ? "'\(names[position])'" : "missing"
      let there = position < expected.count ? "'\(expected[position])'" : "missing"
      throw DataError(
        file: source.name, line: 1,
        message: "header does not match \(first.name): column \(position + 1) is \(here) here "
          + "but \(there) in \(first.name); files are appended only when their headers match")
    }
  }

  /// Reads all chunks in parallel, then checks that each chunk began where the one before
  /// ended; from the first that did not, the rest of that file is read again in one piece.
  /// The chunks read (each result's `chunk`) may be more than those planned (``ChunkPool``).
  private static func readChunks(
    _ planned: [Chunk], _ sources: [SourceFile], _ kept: [Int], _ options: LoadOptions
  ) -> [ChunkResult] {
    var results = readShared(planned, sources, kept, options)
    // A cancelled chunk ends early: that is no sign of a bad split.
    if results.contains(where: \.cancelled) { return results }
    var index = 1
    while index < results.count {
      let chunk = results[index].chunk
      let previous = results[index - 1]
      if chunk.file == previous.chunk.file && previous.failure == nil
        && previous.endPosition != chunk.start
      {
        // A stray quote misled the planner: read the rest of this file in one piece.
        let sameFile = results[index...].prefix { $0.chunk.file == chunk.file }
        let end = sameFile.last?.chunk.end ?? chunk.end
        let remainder = Chunk(file: chunk.file, start: previous.endPosition, end: end)
        results.replaceSubrange(
          index..<index + sameFile.count,
          with: [ChunkReader.read(remainder, of: sources[chunk.file], kept: kept, options: options)]
        )
      }
      index += 1
    }
    return results
  }

  /// Reads `planned` on ``ChunkSharing/workers`` threads, each taking the next chunk or the
  /// rest of one still being read when it runs out (``ChunkPool``); what each chunk read
  /// produced, in file order.
  private static func readShared(
    _ planned: [Chunk], _ sources: [SourceFile], _ kept: [Int], _ options: LoadOptions
  ) -> [ChunkResult] {
    let sharing = options.sharing
    let pool = ChunkPool(planned, sources, sharing: sharing)
    let read = { @Sendable in
      while let (number, chunk) = pool.next() {
        let result = ChunkReader.read(
          chunk, of: sources[chunk.file], kept: kept, options: options,
          advance: { pool.advance(number, to: $0) })
        pool.finish(number, with: result)
        // The other threads stop at their next check too.
        if result.cancelled { break }
      }
    }
    if sharing.workers <= 1 {
      read()
    } else {
      DispatchQueue.concurrentPerform(iterations: sharing.workers) { _ in read() }
    }
    return pool.take()
  }
}
