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
