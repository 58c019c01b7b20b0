import Foundation
import Testing

@testable import CSATKit

/// The loader reads most cells straight into their columns and leaves the rest of a record
/// to the record scanner from its first unusual cell; these files mix both on every line and
/// check each cell against a reader written here from the documented rules.
@Suite struct SimpleFieldsTests {
  /// A record as the rules read it: the fields (unescaped, untrimmed) and whether the only
  /// field was unquoted, which a blank line needs.
  private struct ReferenceRecord {
    var fields: [[UInt8]] = []
    var onlyUnquoted = true
    /// Line ends before the record's first byte.
    var linesBefore = 0
  }

  /// Splits `bytes` as the loader's documented rules say: a quote opens quoting only as a
  /// field's first byte or after a closing quote; inside, a doubled quote is one quote;
  /// records end at LF, CRLF or a lone CR; a line of only spaces and tabs is no record.
  private static func referenceRecords(_ bytes: [UInt8], delimiter: UInt8) -> [ReferenceRecord] {
    let quote = UInt8(ascii: "\"")
    let lineFeed: UInt8 = 10
    let carriageReturn: UInt8 = 13
    var records: [ReferenceRecord] = []
    var record = ReferenceRecord()
    var field: [UInt8] = []
    var fieldQuoted = false
    var atStart = true
    var inQuotes = false
    var lines = 0
    var index = 0
    func endField() {
      record.fields.append(field)
      if fieldQuoted { record.onlyUnquoted = false }
      field = []
      fieldQuoted = false
      atStart = true
    }
    func endRecord() {
      endField()
      let blank =
        record.fields.count == 1 && record.onlyUnquoted
        && record.fields[0].allSatisfy { $0 == 32 || $0 == 9 }
      if !blank { records.append(record) }
      record = ReferenceRecord()
      record.linesBefore = lines
    }
    while index < bytes.count {
      let byte = bytes[index]
      if inQuotes {
        if byte == quote {
          if index + 1 < bytes.count && bytes[index + 1] == quote {
            field.append(quote)
            index += 1
          } else {
            inQuotes = false
          }
        } else {
          if byte == lineFeed
            || (byte == carriageReturn
              && (index + 1 == bytes.count || bytes[index + 1] != lineFeed))
          {
            lines += 1
          }
          field.append(byte)
        }
      } else if byte == delimiter {
        endField()
      } else if byte == lineFeed || byte == carriageReturn {
        if byte == carriageReturn && index + 1 < bytes.count && bytes[index + 1] == lineFeed {
          index += 1
        }
        lines += 1
        endRecord()
      } else if byte == quote && (atStart || fieldQuoted) {
        inQuotes = true
        fieldQuoted = true
        atStart = false
      } else {
        field.append(byte)
        atStart = false
      }
      index += 1
    }
    if !atStart || !record.fields.isEmpty || fieldQuoted { endRecord() }
    return records
  }

  /// `bytes` without the spaces, tabs and line breaks around it.
  private static func trimmed(_ bytes: [UInt8]) -> String {
    let isSpace: (UInt8) -> Bool = { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }
    let start = bytes.firstIndex { !isSpace($0) } ?? bytes.count
    let end = (bytes.lastIndex { !isSpace($0) } ?? -1) + 1
    return start < end ? String(decoding: bytes[start..<end], as: UTF8.self) : ""
  }

  /// Text cells of every shape, simple or not; the first is never blank.
  private static let textCells = [
    "alpha", "b", "", " padded ", "\"quoted\"", "\"with, comma\"", "\"say \"\"hi\"\"\"",
    "\"two\nlines\"", "\"cr\r\nlf\"", "\"tail\"x", "mid\"quote", "\" spaced \"", "\t", "x y",
    "\"\"", "NA", "Zürich", "\"a\"\"\"",
  ]

  @Test func textCellsOfEveryShapeMatchTheRules() throws {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<150 {
      let columns = Int.random(in: 1...4, using: &generator)
      let lineEnd = ["\n", "\r\n", "\r"].randomElement(using: &generator) ?? "\n"
      var text = (0..<columns).map { "c\($0)" }.joined(separator: ",") + lineEnd
      // The first row makes every column text.
      text += (0..<columns).map { _ in "start" }.joined(separator: ",") + lineEnd
      for _ in 0..<Int.random(in: 0...30, using: &generator) {
        // Now and then a row with a field too few or too many, or a blank line.
        let roll = Int.random(in: 0..<20, using: &generator)
        let count = roll == 0 ? max(1, columns - 1) : roll == 1 ? columns + 1 : columns
        if roll == 2 {
          text += ["", "  ", "\t"].randomElement(using: &generator).map { $0 + lineEnd } ?? ""
          continue
        }
        text +=
          (0..<count).map { _ in Self.textCells.randomElement(using: &generator) ?? "" }
          .joined(separator: ",") + lineEnd
      }
      if Bool.random(using: &generator) { text += "last" }
      try checkAgainstRules(text, columns: columns)
    }
  }

