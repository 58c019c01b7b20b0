import Testing

/// The test reader must be right before it can judge the generator.
struct CSVTestReaderTests {
  @Test func plainFieldsAndBlanks() throws {
    let records = try CSVTestReader.records(Array("a,b,\n,,c\n".utf8))
    #expect(records == [["a", "b", ""], ["", "", "c"]])
  }

  @Test func quotedFieldsKeepCommasQuotesAndLineBreaks() throws {
    let text = "\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,\"é 🙂\""
    let records = try CSVTestReader.records(Array(text.utf8))
    #expect(records == [["x, y", "say \"hi\"", "two\nlines"], ["last", "é 🙂"]])
  }

  @Test(arguments: ["a\"b\n", "\"a\"b\n", "\"open\n"])
  func malformedInputIsRejected(text: String) {
    #expect(throws: CSVTestReader.Malformed.self) {
      try CSVTestReader.records(Array(text.utf8))
    }
  }
}
