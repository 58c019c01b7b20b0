import Testing

@testable import CSATKit

@Suite("chunk numbers, in the narrowest form that holds them so far")
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

  /// The values of `numbers`, taken as doubles (NaN for missing).
  private func taken(_ numbers: inout ChunkNumbers) -> [Double] {
    var buffer = numbers.take(as: Double.self)
    defer { buffer.release() }
    return (0..<buffer.count).map { buffer.pointer[$0] }
  }

  @Test func valuesWidenFromBytesToWholeNumbersToDoublesKeepingEarlierOnesAndGaps() {
    var numbers = ChunkNumbers()
    defer { numbers.release() }
    numbers.appendMissing(count: 2)
    numbers.append(4)
    numbers.appendMissing()
    numbers.append(whole: 127)
    numbers.append(whole: -127)
    #expect(numbers.form == .small)
    numbers.append(200)
    #expect(numbers.form == .whole)
    numbers.appendMissing()
    numbers.append(0.5)
    #expect(numbers.form == .real)
    numbers.append(whole: 9)
    numbers.appendMissing()
    #expect(numbers.count == 11)
    let expected: [Double] = [.nan, .nan, 4, .nan, 127, -127, 200, .nan, 0.5, 9, .nan]
    #expect(sameNumbers(taken(&numbers), expected))
    #expect(numbers.count == 0)
  }

  @Test(arguments: [-128, 128, 1_000, -2_147_483_647] as [Int32])
  func aWholeNumberPastABytesRangeWidens(value: Int32) {
    // −128 is the bytes' missing mark, so it cannot be a byte value.
    var numbers = ChunkNumbers()
    defer { numbers.release() }
    numbers.append(whole: 3)
    numbers.append(whole: value)
    #expect(numbers.form == .whole)
    #expect(sameNumbers(taken(&numbers), [3, Double(value)]))
  }

  @Test func bytesTakenAsWiderFormsKeepValuesAndGaps() {
    for form in 0..<3 {
      var numbers = ChunkNumbers()
      defer { numbers.release() }
      numbers.append(whole: 3)
      numbers.appendMissing()
      numbers.append(-127)
      #expect(numbers.form == .small)
      switch form {
      case 0:
        var bytes = numbers.take(as: Int8.self)
        defer { bytes.release() }
        #expect((0..<bytes.count).map { bytes.pointer[$0] } == [3, Int8.min, -127])
      case 1:
        var whole = numbers.take(as: Int32.self)
        defer { whole.release() }
        #expect((0..<whole.count).map { whole.pointer[$0] } == [3, Int32.min, -127])
      default:
        #expect(sameNumbers(taken(&numbers), [3, .nan, -127]))
      }
    }
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