  /// Loads `text` and checks every row's cells against ``referenceRecords``.
  private func checkAgainstRules(_ text: String, columns: Int) throws {
    let bytes = Array(text.utf8)
    let records = Self.referenceRecords(bytes, delimiter: UInt8(ascii: ","))
    let loaded = try loadBytes(bytes)
    let rows = Array(records.dropFirst())
    #expect(loaded.dataset.rowCount == rows.count, "\(text.debugDescription)")
    for column in 0..<columns {
      let expected = rows.map { $0.fields.count > column ? Self.trimmed($0.fields[column]) : "" }
      let actual = try loaded.dataset.texts("c\(column)")
      #expect(actual == expected, "column c\(column) of \(text.debugDescription)")
    }
    let ragged = rows.filter { $0.fields.count != columns }
    let raggedWarnings = loaded.warnings.filter { $0.message.contains("but the header has") }
    #expect(raggedWarnings.count == min(ragged.count, ChunkReader.raggedReportLimit))
    for (warning, row) in zip(raggedWarnings, ragged) {
      #expect(warning.line == row.linesBefore + 1, "\(text.debugDescription)")
    }
  }

  @Test func numbersInEverySpellingMatchTheirValues() throws {
    let cells: [(String, Double)] = [
      ("4", 4), ("007", 7), ("123456789", 123_456_789), ("1234567890", 1_234_567_890),
      ("99999999999", 99_999_999_999), ("-5", -5), ("+3", 3), ("4.5", 4.5), (" 7 ", 7),
      ("\"8\"", 8), ("", .nan), ("NA", .nan), ("0", 0), ("1e3", 1000), ("\" 9\"", 9),
    ]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<100 {
      var text = "a,b\n"
      var expected: [[Double]] = [[], []]
      for _ in 0..<Int.random(in: 1...25, using: &generator) {
        let row = (0..<2).map { _ in cells.randomElement(using: &generator) ?? ("", .nan) }
        text += row.map(\.0).joined(separator: ",") + "\n"
        for column in 0..<2 { expected[column].append(row[column].1) }
      }
      let loaded = try loadCSV(text)
      for (column, name) in ["a", "b"].enumerated() {
        // A column of only blanks is no number column; nothing to compare then.
        guard expected[column].contains(where: { !$0.isNaN }) else { continue }
        let actual = try loaded.dataset.numbers(name)
        let same = zip(actual, expected[column]).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
        #expect(same && actual.count == expected[column].count, "\(text.debugDescription)")
      }
    }
  }

  @Test func unquotedValuesOfAnyLengthEndWhereTheirDelimiterIs() throws {
    // Field ends are found 64 bytes at a time: values here end anywhere in such a block,
    // or several blocks on.
    var generator = SystemRandomNumberGenerator()
    let letters = Array("abcdefghij klmnop".utf8)
    var text = "a,b,c\n"
    var expected: [[String]] = [[], [], []]
    for _ in 0..<400 {
      var row: [String] = []
      for column in 0..<3 {
        let length = Int.random(in: 1...(column == 1 ? 300 : 70), using: &generator)
        let bytes = (0..<length).map { _ in letters.randomElement(using: &generator) ?? 97 }
        let value = "x" + String(decoding: bytes, as: UTF8.self) + "y"
        row.append(value)
        expected[column].append(value)
      }
      text += row.joined(separator: ",") + "\n"
    }
    let loaded = try loadCSV(text)
    for (column, name) in ["a", "b", "c"].enumerated() {
      #expect(try loaded.dataset.texts(name) == expected[column])
    }
  }

  @Test func aRecordEndingTheBytesEndsItsLastField() throws {
    let loaded = try loadCSV("n,t\n1,a\n2,\"b\"")
    #expect(try loaded.dataset.numbers("n") == [1, 2])
    #expect(try loaded.dataset.texts("t") == ["a", "b"])
    let blankLast = try loadCSV("n,t\n1,a\n2,")
    #expect(try blankLast.dataset.texts("t") == ["a", ""])
  }
}
