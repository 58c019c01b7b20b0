import Testing

@testable import CSATKit

@Suite("text values in order")
struct TextOrderTests {
  /// Codes 1… of `dictionary` as a plain sort of the strings orders them.
  private func expected(_ dictionary: [String]) -> [Int] {
    (1..<max(1, dictionary.count)).sorted { dictionary[$0] < dictionary[$1] }
  }

  @Test func asciiValuesSortAsStrings() {
    // Values sharing long prefixes, of every length around the 8- and 16-byte words, some
    // with NUL or control bytes, ids with and without leading zeros.
    var generator = SplitMix64(state: 31)
    var values: Set<String> = []
    let alphabet = Array("\0\u{1}aAbB-z09 ~".utf8)
    while values.count < 3_000 {
      let length = Int(generator.next() % 30)
      let prefix = generator.next() % 2 == 0 ? "CUST-0000" : ""
      let tail = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
      values.insert(prefix + String(decoding: tail, as: UTF8.self))
    }
    values.remove("")
    let dictionary = [""] + values.shuffled(using: &generator)
    #expect(TextColumn.codesInOrder(of: dictionary) == expected(dictionary))
  }

  @Test func otherValuesSortAsStrings() {
    // Precomposed and decomposed accents, and letters from other scripts.
    let dictionary = ["", "Zoë", "Zoe", "Ångström", "A\u{30A}ngstrom", "日本", "Émile", "Emile", "ß"]
    #expect(TextColumn.codesInOrder(of: dictionary) == expected(dictionary))
    #expect(TextColumn.codesInOrder(of: [""]).isEmpty)
    #expect(TextColumn.codesInOrder(of: []).isEmpty)
  }
}
