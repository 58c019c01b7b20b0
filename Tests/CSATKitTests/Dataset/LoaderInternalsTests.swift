import Foundation
import Testing

@testable import CSATKit

/// Runs `body` on the bytes of `text` held in a padded ``ByteBuffer``, as the loader does.
private func withBuffer<Result>(
  _ text: String, _ body: (UnsafePointer<UInt8>, Int) -> Result
) -> Result {
  let bytes = Array(text.utf8)
  let buffer = bytes.withUnsafeBytes { ByteBuffer(copying: $0) }
  return body(UnsafePointer(buffer.base), buffer.count)
}

@Suite("loader fast paths")
struct LoaderFastPathTests {
  @Test(arguments: [
    "2024-12-01T00:07:43Z", "2024-12-01 00:07:43", "2024-12-01t23:59:59z", "2024-02-29T12:00:00",
    "2023-02-29T12:00:00", "2024-13-01T00:00:00", "2024-12-01T24:00:00", "2024-12-01T00:60:00",
    "2024-12-01T00:00:60Z", "2024-12-01X00:00:00", "2024-12-01T00:00:00+", "2024-1a-01T00:00:00",
    "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2024/12/01T00:00:00", "2024-12-01T00:00",
  ])
  func timestampFastPathAgreesWithTheFullParser(text: String) {
    withBuffer(text) { base, count in
      var fast = TimestampFastPath()
      let full = TimestampParsing.parse(base, 0, count)
      // The fast path either declines or gives exactly what the full parser gives.
      if let quick = fast.parse(base, 0, count) {
        #expect(quick == full, "\(text)")
      }
      // A second reading hits the cached day and must not change the answer.
      if let again = fast.parse(base, 0, count) {
        #expect(again == full, "\(text)")
      }
    }
  }

  @Test func timestampFastPathReadsEveryValidTime() throws {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
    var generator = SystemRandomNumberGenerator()
    var fast = TimestampFastPath()
    for _ in 0..<2_000 {
      let parts = DateComponents(
        year: Int.random(in: 1970...2100, using: &generator),
        month: Int.random(in: 1...12, using: &generator),
        day: Int.random(in: 1...28, using: &generator),
        hour: Int.random(in: 0...23, using: &generator),
        minute: Int.random(in: 0...59, using: &generator),
        second: Int.random(in: 0...59, using: &generator))
      let date = try #require(calendar.date(from: parts))
      let text = String(
        format: "%04d-%02d-%02dT%02d:%02d:%02dZ", parts.year!, parts.month!, parts.day!,
        parts.hour!, parts.minute!, parts.second!)
      let expected = Int64(date.timeIntervalSince1970) * 1000
      withBuffer(text) { base, count in
        #expect(fast.parse(base, 0, count) == .instant(expected), "\(text)")
      }
    }
  }

