import Foundation
import Testing

@testable import CSATKit

@Suite("threads sharing a load's chunks")
struct ChunkSharingTests {
  /// `rows` records `id,note,flag` of about 40 bytes, each note quoted with a comma, a
  /// doubled quote, and on every seventh row a line break; record `i` has id `i`.
  private func records(_ rows: Int) -> [UInt8] {
    var text = "id,note,flag\n"
    for row in 1...rows {
      let note = row % 7 == 0 ? "line one\nline \(row % 11)" : "a \"\"note\"\", \(row % 13)"
      text += "\(row),\"\(note)\",\(row % 3 == 0 ? "true" : "false")\n"
    }
    return Array(text.utf8)
  }

  /// Reads `bytes` as one chunk while, at every report of the reader's position, an idle
  /// thread asks the pool for work: the most a thief can take, as early as it can take it.
  /// The pieces taken are read the same way, one after another. The reports and the pieces
  /// handed out, in the order they came, and the results.
  private func readWithThieves(_ bytes: [UInt8], _ sharing: ChunkSharing) throws -> (
    reports: [(chunk: Int, position: Int)], handedOut: [(number: Int, chunk: Chunk)],
    results: [ChunkResult]
  ) {
    let buffer = bytes.withUnsafeBytes { ByteBuffer(copying: $0) }
    let layout = try CSVLayout.read(buffer, file: "test.csv")
    let source = SourceFile(name: "test.csv", buffer: buffer, layout: layout)
    let whole = Chunk(file: 0, start: layout.dataStart, end: buffer.count)
    let pool = ChunkPool([whole], [source], sharing: sharing)
    var reports: [(chunk: Int, position: Int)] = []
    var options = LoadOptions()
    options.sharing = sharing
    var handedOut = [try #require(pool.next())]
    var waiting = handedOut
    while !waiting.isEmpty {
      let (number, chunk) = waiting.removeFirst()
      let result = ChunkReader.read(chunk, of: source, kept: [0, 1, 2], options: options) {
        position in
        _ = pool.advance(number, to: position)
        reports.append((number, position))
        if let piece = pool.next() {
          handedOut.append(piece)
          waiting.append(piece)
        }
        return pool.advance(number, to: position)
      }
      pool.finish(number, with: result)
    }
    return (reports, handedOut, pool.take())
  }

  @Test func piecesTakenFromChunksBeingReadMeetAndHoldEveryRecordOnce() throws {
    let rows = 20_000
    let bytes = records(rows)
    // About 800 KB: steps of 4 KB, pieces of at least 16 KB left.
    let sharing = ChunkSharing(workers: 2, stepBytes: 4096, minimumStealBytes: 16_384)
    let (_, handedOut, results) = try readWithThieves(bytes, sharing)
    #expect(handedOut.count > 10, "only \(handedOut.count) chunks were handed out")
    #expect(results.count == handedOut.count)

    // Each piece starts at a record: after a line feed that ends "true" or "false".
    for (_, piece) in handedOut.dropFirst() {
      let before = String(decoding: bytes[(piece.start - 5)..<piece.start], as: UTF8.self)
      #expect(before == "true\n" || before == "alse\n", "piece at \(piece.start)")
    }
    // In file order the chunks meet: each ends where the next starts, and its reader
    // stopped exactly there.
    for (left, right) in zip(results, results.dropFirst()) {
      #expect(left.chunk.end == right.chunk.start)
      #expect(left.endPosition == right.chunk.start)
      #expect(left.failure == nil)
    }
    #expect(results.map(\.rowCount).reduce(0, +) == rows)
    var ids: [Double] = []
    for result in results {
      var builder = result.columns.take(0)
      var values = builder.numbers.take(as: Double.self)
      ids += (0..<values.count).map { values.pointer[$0] }
      values.release()
      builder.release()
    }
    #expect(ids == (1...rows).map(Double.init))
  }

  @Test func nothingIsTakenWhenTooLittleIsLeft() throws {
    let bytes = records(2_000)
    // About 80 KB, less than the smallest piece worth taking.
    let sharing = ChunkSharing(workers: 2, stepBytes: 4096, minimumStealBytes: 1 << 20)
    let (reports, handedOut, results) = try readWithThieves(bytes, sharing)
    #expect(handedOut.count == 1)
    #expect(results.count == 1)
    #expect(results.first?.rowCount == 2_000)
    // The reader still reported its position at every step.
    #expect(reports.count >= bytes.count / 4096)
  }

  @Test(arguments: [2, 3, 5])
  func aLoadReadByThreadsTakingPiecesEqualsOneReadInOrder(workers: Int) throws {
    // About 9 MB of generated responses: timestamps, numbers, booleans, coded text, and
    // comments with quotes, commas and line breaks.
    let bytes = try ResponseGenerator(options: GeneratorOptions(rows: 60_000, seed: 7)).makeCSV()
    let expected = try loadBytes(bytes, options: sharing(workers: 1)).dataset
    let found = try loadBytes(bytes, options: sharing(workers: workers)).dataset
    #expect(found.rowCount == 60_000)
    try expectSame(found, expected)
  }

  @Test func twoFilesReadByThreadsTakingPiecesEqualTheirRowsInOrder() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    var paths: [String] = []
    for seed in [3, 4] as [UInt64] {
      let url = directory.appendingPathComponent("responses-\(seed).csv")
      let options = try GeneratorOptions(rows: 30_000, seed: seed)
      try Data(ResponseGenerator(options: options).makeCSV()).write(to: url)
      paths.append(url.path)
    }
    let expected = try DatasetLoader.load(paths: paths, options: sharing(workers: 1)).dataset
    let found = try DatasetLoader.load(paths: paths, options: sharing(workers: 3)).dataset
    #expect(found.rowCount == 60_000)
    try expectSame(found, expected)
  }

  /// Load options with `workers` threads that take pieces of 32 KB or more, in steps of 8 KB.
  private func sharing(workers: Int) -> LoadOptions {
    var options = LoadOptions()
    options.sharing = ChunkSharing(workers: workers, stepBytes: 8192, minimumStealBytes: 32_768)
    return options
  }

  /// Checks that `found` has the rows and columns of `expected`, value for value.
  private func expectSame(_ found: Dataset, _ expected: Dataset) throws {
    #expect(found.rowCount == expected.rowCount)
    #expect(found.columns.map(\.name) == expected.columns.map(\.name))
    for column in expected.columns {
      let name = column.name
      switch column.data {
      case .number: #expect(sameNumbers(try found.numbers(name), try expected.numbers(name)))
      case .timestamp: #expect(try found.timestamps(name) == expected.timestamps(name))
      case .boolean: #expect(try found.booleans(name) == expected.booleans(name))
      case .text: #expect(try found.texts(name) == expected.texts(name))
      }
    }
  }
}
