import Testing

@testable import CSATKit

@Suite struct FigureTests {
  @Test(arguments: [
    // 100 × 1 / 8 = 12.5 exactly.
    (100, 8, "12.5"),
    // 100 × 1 / 16 = 6.25: a half at the second decimal rounds away from zero.
    (100, 16, "6.3"),
    (-100, 16, "-6.3"),
    // 100 × (8 − 22) / 39 = −35.897…
    (-1400, 39, "-35.9"),
    // 100 × 2 / 3 = 66.666…
    (200, 3, "66.7"),
    (0, 5, "0.0"),
    (100, 1, "100.0"),
    // 100 × 1 / 2000 = 0.05: half rounds up to 0.1; −0.05 to −0.1.
    (100, 2000, "0.1"),
    (-100, 2000, "-0.1"),
    // 100 × 1 / 3000 = 0.0333…: rounds to 0.0 with no minus sign.
    (-100, 3000, "0.0"),
  ])
  func ratiosRoundOnceHalvesAwayFromZero(numerator: Int, denominator: Int, text: String) {
    #expect(Figure.ratio(numerator, denominator).displayText == text)
  }
}
