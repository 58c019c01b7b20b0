import Testing

@testable import CSATKit

@Suite("loading some columns only")
struct ProjectionTests {
  /// Five columns; the dropped ones hold quoted delimiters, line breaks and a value that
  /// would make a number column text, none of which may disturb the kept ones.
  static let survey = """
    id,comment,csat,rep,when
    1,"a, b",4,ann,2025-01-02T10:00:00Z
    2,"two
    lines",5,bob,2025-01-03T10:00:00Z
    3,x,2,ann,2025-01-04T10:00:00Z
    """

  @Test func keptColumnsStayInFileOrder() throws {
    let options = LoadOptions(columns: ["when", "id", "rep"])
    let dataset = try loadCSV(Self.survey, options: options).dataset
    #expect(dataset.columns.map(\.name) == ["id", "rep", "when"])
    #expect(dataset.rowCount == 3)
    #expect(sameNumbers(try dataset.numbers("id"), [1, 2, 3]))
    #expect(try dataset.texts("rep") == ["ann", "bob", "ann"])
    // 2025-01-02T10:00:00Z is 20,090 days and 10 hours after 1970-01-01.
    let first: Int64 = (20_090 * 86_400 + 10 * 3_600) * 1_000
    #expect(try dataset.timestamps("when") == [first, first + 86_400_000, first + 172_800_000])
  }

  @Test func namesAreTrimmedAndUnknownOnesIgnored() throws {
    let text = " id , csat \n1,4\n2,5\n"
    let options = LoadOptions(columns: ["  csat\t", "nothing"])
    let dataset = try loadCSV(text, options: options).dataset
    #expect(dataset.columns.map(\.name) == ["csat"])
    #expect(sameNumbers(try dataset.numbers("csat"), [4, 5]))
  }

  @Test func rolesAreFoundAmongTheKeptColumns() throws {
    // Positions count among the kept columns: csat is column 0, when column 1.
    let options = LoadOptions(columns: ["csat", "when"])
    let dataset = try loadCSV(Self.survey, options: options).dataset
    #expect(dataset.roles == Roles(csat: 0, time: 1))
  }

  @Test func noColumnKeptStillCountsRows() throws {
    let result = try loadCSV(Self.survey, options: LoadOptions(columns: []))
    #expect(result.dataset.columns.isEmpty)
    #expect(result.dataset.rowCount == 3)
    // The summary has no empty "columns:" line.
    let summary = LoadSummary.render(result, timeZone: .utcZone)
    #expect(!summary.contains("columns:"))
    #expect(summary.hasPrefix("loaded 3 rows from test.csv in "))
  }

  @Test func raggedRowsWarnAsWhenEveryColumnIsKept() throws {
    // Line 3 lacks the last two fields, line 4 has one too many.
    let text = "a,b,c\n1,2,3\n4\n6,7,8,9\n"
    let result = try loadCSV(text, options: LoadOptions(columns: ["c"]))
    #expect(result.warnings.map(\.line) == [3, 4])
    #expect(result.warnings[0].message.contains("1 field but the header has 3"))
    #expect(sameNumbers(try result.dataset.numbers("c"), [3, .nan, 8]))

    let strict = LoadOptions(strict: true, columns: ["a"])
    #expect(loadError(text, options: strict)?.line == 3)
  }

  @Test func droppedColumnsStillFindUnclosedQuotes() throws {
    let error = try #require(
      loadError("a,b\n1,x\n2,\"open\n", options: LoadOptions(columns: ["a"])))
    #expect(error.line == 3)
    #expect(error.message.hasPrefix("unclosed quote"))
  }
}
