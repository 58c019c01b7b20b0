import Testing

@testable import CSATKit

@Suite("column types and missing values")
struct TypeInferenceTests {
  @Test func numbersBooleansAndText() throws {
    let text = """
      int,dec,flag,zero_one,word
      1,+1.5,yes,0,a
      -2,2e3,NO,1,b
      3,.25,T,1,1
      """
    let dataset = try loadCSV(text).dataset
    #expect(dataset.columns.map(\.type) == [.number, .number, .boolean, .number, .text])
    // 2e3 = 2 × 10³ = 2000.
    #expect(sameNumbers(try dataset.numbers("dec"), [1.5, 2000, 0.25]))
    #expect(try dataset.booleans("flag") == [1, 0, 1])
    #expect(try dataset.texts("word") == ["a", "b", "1"])
  }

  @Test func thousandsSeparatorsMakeText() throws {
    let dataset = try loadCSV("n\n\"1,000\"\n2\n").dataset
    #expect(try dataset.column("n").type == .text)
  }

  @Test func missingTokensAreMissingInTypedColumnsOnly() throws {
    let text = """
      score,region,ok
      4,NA,true
      NA,EU,N/A
      ,  ,
      null,"NA",false
      -,n/a,
      #N/A,EU,-
      """
    let dataset = try loadCSV(text).dataset
    #expect(sameNumbers(try dataset.numbers("score"), [4, .nan, .nan, .nan, .nan, .nan]))
    let missing = BooleanColumn.missing
    #expect(try dataset.booleans("ok") == [1, missing, missing, 0, missing, missing])
    // In text only blanks are missing: NA stays the text "NA".
    #expect(try dataset.texts("region") == ["NA", "EU", "", "NA", "n/a", "EU"])
  }

  @Test func aColumnOfOnlyMissingTokensIsText() throws {
    let dataset = try loadCSV("a,b\nNA,\n,\n").dataset
    #expect(try dataset.column("a").type == .text)
    #expect(try dataset.texts("a") == ["NA", ""])
    #expect(try dataset.texts("b") == ["", ""])
  }

  @Test func textKeepsValuesButTrimsSurroundingSpaces() throws {
    let dataset = try loadCSV("t\n  padded  \n\" quoted \"\nin  side\n").dataset
    #expect(try dataset.texts("t") == ["padded", "quoted", "in  side"])
  }

  @Test func canonicallyEquivalentTextSharesOneCode() throws {
    // "Zoë" composed (U+00EB) and decomposed (e + U+0308) are the same text.
    let composed: [UInt8] = Array("Zo\u{00EB}".utf8)
    let decomposed: [UInt8] = Array("Zoe".utf8) + [0xCC, 0x88]
    let bytes = Array("name\n".utf8) + composed + [0x0A] + decomposed + [0x0A] + Array("Ann\n".utf8)
    let dataset = try loadBytes(bytes).dataset
    guard case .text(let text) = try dataset.column("name").data else {
      Issue.record("name is not text")
      return
    }
    #expect(text.codes[0] == text.codes[1])
    #expect(text.codes[0] != text.codes[2])
    // Blank, Zoë, Ann.
    #expect(text.dictionary.count == 3)
    #expect(text.dictionary[Int(text.codes[0])].unicodeScalars.map(\.value) == [0x5A, 0x6F, 0xEB])
  }

  @Test func typesAreDecidedOverAllRowsAfterManyMissing() throws {
    // A value of another sort late in the column makes all of it text, NA included.
    var lines = ["v"]
    for index in 0..<500 { lines.append(index % 2 == 0 ? "NA" : "\(index)") }
    lines.append("late text")
    let dataset = try loadCSV(lines.joined(separator: "\n")).dataset
    let values = try dataset.texts("v")
    #expect(values.count == 501)
    #expect(values[0] == "NA" && values[1] == "1" && values[500] == "late text")
  }

  @Test func columnSummaryFindsScaleAndIntegers() throws {
    let dataset = try loadCSV("a,b,c\n1,0.5,0\n5,2,10\n3,,7\n").dataset
    let a = try dataset.column("a").summary
    #expect(a.allIntegers && a.minimum == 1 && a.maximum == 5 && a.likelyScale == 1...5)
    #expect(a.presentCount == 3 && a.missingCount == 0)
    let b = try dataset.column("b").summary
    #expect(!b.allIntegers && b.likelyScale == nil && b.missingCount == 1)
    #expect(try dataset.column("c").summary.likelyScale == 0...10)
  }

  /// The warning for a column of dates that a value which is no date made text.
  private func nonDateWarning(_ column: String, line: Int) -> LoadWarning {
    LoadWarning(
      file: "test.csv", line: line,
      message: "column '\(column)' has dates, but the value on this line is not one; the "
        + "column is read as text, so it cannot be the time column")
  }

  @Test func aValueThatIsNoDateAmongDatesIsNamedByLine() throws {
    // Line 1 is the header; the quoted comment on line 3 spans two lines, so `soon` is on
    // line 5.
    let result = try loadCSV(
      "when,comment\n2026-03-04,ok\n2026-03-05,\"two\nlines\"\nsoon,x\n2026-03-07,y\n")
    #expect(result.dataset.columns[0].type == .text)
    #expect(result.dataset.roles.time == nil)
    #expect(result.warnings == [nonDateWarning("when", line: 5)])
  }

  @Test func aValueThatIsNoDateInALaterChunkIsNamedByLine() throws {
    // 400,000 rows of about 20 bytes make two chunks; the value that is no date is the
    // 300,000th row, on line 300,001.
    var text = "when,n\n"
    for row in 0..<400_000 {
      text += row == 299_999 ? "later,\(row)\n" : "2026-03-04T10:00:00Z,\(row)\n"
    }
    let result = try loadCSV(text)
    #expect(result.warnings == [nonDateWarning("when", line: 300_001)])
  }

  @Test func aFirstValueThatIsNoDateBeforeDatesIsNamedByLine() throws {
    // `tbd` is no date and no missing token, so the column is text from line 2 on; the
    // twelve values after it are dates.
    var text = "when,n\ntbd,0\n"
    for row in 1...12 { text += "2026-03-\(10 + row),\(row)\n" }
    let result = try loadCSV(text)
    #expect(result.dataset.roles.time == nil)
    #expect(result.warnings == [nonDateWarning("when", line: 2)])
  }

  @Test func aColumnOfManyDistinctDatesKeptAsBytesIsNamedByLine() throws {
    // More distinct values than a dictionary pays for, so the column is kept as bytes.
    var text = "when,n\nsoon,0\n"
    for row in 1...(PlainText.distinctValuesForPlain * 2) {
      text += "2026-03-04T\(10 + row / 3600 % 10):\(10 + row / 60 % 50):\(10 + row % 50)Z,\(row)\n"
    }
    let result = try loadCSV(text)
    #expect(result.warnings == [nonDateWarning("when", line: 2)])
  }

  @Test func aTextColumnWithSomeDatesGetsNoDateWarning() throws {
    // Half the values are dates: the column is text, not a time column with a stray value.
    var text = "note,n\n"
    for row in 0..<20 { text += (row % 2 == 0 ? "later" : "2026-03-\(10 + row)") + ",\(row)\n" }
    #expect(try loadCSV(text).warnings.isEmpty)
  }
}
