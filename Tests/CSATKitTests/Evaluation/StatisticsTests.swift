import Testing

@testable import CSATKit

/// The formulas of Statistics.swift against values worked out by hand.
///
/// z = 1.959964 (95 %), z² = 3.841459. Wilson: centre = (p + z²/2n) / (1 + z²/n),
/// half-width = z·√(p(1 − p)/n + z²/4n²) / (1 + z²/n). NPS: variance = p + d − (p − d)²,
/// bounds 100·(p − d ± z·√(variance / n)) clipped to [−100, 100].
@Suite struct StatisticsTests {
  let z = ConfidenceLevel.ninetyFive.z

  func close(_ actual: Double?, _ expected: Double, within tolerance: Double = 0.001) -> Bool {
    guard let actual else { return false }
    return abs(actual - expected) <= tolerance
  }

  @Test func criticalValues() {
    #expect(ConfidenceLevel.ninety.z == 1.644854)
    #expect(ConfidenceLevel.ninetyFive.z == 1.959964)
    #expect(ConfidenceLevel.ninetyNine.z == 2.575829)
  }

  @Test func wilsonWithNoRespondentsHasNoInterval() {
    #expect(Statistics.wilson(hits: 0, n: 0, z: z) == nil)
    #expect(Statistics.npsInterval(.empty, z: z) == nil)
  }

  @Test func wilsonWithOneRespondent() throws {
    // n = 1: z²/n = 3.841459, divisor 4.841459; √(0 + 3.841459/4) = 0.979982, half-width
    // 1.959964 × 0.979982 / 4.841459 = 0.396725.
    // 0 of 1: centre (0 + 1.920729) / 4.841459 = 0.396725 → [0, 79.3451].
    let none = try #require(Statistics.wilson(hits: 0, n: 1, z: z))
    #expect(close(none.low, 0))
    #expect(close(none.high, 79.3451))
    // 1 of 1: centre (1 + 1.920729) / 4.841459 = 0.603275 → [20.6549, 100].
    let all = try #require(Statistics.wilson(hits: 1, n: 1, z: z))
    #expect(close(all.low, 20.6549))
    #expect(close(all.high, 100))
  }

  @Test func wilsonOfAFiftyFiftySplitIsCentred() throws {
    // 50 of 100: z²/n = 0.038415, divisor 1.038415; centre (0.5 + 0.019207) / 1.038415 =
    // 0.5 exactly; √(0.0025 + 0.000096) = 0.050951; half 1.959964 × 0.050951 / 1.038415 =
    // 0.096168 → [40.3832, 59.6168].
    let interval = try #require(Statistics.wilson(hits: 50, n: 100, z: z))
    #expect(close(interval.low, 40.3832))
    #expect(close(interval.high, 59.6168))
  }

