import CSATKit
import Testing

/// A small deterministic random source (SplitMix64), so that every run tries the same inputs.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Parses `source` and checks that it either gives a tree or throws one well-placed error.
func survives(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) {
  let length = source.utf8.count
  do {
    _ = try Parser.parse(source)
  } catch let error as QueryError {
    #expect(error.diagnostics.count == 1, sourceLocation: sourceLocation)
    let range = error.diagnostics.first?.range ?? SourceRange(-1, -1)
    #expect(
      0 <= range.start && range.start <= range.end && range.end <= length,
      "\(source)", sourceLocation: sourceLocation)
  } catch {
    Issue.record("\(source) threw \(error)", sourceLocation: sourceLocation)
  }
}

@Suite struct RobustnessTests {
  static let vocabulary: [String] =
    Keyword.allCases.map(\.rawValue) + [
      "csat", "nps", "rep", "month", "x", "`Ticket Channel`", "`a``b`", "équipe", "\"X\"",
      "\"a\\\"b\"", "6", "4.5", "0", "-", "2024-03-01", "2024-02-30", "2024-Q3", "2024-Q9",
      "2024-W53", "2024-05", "2024", "30d", "6mo", "6m", "30x", "1.5d", ",", "(", ")", "=",
      "==", "!=", "<>", "<", "<=", ">", ">=", "order by", "starts with", "is not missing",
      "\"unclosed", "`unclosed", "``", "\"bad\\q\"", "👍🏽", "é", ";", "!", ".", "# comment\n",
      "-- comment\n", "\n", "2024-5", "99999999999999999999",
    ]

  @Test func thousandsOfRandomTokenSequences() {
    var random = SplitMix64(state: 20_240_301)
    for _ in 0..<4000 {
      let count = Int.random(in: 0...24, using: &random)
      let words = (0..<count).map { _ in Self.vocabulary.randomElement(using: &random) ?? "" }
      let separator = Bool.random(using: &random) ? " " : ""
      survives(words.joined(separator: separator))
    }
  }

  @Test func statementsThatStartWell() {
    var random = SplitMix64(state: 7)
    let starts = ["csat by rep ", "list rep, nps ", "nps where ", "count by day having "]
    for _ in 0..<2000 {
      let count = Int.random(in: 1...12, using: &random)
      let words = (0..<count).map { _ in Self.vocabulary.randomElement(using: &random) ?? "" }
      let start = starts.randomElement(using: &random) ?? ""
      survives(start + words.joined(separator: " "))
    }
  }

  @Test func randomBytes() {
    var random = SplitMix64(state: 42)
    for _ in 0..<1000 {
      let bytes = (0..<Int.random(in: 0...80, using: &random)).map { _ in
        UInt8.random(in: 0...255, using: &random)
      }
      let source = String(decoding: bytes, as: UTF8.self)
      survives(source)
      let tokens = Lexer.tokenize(source)
      let ranges = tokens.map(\.range)
      #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.end <= $1.start })
      #expect(tokens.last?.range == SourceRange(source.utf8.count, source.utf8.count))
    }
  }

  @Test func veryLongInputs() {
    survives(String(repeating: "csat, ", count: 20_000) + "csat")
    survives(String(repeating: "(", count: 100_000))
    survives("csat where " + String(repeating: "not ", count: 50_000) + "a")
    survives("csat where x in (" + String(repeating: "1, ", count: 20_000) + "1)")
    survives(String(repeating: "👨‍👩‍👧", count: 10_000))
    survives("\"" + String(repeating: "\\", count: 10_001))
    survives(String(repeating: "`", count: 10_001))
  }
}