  @Test func timestampFastPathDeclinesWhatTheFullParserDeclines() {
    // One byte of the time of day replaced by a byte near the digits and the colon.
    let near: [UInt8] = [0x2F, 0x30, 0x32, 0x35, 0x39, 0x3A, 0x3B, 0x20, 0x61, 0x00, 0xB0]
    var generator = SystemRandomNumberGenerator()
    var fast = TimestampFastPath()
    for _ in 0..<3_000 {
      var bytes = Array("2024-12-01T12:34:56Z".utf8)
      for _ in 0..<Int.random(in: 1...2, using: &generator) {
        bytes[Int.random(in: 11..<19, using: &generator)] =
          near.randomElement(using: &generator) ?? 0x30
      }
      let text = String(decoding: bytes, as: UTF8.self)
      let buffer = bytes.withUnsafeBytes { ByteBuffer(copying: $0) }
      let base = UnsafePointer(buffer.base)
      let full = TimestampParsing.parse(base, 0, bytes.count)
      let quick = fast.parse(base, 0, bytes.count)
      #expect(quick == nil || quick == full, "\(text.debugDescription)")
      if full == nil { #expect(quick == nil, "\(text.debugDescription)") }
    }
  }

  @Test func timestampFastPathNeverTrustsAnUnreadDate() {
    // Zero bytes where the date goes: no date was read yet, and none is read here.
    var bytes = [UInt8](repeating: 0, count: 10) + Array("T12:34:56Z".utf8)
    var fast = TimestampFastPath()
    let buffer = bytes.withUnsafeBytes { ByteBuffer(copying: $0) }
    #expect(fast.parse(UnsafePointer(buffer.base), 0, bytes.count) == nil)
    bytes = Array("1970-01-01T00:00:01Z".utf8)
    let epoch = bytes.withUnsafeBytes { ByteBuffer(copying: $0) }
    #expect(fast.parse(UnsafePointer(epoch.base), 0, bytes.count) == .instant(1000))
  }

  @Test func timestampFastPathKeepsDaysApart() {
    var fast = TimestampFastPath()
    let texts = ["2024-12-01T10:00:00Z", "2024-12-02T10:00:00Z", "2024-12-01T10:00:00Z"]
    for text in texts {
      withBuffer(text) { base, count in
        #expect(fast.parse(base, 0, count) == TimestampParsing.parse(base, 0, count))
      }
    }
  }

  @Test(arguments: ["0", "7", "-3", "+12", "123456789012345", "-0", "1234567890123456", "12a", ""])
  func wholeNumbersReadLikeAnyNumber(text: String) {
    withBuffer(text) { base, count in
      let value = ValueParsing.parseNumber(base, 0, count)
      let expected = Double(text)
      #expect(value == expected || (value?.isNaN == true && expected?.isNaN == true), "\(text)")
      if text == "-0" { #expect(value?.sign == .minus) }
    }
  }

  @Test func stableScalarsAreTheirOwnNFC() {
    // The merge skips normalising values made only of these; Foundation must agree.
    for range in TextInterner.nfcStableScalars {
      for value in range {
        guard let scalar = Unicode.Scalar(value) else { continue }
        #expect(scalar.properties.canonicalCombiningClass == .notReordered)
        let alone = String(scalar)
        for text in [alone, "a" + alone + "e", "\u{E9}" + alone + alone, alone + "\u{2014}"] {
          let bytes = Array(text.utf8) + [UInt8](repeating: 0, count: 16)
          let mayChange = bytes.withUnsafeBufferPointer { buffer in
            TextInterner.mayChangeUnderNFC(buffer.baseAddress!, text.utf8.count)
          }
          #expect(!mayChange, "U+\(String(value, radix: 16))")
          #expect(text.precomposedStringWithCanonicalMapping.utf8.elementsEqual(text.utf8))
        }
      }
    }
  }

  @Test(arguments: ["e\u{301}", "\u{212B}", "日本", "\u{2000}", "😀\u{301}", "\u{2019}\u{20E3}"])
  func otherScalarsAreNormalised(text: String) {
    let bytes = Array(text.utf8) + [UInt8](repeating: 0, count: 16)
    let mayChange = bytes.withUnsafeBufferPointer { buffer in
      TextInterner.mayChangeUnderNFC(buffer.baseAddress!, text.utf8.count)
    }
    #expect(mayChange)
    // A lead byte cut off at the end of the value is not valid UTF-8 either.
    let cut = Array("a\u{2014}".utf8.dropLast()) + [UInt8](repeating: 0, count: 16)
    #expect(cut.withUnsafeBufferPointer { TextInterner.mayChangeUnderNFC($0.baseAddress!, 3) })
    // Overlong spellings of U+0080 and U+2014 are invalid too, and become U+FFFD when read.
    for overlong: [UInt8] in [[0xE0, 0x82, 0x80], [0xF0, 0x82, 0x80, 0x94]] {
      let padded = overlong + [UInt8](repeating: 0, count: 16)
      #expect(
        padded.withUnsafeBufferPointer {
          TextInterner.mayChangeUnderNFC($0.baseAddress!, overlong.count)
        })
    }
  }
}

@Suite("text interner")
struct TextInternerTests {
  @Test func valuesOfEveryLengthKeepTheirCodes() {
    // Lengths around the 8- and 16-byte words and well beyond, some sharing long prefixes.
    var values: [String] = []
    for length in 1...40 {
      values.append(String(repeating: "x", count: length))
      values.append(String(repeating: "x", count: length - 1) + "y")
      // One byte different in each word but the last.
      for position in [3, 9, 17, 25] where position < length - 1 {
        var bytes = Array(repeating: UInt8(ascii: "x"), count: length)
        bytes[position] = UInt8(ascii: "z")
        values.append(String(decoding: bytes, as: UTF8.self))
      }
    }
    for number in 0..<5000 { values.append("CUST-\(number)") }
    var interner = TextInterner()
    defer { interner.release() }
    var codes: [UInt32] = []
    for value in values {
      let bytes = Array(value.utf8) + [UInt8](repeating: 0xAA, count: 16)
      codes.append(
        bytes.withUnsafeBufferPointer { interner.code($0.baseAddress!, value.utf8.count) })
    }
    // Every value is distinct, so the codes run 1, 2, 3, … in order; asking again finds them.
    #expect(codes == (1...values.count).map(UInt32.init))
    for (value, code) in zip(values, codes) {
      let bytes = Array(value.utf8) + [UInt8](repeating: 0x55, count: 16)
      #expect(
        bytes.withUnsafeBufferPointer { interner.code($0.baseAddress!, value.utf8.count) } == code)
    }
    #expect(interner.strings() == [""] + values)
  }
}

