import Foundation
import Testing

@testable import CSATKit

@Suite("numbers in the narrowest form that holds them")
struct NumberWidthTests {
  /// Column a fits a byte, b needs four bytes for 128, c has a fraction, d a −0, e the
  /// largest Int32 and one past it, f a number beyond any whole type; row 3 is blank.
  let file = """
    id,a,b,c,d,e,f
    1,-127,-127,1.5,-0,2147483647,1e20
    2,127,128,2,1,-2147483647,3
    3,,,,,,
    4,5,5,2.5,2,2147483647,4

    """

  func storage(_ dataset: Dataset, _ name: String) throws -> NumberValues {
    guard case .number(let numbers) = try dataset.column(name).data else {
      Issue.record("\(name) is not a number column")
      throw CancellationError()
    }
    return numbers.storage
  }

  func width(_ dataset: Dataset, _ name: String) throws -> Int {
    try storage(dataset, name).width
  }

  /// Averages, missing counts and conditions on each column.
  func answers(_ dataset: Dataset) -> String {
    Fixtures.run(
      """
      avg(a), avg(b), avg(c), avg(d), avg(e); count where a is missing; count where b >= 128; \
      count where d = 0; count where e > 2147483646
      """, dataset: dataset
    ).output
  }

  /// The sums over rows 1, 2 and 4 (row 3 is blank), divided by 3 answers:
  /// a (−127 + 127 + 5) / 3 = 1.67; b (−127 + 128 + 5) / 3 = 2; c (1.5 + 2 + 2.5) / 3 = 2;
  /// d (−0 + 1 + 2) / 3 = 1; e (2147483647 − 2147483647 + 2147483647) / 3 = 715827882.33.
  /// One blank a; one b of 128 or more; d = 0 holds for −0 (row 1); e above 2147483646 on
  /// rows 1 and 4.
  let expected = """
    avg(a)_n,avg(a),avg(a)_low_n,avg(b)_n,avg(b),avg(b)_low_n,avg(c)_n,avg(c),avg(c)_low_n,\
    avg(d)_n,avg(d),avg(d)_low_n,avg(e)_n,avg(e),avg(e)_low_n
    3,1.7,true,3,2.0,true,3,2.0,true,3,1.0,true,3,715827882.3,true
    count
    1
    count
    1
    count
    1
    count
    2

    """

  @Test func eachColumnTakesItsNarrowestForm() throws {
    let dataset = try loadCSV(file).dataset
    #expect(try width(dataset, "id") == 1)
    #expect(try width(dataset, "a") == 1)
    #expect(try width(dataset, "b") == 4)
    #expect(try width(dataset, "c") == 8)
    #expect(try width(dataset, "d") == 8)
    #expect(try width(dataset, "e") == 4)
    #expect(try width(dataset, "f") == 8)
    // A missing value reads as NaN in every form; −0 keeps its sign.
    #expect(try dataset.numbers("a")[2].isNaN)
    #expect(try dataset.numbers("b")[2].isNaN)
    #expect(try dataset.numbers("c")[2].isNaN)
    #expect(try dataset.numbers("d")[0].sign == .minus)
    let e = try dataset.numbers("e")
    #expect(e[0] == 2_147_483_647 && e[1] == -2_147_483_647 && e[2].isNaN)
    #expect(e[3] == 2_147_483_647)
    #expect(answers(dataset) == expected)
  }

  @Test func aSnapshotKeepsTheForms() throws {
    let dataset = try loadCSV(file).dataset
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("csat-numbers-\(UUID().uuidString).csatdb").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Snapshot.write(dataset, to: path)
    let copy = try Snapshot.read(path: path)
    for name in ["id", "a", "b", "c", "d", "e", "f"] {
      #expect(try width(copy, name) == width(dataset, name))
      let left = try copy.numbers(name).map(\.bitPattern)
      #expect(try left == dataset.numbers(name).map(\.bitPattern))
    }
    #expect(answers(copy) == expected)
  }

  @Test func doublesNarrowAtTheEdges() {
    // ±127 fit a byte, 128 and −128 (the byte's missing mark) do not; Int32.min is the
    // four-byte missing mark, so it needs a double, as do 2³¹, fractions, −0 and 1e20.
    #expect(NumberValues([-127, 127, .nan]).width == 1)
    #expect(NumberValues([128]).width == 4)
    #expect(NumberValues([-128]).width == 4)
    #expect(NumberValues([2_147_483_647, -2_147_483_647]).width == 4)
    #expect(NumberValues([-2_147_483_648]).width == 8)
    #expect(NumberValues([2_147_483_648]).width == 8)
    #expect(NumberValues([0.5]).width == 8)
    #expect(NumberValues([-0.0]).width == 8)
    #expect(NumberValues([1e20]).width == 8)
    #expect(NumberValues([.nan, .nan]).width == 1)
    // Missing stays missing in every form.
    #expect(NumberValues([3, .nan]).doubles[1].isNaN)
    #expect(NumberValues([300, .nan]).doubles[1].isNaN)
    #expect(NumberValues([0.5, .nan]).doubles[1].isNaN)
  }
}

@Suite("whole-number loops")
struct WholeNumbersTests {
  @Test func rangesLeaveOutTheMissingMark() {
    var generator = SystemRandomNumberGenerator()
    for round in 0..<200 {
      // Long runs too: missing bytes are counted in lanes summed every 4,080 bytes.
      let count = Int.random(in: 0...(round % 10 == 0 ? 20_000 : 100), using: &generator)
      let missingShare = Int.random(in: 0...4, using: &generator)
      let wide: [Int32] = (0..<count).map { _ in
        Int.random(in: 0..<4, using: &generator) < missingShare
          ? Int32.min : Int32.random(in: -127...127, using: &generator)
      }
      let present = wide.filter { $0 != Int32.min }
      let expected = present.isEmpty ? nil : present.min()!...present.max()!
      let fromWide = wide.withUnsafeBufferPointer { WholeNumbers.range($0) }
      #expect(fromWide.present == present.count && fromWide.range == expected)
      let bytes = wide.map { $0 == Int32.min ? Int8.min : Int8($0) }
      let fromBytes = bytes.withUnsafeBufferPointer { WholeNumbers.range($0) }
      #expect(fromBytes.present == present.count)
      #expect(fromBytes.range.map { Int32($0.lowerBound)...Int32($0.upperBound) } == expected)
    }
  }
}

@Suite("score counts")
struct ScoreHistogramTests {
  @Test func histogramCountsEveryByteValue() {
    var generator = SystemRandomNumberGenerator()
    for count in [0, 1, 3, 4, 5, 1_001] {
      let values = (0..<count).map { _ in
        Int8.random(in: -3...12, using: &generator) == 12 ? Int8.min : Int8.random(in: -3...11)
      }
      var expected = [Int](repeating: 0, count: 256)
      for value in values { expected[Int(UInt8(bitPattern: value))] += 1 }
      #expect(ScaleFit.histogram(ColumnValues(values)) == expected)
    }
  }
}
