import Foundation
import Testing

@testable import CSATKit

/// Text columns with more distinct values than a dictionary pays for while loading are kept
/// as bytes and coded when first read. Every expectation here is the values as written in
/// the file, normalised by Foundation where the loader normalises.
@Suite struct PlainTextTests {
  /// Rows enough for more distinct values than ``PlainText/distinctValuesForPlain`` even
  /// when a fifth of them are blank or repeats.
  static let many = PlainText.distinctValuesForPlain * 3 / 2

  /// Fails with the first row where `texts` and `expected` differ (not the whole arrays).
  private func expectSame(
    _ texts: [String], _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(texts.count == expected.count, sourceLocation: sourceLocation)
    let shared = min(texts.count, expected.count)
    if let row = (0..<shared).first(where: { texts[$0] != expected[$0] }) {
      Issue.record(
        "row \(row): \(texts[row].debugDescription) instead of \(expected[row].debugDescription)",
        sourceLocation: sourceLocation)
    }
  }

  /// Whether column `name` of `result` is still kept as bytes.
  private func isPlain(_ result: LoadResult, _ name: String) throws -> Bool {
    try !textColumn(result, name).isCoded
  }

  /// The text column of `result` called `name`.
  private func textColumn(_ result: LoadResult, _ name: String) throws -> TextColumn {
    guard case .text(let text) = try result.dataset.column(name).data else {
      Issue.record("column \(name) is not text")
      throw CancellationError()
    }
    return text
  }

