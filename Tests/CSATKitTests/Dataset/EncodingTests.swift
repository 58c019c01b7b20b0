import Foundation
import Testing

@testable import CSATKit

@Suite("binary files and encodings")
struct EncodingTests {
  @Test func nulByteMeansBinary() throws {
    // Offsets count from 0: "a,b\n" is bytes 0–3, "1," bytes 4–5, so the NUL is byte 6.
    let error = try #require(loadBytesError(Array("a,b\n1,".utf8) + [0, 10]))
    #expect(error.line == nil)
    #expect(
      error.description == "test.csv: error: file looks binary: it has a NUL byte at "
        + "byte offset 6; expected CSV text")
  }

  @Test func utf16IsBinary() throws {
    // "a,b" in UTF-16LE after its byte-order mark: the NUL after "a" is byte 3.
    let error = try #require(loadBytesError([0xFF, 0xFE, 0x61, 0, 0x2C, 0, 0x62, 0]))
    #expect(error.message.hasPrefix("file looks binary: it has a NUL byte at byte offset 3;"))
  }

  @Test func nulByteAfterTheProbeIsLoaded() throws {
    let filler = String(repeating: "x", count: TextEncoding.binaryProbeBytes)
    let bytes = Array("a\n\(filler)\n".utf8) + [0, 10]
    #expect(try loadBytes(bytes).dataset.rowCount == 2)
  }

  @Test func headerThatIsNotUTF8MeansBinary() throws {
    // "id,caf" then é in Latin-1 (0xE9) at byte 6, which UTF-8 cannot start with there.
    let error = try #require(loadBytesError(Array("id,caf".utf8) + [0xE9, 10, 0x31, 0x2C, 0x32]))
    #expect(error.line == 1)
    #expect(
      error.message == "file looks binary: its header is not valid UTF-8 at byte offset "
        + "6; expected CSV text saved as UTF-8")
  }

  @Test func latin1CellsWarnOnceAtTheirFirstLine() throws {
    // Line 2 is plain, the record on lines 3–4 holds a line break, line 5 has the first
    // Latin-1 byte (é, 0xE9) and line 6 another (ü, 0xFC).
    let bytes =
      Array("id,name\n1,ok\n2,\"two\nlines\"\n3,caf".utf8) + [0xE9] + Array("\n4,m".utf8)
      + [0xFC, 0x6C]
    let result = try loadBytes(bytes)
    #expect(result.warnings.count == 1)
    #expect(result.warnings.first?.line == 5)
    #expect(result.warnings.first?.message.contains("not valid UTF-8") == true)
    #expect(result.warnings.first?.message.contains("save it as UTF-8") == true)
    #expect(try result.dataset.texts("name") == ["ok", "two\nlines", "caf\u{FFFD}", "m\u{FFFD}l"])
  }

  @Test func validUTF8GivesNoWarning() throws {
    let result = try loadCSV("id,name\n1,café\n2,naïve 🙂\n3,e\u{301}\n")
    #expect(result.warnings.isEmpty)
  }

  @Test(
    arguments: [
      ([0x61, 0x62], nil), ([0xC3, 0xA9], nil), ([0xF0, 0x9F, 0x99, 0x82], nil),
      ([0x61, 0xE9, 0x62], 1), ([0xC0, 0xAF], 0), ([0xED, 0xA0, 0x80], 0),
      ([0xF4, 0x90, 0x80, 0x80], 0), ([0xE2, 0x82], 0), ([0x80], 0),
      (Array("12345678abcdefg".utf8) + [0xFF], 15),
    ] as [([UInt8], Int?)])
  func firstInvalidByte(bytes: [UInt8], expected: Int?) {
    // Overlong "/" (C0 AF), a surrogate (ED A0 80), above U+10FFFF (F4 90…), a cut sequence.
    let found = bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress.flatMap { TextEncoding.firstInvalidUTF8($0, buffer.count) }
    }
    #expect(found == expected)
  }

  @Test func longRunsFindTheirFirstInvalidByte() {
    // ASCII runs of every length around the 8- and 16-byte steps, then one sequence that
    // is valid or not; Foundation's decoder says which.
    let sequences: [[UInt8]] = [
      [0xC3, 0xA9], [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x99, 0x82], [0xE9], [0xC0, 0xAF],
      [0xED, 0xA0, 0x80], [0x80],
    ]
    for run in 0..<40 {
      for sequence in sequences {
        let bytes = [UInt8](repeating: 0x61, count: run) + sequence + [0x62, 0x63]
        let valid = String(validating: bytes, as: UTF8.self) != nil
        let found = bytes.withUnsafeBufferPointer { buffer in
          buffer.baseAddress.flatMap { TextEncoding.firstInvalidUTF8($0, buffer.count) }
        }
        #expect(found == (valid ? nil : run), "\(run) then \(sequence)")
      }
    }
  }

  @Test func bytesAfterTheLengthAreNotLookedAt() {
    // An invalid byte right after ASCII runs of every length, outside the bytes checked.
    for run in 0..<40 {
      let bytes = [UInt8](repeating: 0x61, count: run) + [0xFF, 0xFF]
      let found = bytes.withUnsafeBufferPointer { buffer in
        buffer.baseAddress.flatMap { TextEncoding.firstInvalidUTF8($0, run) }
      }
      #expect(found == nil, "\(run)")
    }
  }

  @Test func aHeaderOfSixteenBytesBeforeAccentedTextLoads() throws {
    // The header line with its line feed is 16 bytes; the next byte starts "É".
    let loaded = try loadBytes(Array("name,csat_score\nÉmilie,5\n".utf8))
    #expect(try loaded.dataset.texts("name") == ["Émilie"])
  }

  @Test func eachFileWarnsForItself() throws {
    let folder = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let first = folder.appendingPathComponent("a.csv")
    let second = folder.appendingPathComponent("b.csv")
    try Data(Array("id,name\n1,x".utf8) + [0xE9] + Array("\n2,y".utf8) + [0xE9]).write(to: first)
    try Data(Array("id,name\n3,z\n4,w\n5,v".utf8) + [0xE9]).write(to: second)
    let result = try DatasetLoader.load(paths: [first.path, second.path], options: LoadOptions())
    #expect(result.warnings.map(\.file) == [first.path, second.path])
    #expect(result.warnings.map(\.line) == [2, 4])
  }
}

/// The error loading `bytes` throws, or `nil` when they load.
private func loadBytesError(_ bytes: [UInt8]) -> DataError? {
  do {
    _ = try loadBytes(bytes)
    return nil
  } catch {
    return error as? DataError
  }
}

@Suite("ASCII check")
struct ASCIICheckTests {
  @Test func aByteWithItsTopBitSetIsFoundAtAnyPlace() {
    // Every length up to 70 (around the 8- and 16-byte reads), with no high byte or one at
    // each place; the bytes after the value are high, and must not be read.
    for length in 0...70 {
      for place in -1..<length {
        var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
        if place >= 0 { bytes[place] = 0x80 | UInt8(place % 64) }
        let padded = bytes + [UInt8](repeating: 0xFF, count: 16)
        let ascii = padded.withUnsafeBufferPointer {
          TextEncoding.isASCII($0.baseAddress!, length)
        }
        #expect(ascii == (place < 0), "length \(length), high byte at \(place)")
      }
    }
  }
}
