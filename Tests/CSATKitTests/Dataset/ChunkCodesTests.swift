import Testing

@testable import CSATKit

@Suite("chunk text codes, one byte each until a code needs more")
struct ChunkCodesTests {
  @Test func codesUpTo255StayOneByteAndCode256Widens() {
    var codes = ChunkCodes()
    defer { codes.release() }
    codes.reserve(4)
    // Codes 0, 1, …, 255 are the 256 values a byte holds.
    for code in UInt32(0)...255 { codes.append(code) }
    #expect(!codes.isWide)
    #expect(codes.count == 256)
    codes.append(256)
    #expect(codes.isWide)
    // 256 codes before the widening plus code 256 itself: 257 rows, row i holding code i.
    #expect(codes.count == 257)
    #expect((0..<257).allSatisfy { codes.code(at: $0) == UInt32($0) })
    codes.append(3)
    #expect(codes.code(at: 257) == 3)
  }

  @Test func repeatedCodesWidenWhenTheyDoNotFit() {
    var codes = ChunkCodes()
    defer { codes.release() }
    codes.append(repeating: 0, count: 3)
    #expect(!codes.isWide)
    codes.append(repeating: 70_000, count: 2)
    #expect(codes.isWide)
    // Three blanks, then code 70,000 twice.
    #expect((0..<5).map { codes.code(at: $0) } == [0, 0, 0, 70_000, 70_000])
  }

  /// `rows` appended as codes, then taken at width `Code` through `table` when given.
  private func taken<Code: FixedWidthInteger & UnsignedInteger & BitwiseCopyable>(
    _ rows: [UInt32], as width: Code.Type, through table: [UInt32]?
  ) -> [UInt32] {
    var codes = ChunkCodes()
    defer { codes.release() }
    for code in rows { codes.append(code) }
    var buffer =
      table.map { table in
        table.withUnsafeBufferPointer { codes.take(as: Code.self, through: $0) }
      } ?? codes.take(as: Code.self, through: nil)
    defer { buffer.release() }
    #expect(codes.count == 0)
    return (0..<buffer.count).map { UInt32(buffer.pointer[$0]) }
  }

  @Test func takingMapsEveryRowThroughTheTableAtAnyWidth() {
    // The table sends code c to 10 × c + 7 (0 → 7, 1 → 17, 2 → 27, 300 → 3007).
    let table = (0...300).map { UInt32($0 * 10 + 7) }
    let narrow: [UInt32] = [2, 1, 0, 2]
    let wide: [UInt32] = [2, 300, 0, 2]
    // Byte codes in place, and copied to two and four bytes.
    #expect(taken(narrow, as: UInt8.self, through: nil) == narrow)
    #expect(taken(narrow, as: UInt8.self, through: Array(table.prefix(25))) == [27, 17, 7, 27])
    #expect(taken(narrow, as: UInt16.self, through: table) == [27, 17, 7, 27])
    #expect(taken(narrow, as: UInt32.self, through: nil) == narrow)
    // Four-byte codes in place, and copied to two bytes.
    #expect(taken(wide, as: UInt32.self, through: table) == [27, 3007, 7, 27])
    #expect(taken(wide, as: UInt16.self, through: table) == [27, 3007, 7, 27])
    #expect(taken(wide, as: UInt16.self, through: nil) == wide)
  }

  /// Loads a one-column file whose rows hold `values` (blank for ""), then checks that
  /// every row reads back as written.
  private func roundTrip(_ values: [String]) throws {
    let text = "name\n" + values.map { $0.isEmpty ? "\"\"" : $0 }.joined(separator: "\n") + "\n"
    let result = try loadCSV(text)
    #expect(result.dataset.rowCount == values.count)
    #expect(try result.dataset.texts("name") == values)
  }