  @Test func aColumnOfMostlyDistinctValuesIsCodedWhenFirstRead() throws {
    // Blanks, repeats, surrounding spaces and doubled quotes among distinct values.
    var expected: [String] = []
    var text = "id,customer\n"
    for row in 0..<Self.many {
      switch row % 7 {
      case 0:
        expected.append("")
        text += "\(row),\n"
      case 1:
        expected.append("repeat")
        text += "\(row),  repeat \n"
      case 2:
        expected.append("say \"hi\" \(row)")
        text += "\(row),\"say \"\"hi\"\" \(row)\"\n"
      default:
        expected.append("C-\(row)")
        text += "\(row),C-\(row)\n"
      }
    }
    let result = try loadCSV(text)
    let column = try textColumn(result, "customer")
    #expect(!column.isCoded)
    #expect(column.count == Self.many)
    let summary = ColumnSummary(try result.dataset.column("customer"))
    #expect(summary.presentCount == expected.filter { !$0.isEmpty }.count)
    #expect(summary.missingCount == expected.filter(\.isEmpty).count)
    #expect(summary.distinctCount == nil)
    let rendered = LoadSummary.render(result, timeZone: .utcZone)
    #expect(rendered.contains("customer text (over 8,192 values, not yet counted)"))

    expectSame(try result.dataset.texts("customer"), expected)
    #expect(column.isCoded)
    #expect(column.dictionary.count == Set(expected).count)
    #expect(column.dictionary[0] == "")
    #expect(
      ColumnSummary(try result.dataset.column("customer")).distinctCount
        == Set(expected).count - 1)
  }

  @Test func chunksThatKeptCodesJoinChunksThatKeptBytes() throws {
    // The first half repeats ten names, so its chunk keeps codes; the second half's are
    // all distinct, among them é written composed and decomposed, which must meet.
    let half = 100_000
    let (text, names) = twoChunkNames(half: half) { row, half in
      guard row >= half else { return "same-\(row % 10)" }
      if row % 1_000 == 0 { return "Cafe\u{301}-\(row % 3)" }
      if row % 1_000 == 1 { return "Caf\u{E9}-\(row % 3)" }
      return "many-\(row)"
    }
    let result = try loadCSV(text)
    #expect(try isPlain(result, "name"))
    let expected = names.map(\.precomposedStringWithCanonicalMapping)
    expectSame(try result.dataset.texts("name"), expected)
    let column = try textColumn(result, "name")
    #expect(column.dictionary.count == Set(expected).count + 1)
    #expect(result.warnings.isEmpty)
  }

  @Test func aChunkOfBlanksJoinsAChunkKeptAsBytes() throws {
    // The first half is blank, so its chunk has no bytes at all; the second is all distinct.
    let half = 100_000
    let (text, names) = twoChunkNames(half: half) { row, half in row < half ? "" : "id-\(row)" }
    let result = try loadCSV(text)
    #expect(try isPlain(result, "name"))
    expectSame(try result.dataset.texts("name"), names)
  }

  @Test func aColumnReadAgainAsTextMayBeKeptAsBytes() throws {
    // Numbers until the second chunk, whose values are text: the first chunk is read again
    // as text and has more distinct values than a dictionary pays for.
    let half = 100_000
    let (text, names) = twoChunkNames(half: half) { row, half in
      row < half ? "\(row * 7)" : "x\(row)"
    }
    let result = try loadCSV(text)
    #expect(try isPlain(result, "name"))
    expectSame(try result.dataset.texts("name"), names)
  }

  @Test func badBytesInAColumnKeptAsBytesWarnAtTheirLine() throws {
    var bytes = Array("id,comment\n".utf8)
    let badRow = Self.many - 10
    for row in 0..<Self.many {
      bytes += Array("\(row),note \(row)".utf8)
      if row == badRow { bytes.append(0xE9) }
      bytes.append(10)
    }
    let result = try loadBytes(bytes)
    #expect(try isPlain(result, "comment"))
    #expect(result.warnings.count == 1)
    // The header is line 1 and row 0 is line 2.
    #expect(result.warnings.first?.line == badRow + 2)
    #expect(result.warnings.first?.message.contains("not valid UTF-8") == true)
    let texts = try result.dataset.texts("comment")
    #expect(texts[badRow] == "note \(badRow)\u{FFFD}")
    #expect(texts[badRow + 1] == "note \(badRow + 1)")
  }

  @Test func aSnapshotKeepsAColumnLoadedAsBytes() throws {
    var text = "id,customer\n"
    var expected: [String] = []
    for row in 0..<Self.many {
      expected.append(row % 5 == 0 ? "" : "C-\(row % 90_000)")
      text += "\(row),\(expected[row])\n"
    }
    let result = try loadCSV(text)
    #expect(try isPlain(result, "customer"))
    let loaded = result.dataset
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("plain.csatdb").path
    try Snapshot.write(loaded, to: path)
    expectSame(try Snapshot.read(path: path).texts("customer"), expected)
  }

  @Test func partsKeepBlanksAndFindTheirFirstBadRow() {
    var part = PlainTextPart()
    defer { part.release() }
    let values: [[UInt8]] = [Array("ab".utf8), [], [0x63, 0xFF], Array("d".utf8)]
    part.appendBlanks(2)
    for value in values {
      // Values are read a word at a time: each is followed by readable padding.
      let padded = value + [UInt8](repeating: 0, count: TextInterner.slack)
      padded.withUnsafeBufferPointer { part.append($0.baseAddress.unsafelyUnwrapped, value.count) }
    }
    part.appendBlanks(1)
    #expect(part.count == 7)
    #expect(part.blanks == 4)
    #expect(part.value(0).length == 0)
    #expect(part.value(2).length == 2)
    #expect(part.value(5).length == 1)
    #expect(part.firstInvalidRow == 4)
  }

  @Test func partsGiveBackValuesOfEveryLengthAcrossRunsOfRows() {
    // Lengths 0 to 700 in a shuffled order over 1,000 rows (16 runs of 64 rows), so that
    // values of 255 bytes and more, whose lengths are kept aside, fall in most runs.
    var generator = SystemRandomNumberGenerator()
    let lengths = (0..<1_000).map { _ in Int.random(in: 0...700, using: &generator) }
    let values = lengths.enumerated().map { row, length in
      (0..<length).map { UInt8(truncatingIfNeeded: row &* 31 &+ $0 % 251) }
    }
    var part = PlainTextPart()
    defer { part.release() }
    part.appendBlanks(3)
    for value in values {
      let padded = value + [UInt8](repeating: 0, count: TextInterner.slack)
      padded.withUnsafeBufferPointer { part.append($0.baseAddress.unsafelyUnwrapped, value.count) }
    }
    let expected = [[UInt8]](repeating: [], count: 3) + values
    #expect(part.count == expected.count)
    #expect(part.blanks == expected.filter(\.isEmpty).count)
    func bytes(_ value: (start: UnsafePointer<UInt8>, length: Int)) -> [UInt8] {
      Array(UnsafeBufferPointer(start: value.start, count: value.length))
    }
    // Row by row, in a random order.
    for row in expected.indices.shuffled(using: &generator) {
      #expect(bytes(part.value(row)) == expected[row], "row \(row)")
    }
    // In order from any row, as the coding reads them.
    for first in [0, 1, 63, 64, 65, 500, expected.count - 1] {
      var cursor = PlainTextPart.Cursor(part, from: first)
      for row in first..<expected.count {
        #expect(bytes(cursor.next()) == expected[row], "row \(row) from \(first)")
      }
    }
  }
}

@Suite struct BackgroundCodingTests {
  @Test func aShellSessionCodesTextKeptAsBytesOnItsOwn() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("ids.csv").path
    var text = "id,customer\n"
    for row in 0..<PlainTextTests.many { text += "\(row),C-\(row)\n" }
    try text.write(toFile: path, atomically: true, encoding: .utf8)

