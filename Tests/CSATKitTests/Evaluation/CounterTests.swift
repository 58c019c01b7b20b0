import Testing

@testable import CSATKit

@Suite struct CounterTests {
  /// A byte pattern whose counts are known by construction: position i holds i % 7 − 1, so
  /// each value from −1 to 5 appears once in every seven bytes.
  @Test(arguments: [0, 15, 16, 17, 4080, 4096, 10_007])
  func bytesEqualToAValueAreCounted(count: Int) {
    let bytes = (0..<count).map { Int8($0 % 7 - 1) }
    for value in Int8(-1)...5 {
      // Positions p < count with p % 7 == value + 1: full cycles, plus one more when the
      // remainder reaches past that position.
      let expected = count / 7 + (count % 7 > Int(value) + 1 ? 1 : 0)
      let counted = bytes.withUnsafeBufferPointer { buffer in
        buffer.baseAddress.map { Counter.countBytes(equalTo: value, $0, count) } ?? 0
      }
      #expect(counted == expected)
    }
  }
}

@Suite struct ScaleTests {
  /// A catalog with one number column holding `values`.
  func scale(_ values: [Double]) -> ScoreScale? {
    let column = Column(name: "score", data: .number(NumberColumn(values: values)))
    let dataset = Dataset(columns: [column], rowCount: values.count, roles: Roles(), sources: [])
    return Catalog(dataset: dataset).scale(ofColumn: 0)
  }

  @Test func theLoadSummaryAndTheQueriesReadOneScale() {
    // 1–5 answers: 1–5. One 6 makes the smallest scale holding it 1–7.
    #expect(scale([1, 3, 5]) == ScoreScale(low: 1, high: 5))
    #expect(scale([2, 6]) == ScoreScale(low: 1, high: 7))
    // A 0 with answers up to 7 fits 0–10, as the summary says (`standardScale`).
    #expect(scale([0, 7]) == ScoreScale(low: 0, high: 10))
    // Only 1s and 2s still sit on 1–5; 0s and 1s on 0–5.
    #expect(scale([1, 2]) == ScoreScale(low: 1, high: 5))
    #expect(scale([0, 1]) == ScoreScale(low: 0, high: 5))
    // Beyond 10 no survey scale fits: the answers' own range.
    #expect(scale([1, 40]) == ScoreScale(low: 1, high: 40))
    #expect(scale([.nan, 4.5]) == nil)
  }
}
