import Testing

@testable import CSATKit

/// How a meta-command's line splits into words.
@Suite struct MetaCommandWordsTests {
  @Test(arguments: [
    (".values rep 5", [".values", "rep", "5"]),
    (".load \"My Data.csv\"  b.csv", [".load", "My Data.csv", "b.csv"]),
    // Field names are written as in queries: back-quoted, a doubled back-quote for one.
    (".set customer `Customer Email`", [".set", "customer", "Customer Email"]),
    (".values `odd``name` 3", [".values", "odd`name", "3"]),
    // A quote of the other kind inside is plain text; an empty pair is an empty word.
    (".values `say \"hi\"`", [".values", "say \"hi\""]),
    (".set tz \"\"", [".set", "tz", ""]),
  ])
  func split(line: String, words: [String]) {
    #expect(MetaArguments.split(line) == words)
  }
}
