import Foundation
import Testing

@testable import CSATKit

@Suite("several files")
struct MultiFileTests {
  @Test func filesWithTheSameHeaderAreAppended() throws {
    let folder = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let first = folder.appendingPathComponent("a.csv").path
    let second = folder.appendingPathComponent("b.csv").path
    try "id,score\n1,4\n2,5\n".write(toFile: first, atomically: true, encoding: .utf8)
    // Trimmed names match; the second file uses semicolons and has a text value in `id`.
    try " id ; score\r\nx;NA\r\n".write(toFile: second, atomically: true, encoding: .utf8)

    let result = try DatasetLoader.load(paths: [first, second], options: LoadOptions())
    #expect(result.dataset.rowCount == 3)
    #expect(result.dataset.sources == [first, second])
    // Types are inferred over both files: `id` is text because of "x".
    #expect(try result.dataset.texts("id") == ["1", "2", "x"])
    #expect(sameNumbers(try result.dataset.numbers("score"), [4, 5, .nan]))
  }

  @Test func anAmbiguousDateWarningNamesTheFileWithTheDates() throws {
    let folder = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let first = folder.appendingPathComponent("a.csv").path
    let second = folder.appendingPathComponent("b.csv").path
    // ISO dates in the first file; 03/04/2026 (day or month first) only in the second.
    try "id,date\n1,2026-01-01\n".write(toFile: first, atomically: true, encoding: .utf8)
    try "id,date\n2,03/04/2026\n".write(toFile: second, atomically: true, encoding: .utf8)

    let result = try DatasetLoader.load(paths: [first, second], options: LoadOptions())
    let dates = result.warnings.filter { $0.message.contains("dates like 3/4/2026") }
    #expect(dates.map(\.file) == [second])
  }

  @Test func mismatchedHeadersNameBothFilesAndTheColumn() throws {
    let folder = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let first = folder.appendingPathComponent("a.csv").path
    let second = folder.appendingPathComponent("b.csv").path
    try "id,score,rep\n1,4,x\n".write(toFile: first, atomically: true, encoding: .utf8)
    try "id,csat,rep\n2,5,y\n".write(toFile: second, atomically: true, encoding: .utf8)

    #expect {
      try DatasetLoader.load(paths: [first, second], options: LoadOptions())
    } throws: { error in
      guard let error = error as? DataError else { return false }
      return error.file == second && error.message.contains(first)
        && error.message.contains("column 2") && error.message.contains("'csat'")
        && error.message.contains("'score'")
    }
  }

  @Test func missingFileIsADataError() {
    #expect(throws: DataError.self) {
      try DatasetLoader.load(paths: ["/tmp/csat-no-such-file.csv"], options: LoadOptions())
    }
  }
}

@Suite("chunks read in parallel")
struct ChunkTests {
  /// A file of `rows` records, each with a quoted comment holding a line break and a comma.
  static func bigFile(rows: Int, strayQuoteAt: Int? = nil) -> [UInt8] {
    var text = "id,comment,flag\n"
    for row in 1...rows {
      let comment = row == strayQuoteAt ? "5 \"inch screen" : "\"line one, \(row % 97)\nline two\""
      text += "\(row),\(comment),\(row % 3 == 0 ? "true" : "false")\n"
    }
    return Array(text.utf8)
  }

  @Test func largeFilesSplitAndJoinInOrder() throws {
    // About 35 bytes a row: 12 MB, so three chunks of at least 4 MB.
    let rows = 360_000
    let bytes = Self.bigFile(rows: rows)
    let buffer = bytes.withUnsafeBytes { ByteBuffer(copying: $0) }
    let plan = ChunkPlanner.plan(
      buffer, file: 0, from: 16, parts: 4, delimiter: 0x2C, fieldCount: 3)
    #expect(plan.count > 1)

    let result = try loadBytes(bytes)
    #expect(result.dataset.rowCount == rows)
    let ids = try result.dataset.numbers("id")
    // 1 + 2 + … + n = n(n + 1) / 2 = 360,000 × 360,001 / 2.
    #expect(ids.reduce(0, +) == 64_800_180_000)
    #expect(ids == ids.sorted())
    // 97 distinct comments (row % 97) plus the blank code.
    guard case .text(let comments) = try result.dataset.column("comment").data else {
      Issue.record("comment is not text")
      return
    }
    #expect(comments.dictionary.count == 98)
    // Every third row is true: 360,000 / 3 = 120,000.
    #expect(try result.dataset.booleans("flag").filter { $0 == 1 }.count == 120_000)
  }

  @Test func plannedChunksStartAtRecords() throws {
    // Record n starts right after the line feed that ends "line two\",true" or "…,false".
    let bytes = Self.bigFile(rows: 360_000)
    let buffer = bytes.withUnsafeBytes { ByteBuffer(copying: $0) }
    let plan = ChunkPlanner.plan(
      buffer, file: 0, from: 16, parts: 4, delimiter: 0x2C, fieldCount: 3)
    #expect(plan.count == 3)
    for chunk in plan.dropFirst() {
      let before = String(decoding: bytes[(chunk.start - 5)..<chunk.start], as: UTF8.self)
      #expect(before == "true\n" || before == "alse\n", "chunk at \(chunk.start)")
    }
  }

  @Test func aGuessInsideAQuotedFieldFallsBackToReadingInOrder() throws {
    // Row 2's note is one quoted field of 300,000 lines that look like records, 4.2 MB,
    // so the planner's guess for the second chunk lands inside it; rows 1 and 3–200,002
    // are plain, 42 bytes or so each, for a file of about 12 MB.
    let inner = String(repeating: "9,fake,true\n", count: 300_000)
    var text = "id,note,flag\n1,plain,false\n2,\"\(inner)\",true\n"
    for row in 3...200_002 { text += "\(row),a plain note of some length,false\n" }
    let result = try loadCSV(text)
    #expect(result.dataset.rowCount == 200_002)
    // Text is trimmed, the final line feed included.
    #expect(try result.dataset.texts("note")[1] == String(inner.dropLast()))
    // 1 + 2 + … + 200,002 = 200,002 × 200,003 / 2.
    #expect(try result.dataset.numbers("id").reduce(0, +) == 20_000_500_003)
  }

  @Test func aStrayQuoteFallsBackToReadingInOrder() throws {
    // A quote inside an unquoted field flips the quote parity the planner relies on.
    let rows = 360_000
    let result = try loadBytes(Self.bigFile(rows: rows, strayQuoteAt: 10))
    #expect(result.dataset.rowCount == rows)
    #expect(try result.dataset.numbers("id").reduce(0, +) == 64_800_180_000)
    #expect(try result.dataset.texts("comment")[9] == "5 \"inch screen")
  }
}