  @Test(arguments: [255, 256, 257, 65_535, 65_536])
  func columnsWithAboutAByteOfValuesReadBack(distinct: Int) throws {
    // Two blank rows first (code 0), then each value v1 … vN once and again in reverse:
    // N distinct values take codes 1 … N, so 255 fit in a byte and 256 do not.
    let values = (1...distinct).map { "v\($0)" }
    try roundTrip(["", ""] + values + values.reversed())
  }

  @Test func chunksOfDifferentWidthsJoin() throws {
    // 400,000 rows of about 45 bytes (18 MB), so the file is read in two chunks or more:
    // the first half has 10 distinct tags, which fit in a byte, and the second half
    // 5,000, which do not.
    let half = 200_000
    let tags = (0..<2 * half).map { row in row < half ? "few-\(row % 10)" : "many-\(row % 5000)" }
    let pad = "a note that makes the rows longer"
    let text =
      "id,tag,note\n" + tags.enumerated().map { "\($0 + 1),\($1),\(pad)" }.joined(separator: "\n")
    let bytes = Array((text + "\n").utf8)
    let buffer = bytes.withUnsafeBytes { ByteBuffer(copying: $0) }
    let plan = ChunkPlanner.plan(
      buffer, file: 0, from: 12, parts: 2, delimiter: 0x2C, fieldCount: 3)
    #expect(plan.count == 2)
    let result = try loadBytes(bytes)
    #expect(try result.dataset.texts("tag") == tags)
    guard case .text(let column) = try result.dataset.column("tag").data else {
      Issue.record("tag is not text")
      return
    }
    // 10 + 5,000 distinct tags plus the blank.
    #expect(column.dictionary.count == 5011)
  }
}

@Suite("joining chunk dictionaries")
struct ChunkJoinTests {
  /// A file of 2 × `half` rows of about 45 bytes (18 MB, so two chunks or more) whose
  /// `name` column holds `first` in the first half and `second` in the second.
  private func twoHalves(_ first: String, _ second: String, half: Int = 200_000) -> [UInt8] {
    let pad = "a note that makes the rows longer"
    var text = "id,name,note\n"
    for row in 0..<2 * half { text += "\(row + 1),\(row < half ? first : second),\(pad)\n" }
    return Array(text.utf8)
  }

  @Test(arguments: [("cafe\u{301}", "caf\u{E9}"), ("caf\u{E9}", "cafe\u{301}")])
  func canonicallyEquivalentSpellingsInDifferentChunksShareOneValue(
    first: String, second: String
  ) throws {
    // Whichever spelling comes first (the decomposed one stops the first chunk's dictionary
    // from becoming the column's), both are one value, written precomposed (NFC).
    let bytes = twoHalves(first, second)
    let buffer = bytes.withUnsafeBytes { ByteBuffer(copying: $0) }
    #expect(
      ChunkPlanner.plan(buffer, file: 0, from: 13, parts: 2, delimiter: 0x2C, fieldCount: 3).count
        == 2)
    let result = try loadBytes(bytes)
    guard case .text(let names) = try result.dataset.column("name").data else {
      Issue.record("name is not text")
      return
    }
    // The blank and "café".
    #expect(names.dictionary == ["", "caf\u{E9}"])
    #expect(names.codes.widened.allSatisfy { $0 == 1 })
  }

  @Test func valuesOfLaterChunksJoinTheFirstChunksCodes() throws {
    // The first half names "x0" … "x9" (codes 1–10 in order of first appearance), the second
    // "x5" … "x14": the 5 new ones, x10 … x14, take codes 11–15.
    let (text, expected) = twoChunkNames(half: 200_000) { row, half in
      row < half ? "x\(row % 10)" : "x\(5 + row % 10)"
    }
    let result = try loadCSV(text)
    #expect(try result.dataset.texts("name") == expected)
    guard case .text(let names) = try result.dataset.column("name").data else {
      Issue.record("name is not text")
      return
    }
    #expect(names.dictionary == [""] + (0..<15).map { "x\($0)" })
  }
}