extension TextInternerTests {
  /// Two values of `length` bytes, the same but for four bytes at `position`, whose hashes
  /// share a tag: their lookups start at the same slot and pass the tag check.
  private static func collidingPair(length: Int, position: Int) -> ([UInt8], [UInt8])? {
    var seen: [UInt64: [UInt8]] = [:]
    var value = (0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) }
    // The padding the interner may read past a value.
    let padding = [UInt8](repeating: 0x5A, count: TextInterner.slack)
    for counter in UInt32(0)..<1_000_000 {
      for offset in 0..<4 {
        value[position + offset] = UInt8(truncatingIfNeeded: counter >> (8 * offset))
      }
      let tag =
        (value + padding).withUnsafeBufferPointer {
          TextInterner.hashLong($0.baseAddress!, length)
        } & TextInterner.tagMask
      if let other = seen[tag], other != value { return (other, value) }
      seen[tag] = value
    }
    return nil
  }

  @Test(arguments: [(12, 8), (20, 16), (28, 24), (31, 17), (40, 32)])
  func valuesWhoseTagsCollideKeepTheirOwnCodes(length: Int, position: Int) throws {
    let (first, second) = try #require(Self.collidingPair(length: length, position: position))
    var interner = TextInterner()
    defer { interner.release() }
    func code(_ value: [UInt8]) -> UInt32 {
      let padded = value + [UInt8](repeating: 0xC3, count: TextInterner.slack)
      return padded.withUnsafeBufferPointer { interner.code($0.baseAddress!, value.count) }
    }
    #expect(code(first) == 1)
    #expect(code(second) == 2)
    #expect(code(first) == 1)
    #expect(code(second) == 2)
    #expect(Array(interner.bytes(of: 2)) == second)
  }
}

@Suite("mapped files")
struct MappedFileTests {
  @Test func aFileFillingWholePagesLoads() throws {
    // 4,096 bytes exactly: the padding after the last byte lies beyond the file's pages.
    let header = "id,note\n"
    var text = header
    var row = 0
    while text.utf8.count < 4096 - 20 {
      row += 1
      text += "\(row),n\(row % 7)\n"
    }
    let filler = 4096 - text.utf8.count - 2
    text += "0," + String(repeating: "z", count: filler - 1) + "\n"
    #expect(text.utf8.count == 4096)
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("page.csv").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)

    let dataset = try DatasetLoader.load(paths: [path], options: LoadOptions()).dataset
    #expect(dataset.rowCount == row + 1)
    #expect(try dataset.texts("note").last == String(repeating: "z", count: filler - 1))
  }
}

@Suite("booleans")
struct BooleanParsingTests {
  /// What a cell of `bytes` means as a boolean, from the spellings as documented: ASCII
  /// letters folded to lower case, nothing else changed.
  private func expected(_ bytes: [UInt8]) -> UInt8? {
    let folded = bytes.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }
    switch String(decoding: folded, as: UTF8.self) {
    case "t", "y", "yes", "true": return 1
    case "f", "n", "no", "false": return 0
    default: return nil
    }
  }

  private func parsed(_ bytes: [UInt8], padding: UInt8) -> UInt8? {
    // The cell sits inside other bytes, as in a file: a letter of a spelling after it.
    let buffer = [UInt8(ascii: ",")] + bytes + [UInt8](repeating: padding, count: 16)
    return buffer.withUnsafeBufferPointer {
      ValueParsing.parseBoolean($0.baseAddress!, 1, 1 + bytes.count)
    }
  }

  @Test func everySpellingAndNearMissReadsAsDocumented() {
    // Letters of the spellings in both cases, their neighbours under bit 5 (@ ` [ {), digits,
    // a space, NUL and a byte of UTF-8: every cell of up to three, and random longer ones.
    let alphabet = Array("tTrRuUeEfFaAlLsSyYnNoO@`[{10 \0".utf8) + [0xC3]
    var cells: [[UInt8]] = alphabet.map { [$0] }
    for first in alphabet {
      for second in alphabet {
        cells.append([first, second])
        for third in alphabet { cells.append([first, second, third]) }
      }
    }
    var generator = SplitMix64(state: 5)
    for _ in 0..<50_000 {
      let length = 4 + Int(generator.next() % 3)
      cells.append(
        (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
    }
    for word in ["true", "false", "yes", "no"] {
      // Every mix of cases.
      for mask in 0..<(1 << word.count) {
        cells.append(
          word.utf8.enumerated().map { mask >> $0.offset & 1 == 1 ? $0.element - 0x20 : $0.element }
        )
      }
    }
    for cell in cells {
      let want = expected(cell)
      #expect(parsed(cell, padding: UInt8(ascii: "e")) == want, "\(cell)")
      #expect(parsed(cell, padding: 0) == want, "\(cell)")
    }
  }
}
