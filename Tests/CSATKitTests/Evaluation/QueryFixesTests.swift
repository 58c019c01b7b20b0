import Testing

@testable import CSATKit

/// Fixes found by testing, on the hand-made fixture (Fixtures.swift; now is 2026-11-30 12:00
/// UTC).
@Suite struct QueryFixesTests {
  func csv(_ query: String) -> String {
    FigureColumns.removed(from: Fixtures.run(query).output)
  }

  @Test func emptyTextIsInEveryNonBlankText() {
    // 8 rows, row 0 has no rep: 8 − 1 = 7 contain "" and start with "".
    #expect(csv("count where rep contains \"\"") == "count\n7\n")
    #expect(csv("count where rep starts with \"\"") == "count\n7\n")
    // not: the blank rep only.
    #expect(csv("count where not rep contains \"\"") == "count\n1\n")
  }
}
