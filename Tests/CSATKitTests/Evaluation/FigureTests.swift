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

  @Test(arguments: [
    // 67.1 − 9.35 = 57.75, 57.7499999999999929 in binary: the half, away from zero.
    (67.1 - 9.35, 1, "57.8"),
    // 1.0 − 1.15 = −0.15, −0.1499999999999999 in binary: −0.2.
    (1.0 - 1.15, 1, "-0.2"),
    // 9.35 is 9.3499999999999996 in binary: 9.4.
    (9.35, 1, "9.4"),
    // 0.15 − 1e-7 is a ten-millionth below the half, far beyond rounding error: 0.1.
    (0.15 - 1e-7, 1, "0.1"),
    // 1.005 is 1.00499999999999989 in binary; four places show 1.0050, two 1.01.
    (1.005, 4, "1.0050"),
    (1.005, 2, "1.01"),
  ])
  func realsTakeAHairBelowAHalfAsTheHalf(value: Double, places: Int, text: String) {
    #expect(Figure.real(value).text(places: places) == text)
  }
}
