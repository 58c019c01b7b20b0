import Testing

@testable import CSATKit

@Suite("chunk numbers, four-byte whole numbers until one is not")
struct ChunkNumbersTests {
  @Test(arguments: [
    (0.0, Int32(0)), (5, 5), (-7, -7), (2_147_483_647, .max), (-2_147_483_647, .min + 1),
  ])
  func wholeNumbersInRangeAreKept(value: Double, expected: Int32) {
    #expect(ChunkNumbers.exactWhole(value) == expected)
  }

  @Test(arguments: [
    // -0 would lose its sign; -2³¹ is the missing marker; 2³¹ is one past Int32.max.
    -0.0, -2_147_483_648, 2_147_483_648, 1.5, -0.25, 1e300, .infinity, -.infinity, .nan,
  ])
  func otherNumbersAreNotWhole(value: Double) {
    #expect(ChunkNumbers.exactWhole(value) == nil)
  }

  @Test func aFractionWidensAndKeepsEarlierValuesAndGaps() {
    var numbers = ChunkNumbers()
    defer { numbers.release() }
    numbers.appendMissing(count: 2)
    numbers.append(4)
    numbers.appendMissing()
    #expect(!numbers.isWide)
    numbers.append(0.5)
    #expect(numbers.isWide)
    numbers.appendMissing()
    numbers.append(9)
    // Rows: missing, missing, 4, missing, 0.5, missing, 9.
    var copied = [Double](repeating: 0, count: 7)
    copied.withUnsafeMutableBufferPointer { numbers.copy(7, into: $0.baseAddress!) }
    let expected: [Double] = [.nan, .nan, 4, .nan, 0.5, .nan, 9]
    #expect(zip(copied, expected).allSatisfy { $0.isNaN ? $1.isNaN : $0 == $1 })
  }

  @Test func wholeChunksCopyAsDoublesWithNaNForGaps() {
    var numbers = ChunkNumbers()
    defer { numbers.release() }
    for value: Double in [3, -12, 100_000] { numbers.append(value) }
    numbers.appendMissing()
    #expect(!numbers.isWide)
    var copied = [Double](repeating: 0, count: 4)
    copied.withUnsafeMutableBufferPointer { numbers.copy(4, into: $0.baseAddress!) }
    #expect(Array(copied.prefix(3)) == [3, -12, 100_000])
    #expect(copied[3].isNaN)
  }

  /// Column `n` of a file whose rows hold an id and `cells` (a line with only a blank
  /// field would be no record).
  private func loadColumn(_ cells: [String]) throws -> [Double] {
    let rows = cells.enumerated().map { "\($0 + 1),\($1)" }
    return try loadCSV("id,n\n" + rows.joined(separator: "\n") + "\n").dataset.numbers("n")
  }

  @Test func aLoadedColumnKeepsEveryValueAcrossTheWidening() throws {
    // Whole numbers and blanks first, then a fraction, -0, a number past Int32, and NA.
    let cells = ["1", "", "2", "2.5", "NA", "-0", "3000000000", "-4"]
    let values = try loadColumn(cells)
    let expected: [Double] = [1, .nan, 2, 2.5, .nan, -0.0, 3_000_000_000, -4]
    #expect(values.count == expected.count)
    #expect(zip(values, expected).allSatisfy { $0.isNaN ? $1.isNaN : $0 == $1 })
    // -0 keeps its sign (−0 == 0 holds, so the sign is checked apart).
    #expect(values[5].sign == .minus)
  }

  @Test func aLoadedColumnOfWholeNumbersStaysExact() throws {
    let cells = ["2147483647", "-2147483647", "", "0", "17", "-0"]
    let values = try loadColumn(cells)
    #expect(values.count == 6)
    // -0 while the chunk is still whole widens it, keeping the sign.
    #expect(values[5] == 0 && values[5].sign == .minus)
    #expect(values[0] == 2_147_483_647 && values[1] == -2_147_483_647)
    #expect(values[2].isNaN && values[3] == 0 && values[4] == 17)
  }
}