  @Test func wilsonAtNinetyPercent() throws {
    // 1 of 1 with z = 1.644854: z² = 2.705545, divisor 3.705545; centre (1 + 1.352772) /
    // 3.705545 = 0.634933; half 1.644854 × √(2.705545/4) / 3.705545 = 1.644854 × 0.822427 /
    // 3.705545 = 0.365067 → low 0.269866.
    let interval = try #require(
      Statistics.wilson(hits: 1, n: 1, z: ConfidenceLevel.ninety.z))
    #expect(close(interval.low, 26.9866))
    #expect(close(interval.high, 100))
  }

  @Test func npsOfAllPromotersHasNoWidth() throws {
    // p = 1, d = 0: variance 1 − 1² = 0, so the interval is the figure itself.
    let interval = try #require(Statistics.npsInterval(Tally(n: 10, hits: 10), z: z))
    #expect(interval.low == 100)
    #expect(interval.high == 100)
    // One detractor alone: d = 1, variance 1 − 1 = 0.
    let single = try #require(Statistics.npsInterval(Tally(n: 1, hits: 0, detractors: 1), z: z))
    #expect(single.low == -100)
    #expect(single.high == -100)
  }

  @Test func npsOfAFiftyFiftySplit() throws {
    // 50 promoters, 50 detractors of 100: NPS 0; variance 0.5 + 0.5 − 0 = 1; √(1/100) = 0.1;
    // × 1.959964 = 0.195996 → ±19.5996.
    let interval = try #require(
      Statistics.npsInterval(Tally(n: 100, hits: 50, detractors: 50), z: z))
    #expect(close(interval.low, -19.5996))
    #expect(close(interval.high, 19.5996))
  }

  @Test func npsIntervalIsClipped() throws {
    // 3 promoters, 1 detractor of 4: NPS 50; variance 1 − 0.25 = 0.75; √(0.75/4) = 0.433013;
    // × 1.959964 = 0.848689 → [−34.8689, 134.8689], the top clipped to 100.
    let interval = try #require(
      Statistics.npsInterval(Tally(n: 4, hits: 3, detractors: 1), z: z))
    #expect(close(interval.low, -34.8689))
    #expect(interval.high == 100)
  }

  // MARK: - Significance

  @Test func sharesThatDifferSignificantly() throws {
    // 60/100 against 40/100: pooled 100/200 = 0.5; SE √(0.25 × (1/100 + 1/100)) = √0.005 =
    // 0.070711; z = 0.2 / 0.070711 = 2.828427: above 1.959964 and 2.575829.
    let statistic = try #require(
      Statistics.shareZ(Tally(n: 100, hits: 60), Tally(n: 100, hits: 40)))
    #expect(close(statistic, 2.828427, within: 0.000_01))
    #expect(Statistics.isSignificant(statistic, critical: ConfidenceLevel.ninetyFive.z) == true)
    #expect(Statistics.isSignificant(statistic, critical: ConfidenceLevel.ninetyNine.z) == true)
  }

  @Test func sharesThatDoNotDifferSignificantly() throws {
    // 55/100 against 45/100: pooled 0.5, SE 0.070711; z = 0.1 / 0.070711 = 1.414214: under
    // 1.644854, so not even at 90 %.
    let statistic = try #require(
      Statistics.shareZ(Tally(n: 100, hits: 55), Tally(n: 100, hits: 45)))
    #expect(close(statistic, 1.414214, within: 0.000_01))
    #expect(Statistics.isSignificant(statistic, critical: ConfidenceLevel.ninety.z) == false)
  }

  @Test func sharesWithNothingToTest() {
    #expect(Statistics.shareZ(Tally(n: 0, hits: 0), Tally(n: 5, hits: 1)) == nil)
    // 0 of 10 and 0 of 20: pooled share 0, no spread: z = 0.
    #expect(Statistics.shareZ(Tally(n: 10, hits: 0), Tally(n: 20, hits: 0)) == 0)
  }

  @Test func npsThatDiffersSignificantly() throws {
    // A: 60 promoters, 20 detractors of 100: NPS 0.4, variance 0.8 − 0.16 = 0.64.
    // B: 40 promoters, 30 detractors of 100: NPS 0.1, variance 0.7 − 0.01 = 0.69.
    // SE √(0.64/100 + 0.69/100) = √0.0133 = 0.115326; z = 0.3 / 0.115326 = 2.601331 > 2.575829.
    let first = Tally(n: 100, hits: 60, detractors: 20)
    let statistic = try #require(
      Statistics.npsZ(first, Tally(n: 100, hits: 40, detractors: 30)))
    #expect(close(statistic, 2.601331, within: 0.000_01))
    #expect(Statistics.isSignificant(statistic, critical: ConfidenceLevel.ninetyNine.z) == true)
  }

  @Test func npsThatDoesNotDifferSignificantly() throws {
    // A as above (0.4, 0.64); B: 50 promoters, 20 detractors: NPS 0.3, variance 0.7 − 0.09 =
    // 0.61. SE √(0.0064 + 0.0061) = √0.0125 = 0.111803; z = 0.1 / 0.111803 = 0.894427.
    let statistic = try #require(
      Statistics.npsZ(
        Tally(n: 100, hits: 60, detractors: 20), Tally(n: 100, hits: 50, detractors: 20)))
    #expect(close(statistic, 0.894427, within: 0.000_01))
    #expect(Statistics.isSignificant(statistic, critical: ConfidenceLevel.ninetyFive.z) == false)
  }

  @Test func npsWithoutSpreadCannotBeTested() {
    // One promoter against one detractor: both variances 0, the figures differ: no z.
    let promoter = Tally(n: 1, hits: 1)
    let detractor = Tally(n: 1, hits: 0, detractors: 1)
    #expect(Statistics.npsZ(promoter, detractor) == nil)
    #expect(Statistics.npsZ(promoter, promoter) == 0)
  }

  // MARK: - Terminal text

  @Test func intervalTextIsSymmetricOnlyAtDisplayPrecision() {
    // 81.2 − 79.8 = 1.4 = 82.6 − 81.2: ±1.4. With 82.5 the sides differ (1.4 and 1.3).
    let figure = Cell.figure(.ratio(812, 10))
    let text = { (low: Double, high: Double) in
      TerminalFigures.intervalText(figure, .figure(.real(low)), .figure(.real(high)))
    }
    #expect(text(79.8, 82.6) == "±1.4")
    #expect(text(79.8, 82.5) == "[79.8, 82.5]")
    // Bounds are rounded first: 79.84 → 79.8, 82.56 → 82.6.
    #expect(text(79.84, 82.56) == "±1.4")
    #expect(TerminalFigures.intervalText(.notApplicable, .notApplicable, .notApplicable) == "")
  }
}
