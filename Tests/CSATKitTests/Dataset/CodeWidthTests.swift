import Foundation
import Testing

@testable import CSATKit

@Suite("text codes at the width the dictionary needs")
struct CodeWidthTests {
  /// A file with `entries` dictionary entries in its `name` column: the blank (one blank
  /// row) and the values v1 … v(entries − 1), each once, the last one twice at the end.
  func file(entries: Int) -> String {
    var text = "id,name\n"
    for value in 1..<entries { text += "\(value),v\(value)\n" }
    text += "\(entries),\n"
    text += "\(entries + 1),v\(entries - 1)\n"
    return text
  }

  func names(_ dataset: Dataset) throws -> TextColumn {
    guard case .text(let names) = try dataset.column("name").data else {
      Issue.record("name is not text")
      throw CancellationError()
    }
    return names
  }

  /// The counts a few queries give; the same on a loaded file and on its snapshot.
  func answers(_ dataset: Dataset, entries: Int) -> String {
    let last = entries - 1
    return Fixtures.run(
      """
      count where name = "v\(last)"; count where name is missing; count by name where \
      name = "v1"; count by name where not (name = "v\(last)") and id >= \(last - 1)
      """, dataset: dataset
    ).output
  }

  @Test(arguments: [
    (255, CodeWidth.byte), (256, .byte), (257, .short), (65_535, .short), (65_536, .short),
    (65_537, .word),
  ])
  func widthFollowsTheDictionary(entries: Int, width: CodeWidth) throws {
    let dataset = try loadCSV(file(entries: entries)).dataset
    let names = try names(dataset)
    // The blank plus v1 … v(entries − 1).
    #expect(names.dictionary.count == entries)
    #expect(names.codes.width == width)
    #expect(names.codes.count == entries + 1)
    // Codes in order of first appearance: row i (0-based) below entries − 1 is v(i + 1), with
    // code i + 1; then the blank (code 0) and v(entries − 1) again (code entries − 1).
    let expected = (1..<entries).map { UInt32($0) } + [0, UInt32(entries - 1)]
    #expect(names.codes.widened == expected)
    let last = entries - 1
    // v(last) is on two rows, the blank on one, v1 on one; the rows with id ≥ last − 1 are
    // v(last − 1), v(last), the blank (id entries) and v(last) again: without v(last) two
    // rows are left, v(last − 1) and the blank (`not` of a false test on a blank is true,
    // grammar.md).
    let expectedAnswers = """
      count
      2
      count
      1
      name,count
      v1,1
      name,count
      v\(last - 1),1
      ,1

      """
    #expect(answers(dataset, entries: entries) == expectedAnswers)

    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("csat-width-\(UUID().uuidString).csatdb").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Snapshot.write(dataset, to: path)
    let copy = try Snapshot.read(path: path)
    let copied = try self.names(copy)
    #expect(copied.codes == names.codes)
    #expect(copied.dictionary == names.dictionary)
    #expect(answers(copy, entries: entries) == expectedAnswers)
  }

  @Test func chunksOfByteCodesJoinIntoTwoByteCodes() throws {
    // The first half names x0 … x199, the second y0 … y99: each chunk's codes fit a byte,
    // the column's 1 + 200 + 100 = 301 entries need two bytes.
    let (text, expected) = twoChunkNames(half: 200_000) { row, half in
      row < half ? "x\(row % 200)" : "y\(row % 100)"
    }
    let dataset = try loadCSV(text).dataset
    let names = try names(dataset)
    #expect(names.dictionary.count == 301)
    #expect(names.codes.width == .short)
    #expect(try dataset.texts("name") == expected)
  }

  @Test func fourByteCodesNarrowToTheDictionary() {
    // 3 entries fit a byte, 300 two bytes, 70,000 four.
    #expect(TextCodes([0, 2, 1], entries: 3) == .byte([0, 2, 1]))
    #expect(TextCodes([299, 0], entries: 300) == .short([299, 0]))
    #expect(TextCodes([69_999, 0], entries: 70_000) == .word([69_999, 0]))
    let column = TextColumn(codes: [2, 0, 2], dictionary: ["", "a", "b"])
    // Rows 0 and 2 hold b (code 2), row 1 the blank: counts per code 1, 0, 2.
    #expect(column.codes.histogram(entries: 3) == [1, 0, 2])
    #expect(column.codes.count(of: 2) == 2)
    #expect(column.codes.largest == 2)
    #expect(column.codes.gather([2, 1], through: ["-", "A", "B"]) == ["B", "-"])
  }

  @Test func aSnapshotOfAnOlderCsatAsksToBeSavedAgain() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("csat-old-\(UUID().uuidString).csatdb").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Snapshot.write(Fixtures.responses(), to: path)
    var data = try #require(FileManager.default.contents(atPath: path))
    // The first format's magic; the codes after it are laid out as this version writes.
    data.replaceSubrange(0..<8, with: Array("CSATDB01".utf8))
    try data.write(to: URL(fileURLWithPath: path))
    #expect(Snapshot.isSnapshot(path: path))
    let error = #expect(throws: DataError.self) { try Snapshot.read(path: path) }
    #expect(error?.message == "saved by an older csat; load its CSV and save it again")
  }
}

@Suite("counting codes")
struct CodeCountTests {
  @Test func countsOfOneCodeMatchAFilter() {
    var generator = SystemRandomNumberGenerator()
    // Past 4,080 codes the byte lanes are summed more than once.
    for count in [0, 15, 16, 17, 4_079, 4_080, 4_097, 70_000] {
      // Mostly one code, so that its byte lanes fill up between sums.
      let codes = (0..<count).map { _ in
        Int.random(in: 0..<10, using: &generator) == 0
          ? UInt32.random(in: 0...5, using: &generator) : 0
      }
      for (entries, wanted) in [(6, UInt32(0)), (6, 3), (300, 0), (70_000, 5)] {
        let stored = TextCodes(codes, entries: entries)
        #expect(stored.count(of: wanted) == codes.filter { $0 == wanted }.count)
      }
    }
  }
}