    let session = Session(sink: OutputSink(result: { _ in }, message: { _ in }))
    session.codesTextInBackground = true
    #expect(session.load(paths: [path]))
    let dataset = try #require(session.catalog?.dataset)
    guard case .text(let column) = try dataset.column("customer").data else {
      Issue.record("customer is not text")
      return
    }
    // No query reads the column: only the background thread can code it. Wait for it for
    // up to a minute (a slow machine), checking often.
    var waited = 0
    while !column.isCoded && waited < 60_000 {
      usleep(10_000)
      waited += 10
    }
    #expect(column.isCoded)
    #expect(column.dictionary.count == PlainTextTests.many + 1)
  }
}

@Suite struct PlainTextEncodingTests {
  @Test func aCharacterSplitAcrossTwoRowsIsBadInBoth() throws {
    // Row 0 ends with the first byte of é (0xC3) and row 1 starts with its second (0xA9):
    // joined they would spell é, but each value on its own is not UTF-8.
    var bytes = Array("id\n".utf8) + Array("a".utf8) + [0xC3, 10] + [0xA9] + Array("b\n".utf8)
    for row in 2..<PlainTextTests.many { bytes += Array("v\(row)\n".utf8) }
    let result = try loadBytes(bytes)
    guard case .text(let column) = try result.dataset.column("id").data else {
      Issue.record("id is not text")
      return
    }
    #expect(!column.isCoded)
    #expect(result.warnings.count == 1)
    #expect(result.warnings.first?.line == 2)
    #expect(Array(try result.dataset.texts("id").prefix(2)) == ["a\u{FFFD}", "\u{FFFD}b"])
  }

  @Test func theFirstBadRowIsTheOneFoundValueByValue() {
    // Random values from pieces that join into valid characters across rows: each part's
    // answer must be the first row that Foundation's own UTF-8 check rejects.
    let pieces: [[UInt8]] = [
      Array("ab".utf8), Array("é".utf8), Array("🙂".utf8), [0xC3], [0xA9], [0xF0, 0x9F],
      [0x99, 0x82], [0xE2, 0x82], [0xAC], [0xFF], [],
    ]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<2_000 {
      var part = PlainTextPart()
      defer { part.release() }
      var values: [[UInt8]] = []
      for _ in 0..<Int.random(in: 1...12, using: &generator) {
        var value: [UInt8] = []
        for _ in 0..<Int.random(in: 0...3, using: &generator) {
          value += pieces.randomElement(using: &generator) ?? []
        }
        values.append(value)
        let padded = value + [UInt8](repeating: 0, count: TextInterner.slack)
        padded.withUnsafeBufferPointer {
          part.append($0.baseAddress.unsafelyUnwrapped, value.count)
        }
      }
      let expected = values.firstIndex { String(bytes: $0, encoding: .utf8) == nil }
      #expect(part.firstInvalidRow == expected, "values \(values)")
    }
  }
}

@Suite struct DistinctCountTests {
  @Test(arguments: [0, 1, 2])
  func distinctWholeValuesMatchASet(spread: Int) {
    // Values over a small range (bitmap), a wide one in order, and a wide one out of order.
    var generator = SystemRandomNumberGenerator()
    let span: Int64 = spread == 0 ? 1_000 : 1 << 40
    var values = (0..<5_000).map { _ in Int64.random(in: 0..<span, using: &generator) / 7 * 7 }
    if spread == 1 { values.sort() }
    for index in stride(from: 0, to: values.count, by: 11) { values[index] = Int64.min }
    let present = values.filter { $0 != Int64.min }
    let counted = DistinctCount.whole(ColumnValues(values), missing: Int64.min)
    #expect(counted.distinct == Set(present).count)
    #expect(counted.missing == values.count - present.count)
  }

  @Test func aColumnWithNoValueHasNoDistinctOnes() {
    #expect(DistinctCount.whole([Int32.min, Int32.min], missing: Int32.min) == (0, 2))
    #expect(DistinctCount.whole(ColumnValues<Int8>([]), missing: Int8.min) == (0, 0))
  }
}

@Suite struct LoadCancellationTests {
  /// A file of `rows` rows `id,score`.
  private func rows(_ rows: Int) -> String {
    (0..<rows).reduce(into: "id,score\n") { text, row in text += "\(row),\(row % 5 + 1)\n" }
  }

  @Test func aCancelledLoadThrowsAndKeepsNothing() throws {
    var options = LoadOptions()
    options.isCancelled = { true }
    #expect(throws: LoadInterrupted.self) {
      try DatasetLoader.load(csv: Array(rows(20_000).utf8), name: "test.csv", options: options)
    }
    // A load that is never cancelled reads every row.
    options.isCancelled = { false }
    let loaded = try DatasetLoader.load(
      csv: Array(rows(20_000).utf8), name: "test.csv", options: options)
    #expect(loaded.dataset.rowCount == 20_000)
  }
}
