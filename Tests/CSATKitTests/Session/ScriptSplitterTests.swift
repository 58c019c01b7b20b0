import Testing

@testable import CSATKit

@Suite struct ScriptSplitterTests {
  func split(_ text: String) -> [String] {
    ScriptSplitter.split(text).map(\.text)
  }

  @Test func newlinesAndSemicolonsSeparateStatements() {
    #expect(split("csat\nnps by rep; count\n\n") == ["csat", "nps by rep", "count"])
  }

  @Test func commentsRunToTheEndOfTheLine() {
    #expect(split("csat # overall; not a statement\n-- a whole line\nnps") == ["csat", "nps"])
    #expect(split("count -- per rep; by channel") == ["count"])
  }

  @Test func quotesKeepSeparatorsAndCommentMarks() {
    #expect(
      split("count where product = \"a; b # c -- d\"; nps")
        == ["count where product = \"a; b # c -- d\"", "nps"])
    #expect(split("count by `x; y`") == ["count by `x; y`"])
    // An escaped quote does not close the string.
    #expect(
      split("count where p = \"say \\\"hi\\\"; ok\"") == ["count where p = \"say \\\"hi\\\"; ok\""])
  }

  @Test func aStringMaySpanLines() {
    let statements = ScriptSplitter.split("nps\nlist c where c = \"a\nb\"\ncount", firstLine: 5)
    #expect(statements.map(\.text) == ["nps", "list c where c = \"a\nb\"", "count"])
    #expect(statements.map(\.line) == [5, 6, 8])
    #expect(!ScriptSplitter.isComplete("list c where c = \"a"))
    #expect(ScriptSplitter.isComplete("list c where c = \"a\nb\""))
  }

  @Test func metaCommandsTakeTheWholeLine() {
    #expect(split(".load a;b.csv\ncsat") == [".load a;b.csv", "csat"])
  }

  @Test func prefixHoldsWhatStandsBeforeTheStatement() {
    let statements = ScriptSplitter.split("count;  csat by rep\n   nps")
    #expect(statements.map(\.prefix) == ["", "count;  ", "   "])
  }
}
