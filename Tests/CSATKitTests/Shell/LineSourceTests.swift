import Glibc
import Testing

@testable import CSATKit

@Suite struct LineSourceTests {
  /// All lines `bytes` reads as.
  func lines(_ bytes: [UInt8]) -> [String] {
    let folder = TemporaryFolder()
    defer { folder.remove() }

    folder.write("input", bytes)
    let descriptor = open(folder.file("input"), O_RDONLY)
    defer { close(descriptor) }
    var source = LineSource(fileDescriptor: descriptor)
    var result: [String] = []
    while case .line(let line) = source.next() {
      result.append(line)
    }
    #expect(source.next() == .end)
    return result
  }

  @Test func linesWithAndWithoutAFinalBreak() {
    #expect(lines(Array("a\nb\n".utf8)) == ["a", "b"])
    #expect(lines(Array("a\nb".utf8)) == ["a", "b"])
    #expect(lines(Array("a\n\nb\n".utf8)) == ["a", "", "b"])
    #expect(lines([]) == [])
    #expect(lines(Array("\n".utf8)) == [""])
  }

  @Test func carriageReturnsBeforeBreaksAreDropped() {
    #expect(lines(Array("csat\r\nby rep\r\n".utf8)) == ["csat", "by rep"])
    #expect(lines(Array("a\rb\r".utf8)) == ["a\rb"])
  }

  @Test func byteOrderMarkAtTheStartIsSkipped() {
    #expect(lines([0xEF, 0xBB, 0xBF] + Array("csat\n\u{FEFF}x\n".utf8)) == ["csat", "\u{FEFF}x"])
  }

  @Test func invalidUTF8BecomesReplacement() {
    #expect(
      lines([0x41, 0xC3, 0x0A, 0xFF, 0xFE, 0x0A, 0xC3, 0xA9]) == [
        "A\u{FFFD}", "\u{FFFD}\u{FFFD}", "é",
      ])
  }

  @Test func linesLongerThanOneRead() {
    let long = String(repeating: "日本", count: 40_000)  // 240,000 bytes
    #expect(lines(Array("\(long)\nend".utf8)) == [long, "end"])
  }
}
