import CSATKit
import Foundation
import Testing

/// One example from a ```` ```examples ```` block of grammar.md.
struct GrammarExample: Sendable, CustomTestStringConvertible {
  var source: String
  /// `nil` for an `ok` example.
  var error: (range: Range<Int>, message: String, suggestion: String?)?

  var testDescription: String { source }
}

/// Reads the examples out of grammar.md at the top of the package.
func grammarExamples() throws -> [GrammarExample] {
  let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  let text = try String(
    contentsOf: packageRoot.appendingPathComponent("grammar.md"), encoding: .utf8)
  var examples: [GrammarExample] = []
  var inBlock = false
  for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
    if line.hasPrefix("```") {
      inBlock = line == "```examples"
      continue
    }
    guard inBlock else { continue }
    if line.hasPrefix("ok   ") {
      examples.append(GrammarExample(source: String(line.dropFirst(5))))
    } else if line.hasPrefix("err  ") {
      examples.append(GrammarExample(source: String(line.dropFirst(5)), error: (0..<0, "", nil)))
    } else if line.hasPrefix("     @"), let at = line.firstIndex(of: " ", after: 6) {
      let bounds = line[line.index(line.startIndex, offsetBy: 6)..<at].split(separator: ".")
      let range = Int(bounds[0])!..<Int(bounds[1])!
      examples[examples.count - 1].error = (range, String(line[at...].dropFirst()), nil)
    } else if line.hasPrefix("     suggestion ") {
      examples[examples.count - 1].error?.suggestion = String(line.dropFirst(16))
    }
  }
  return examples
}

extension Substring {
  fileprivate func firstIndex(of character: Character, after offset: Int) -> Index? {
    self[index(startIndex, offsetBy: offset)...].firstIndex(of: character)
  }
}

@Suite struct GrammarExamplesTests {
  @Test func grammarHasExamplesOfBothKinds() throws {
    let examples = try grammarExamples()
    #expect(examples.filter { $0.error == nil }.count >= 30)
    #expect(examples.filter { $0.error != nil }.count >= 40)
    #expect(examples.allSatisfy { $0.error?.message.isEmpty != true })
  }

  @Test(arguments: try grammarExamples())
  func exampleBehavesAsDocumented(_ example: GrammarExample) throws {
    guard let error = example.error else {
      #expect(throws: Never.self) { try Parser.parse(example.source) }
      return
    }
    diagnoses(
      example.source, at: error.range, message: error.message, suggestion: error.suggestion)
  }
}
