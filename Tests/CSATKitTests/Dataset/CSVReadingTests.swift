import Testing

@testable import CSATKit

@Suite("reading CSV bytes")
struct CSVReadingTests {
  @Test func quotedFieldsHoldDelimitersQuotesAndLineBreaks() throws {
    let text = "id,comment\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n"
    let dataset = try loadCSV(text).dataset
    #expect(dataset.rowCount == 3)
    #expect(try dataset.texts("comment") == ["a, b", "say \"hi\"", "two\nlines"])
    #expect(sameNumbers(try dataset.numbers("id"), [1, 2, 3]))
  }

  @Test func lineEndsByteOrderMarkAndFinalNewline() throws {
    let variants = [
      "a,b\r\n1,x\r\n2,y\r\n",  // CRLF
      "a,b\n1,x\n2,y",  // no final newline
      "a,b\r1,x\r2,y\r",  // lone CR
      "a,b\n1,x\n2,y\n\n\n",  // blank trailing lines
      "\u{FEFF}a,b\n1,x\n2,y\n",  // byte-order mark
    ]
    for text in variants {
      let dataset = try loadCSV(text).dataset
      #expect(dataset.columns.map(\.name) == ["a", "b"], "\(text.debugDescription)")
      #expect(dataset.rowCount == 2, "\(text.debugDescription)")
      #expect(try dataset.texts("b") == ["x", "y"], "\(text.debugDescription)")
    }
  }

  @Test(arguments: [",", ";", "\t", "|"])
  func delimiterIsSniffedFromTheHeader(delimiter: String) throws {
    // The other candidates appear inside values, so only the right one splits consistently.
    let header = ["name", "score", "note"].joined(separator: delimiter)
    let lines = [
      ["\"x, y; z\"", "4", "p"].joined(separator: delimiter),
      ["w", "5", "\"q|r\""].joined(separator: delimiter),
    ]
    let dataset = try loadCSV(([header] + lines).joined(separator: "\n")).dataset
    #expect(dataset.columns.map(\.name) == ["name", "score", "note"])
    #expect(try dataset.texts("name") == ["x, y; z", "w"])
    #expect(sameNumbers(try dataset.numbers("score"), [4, 5]))
  }

  @Test func unclosedQuoteNamesTheLineWhereTheFieldStarts() throws {
    // Lines: 1 header, 2 first row, 3 the row whose quote never closes, 4 more text.
    let error = try #require(loadError("a,b\n1,x\n2,\"open\nmore\n"))
    #expect(error.file == "test.csv")
    #expect(error.line == 3)
    #expect(error.description.hasPrefix("test.csv:3: error: unclosed quote"))
  }

  @Test func raggedRowsWarnWithTheirLine() throws {
    // Line 2 is complete, line 3 lacks a field, line 4 has one too many.
    let text = "a,b,c\n1,2,3\n4,5\n6,7,8,9\n"
    let result = try loadCSV(text)
    #expect(result.dataset.rowCount == 3)
    #expect(sameNumbers(try result.dataset.numbers("c"), [3, .nan, 8]))
    #expect(result.warnings.map(\.line) == [3, 4])
    #expect(result.warnings[0].message.contains("2 fields but the header has 3"))
    #expect(result.warnings[1].message.contains("extra fields are dropped"))
  }

  @Test func raggedRowLinesCountPhysicalLines() throws {
    // The record on lines 2–3 holds a line break, so the short row starts on line 4.
    let result = try loadCSV("a,b\n\"x\ny\",1\nshort\n")
    #expect(result.warnings.map(\.line) == [4])
  }

  @Test func strictMakesRaggedRowsAnError() throws {
    let error = try #require(loadError("a,b\n1,2\n3\n", options: LoadOptions(strict: true)))
    #expect(error.line == 3)
    #expect(error.message == "row has 1 field but the header has 2")
  }

  @Test func headerNamesAreTrimmedAndMadeUnique() throws {
    let result = try loadCSV(" a ,b,a,,b\n1,2,3,4,5\n")
    #expect(result.dataset.columns.map(\.name) == ["a", "b", "a_2", "column_4", "b_2"])
    #expect(result.warnings.count == 3)
    #expect(result.warnings.allSatisfy { $0.line == 1 })
  }

  @Test func emptyFileIsAnError() throws {
    let error = try #require(loadError(""))
    #expect(error.message.contains("empty"))
  }

  @Test func headerOnlyGivesNoRows() throws {
    let dataset = try loadCSV("a,b\n").dataset
    #expect(dataset.rowCount == 0)
    #expect(dataset.columns.map(\.type) == [.text, .text])
  }
}
