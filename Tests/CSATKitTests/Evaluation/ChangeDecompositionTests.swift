import Testing

@testable import CSATKit

/// The arithmetic of `explain change`: the effects add up to the total change, and the
/// rounding that keeps shown parts adding up to the shown whole.
@Suite struct ChangeDecompositionTests {
  typealias Segment = ChangeDecomposition.Segment

  /// Segments made of deterministic pseudo-random counts (a linear congruential sequence).
  static func segments(seed: UInt64, count: Int, nps: Bool) -> [Segment] {
    var state = seed
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    func tally() -> Tally {
      // Some segments are empty in one window.
      let n = next(4) == 0 ? 0 : next(500) + 1
      let hits = n == 0 ? 0 : next(n + 1)
      let detractors = nps ? (n - hits == 0 ? 0 : next(n - hits + 1)) : 0
      return Tally(n: n, hits: hits, detractors: detractors)
    }
    return (0..<count).map { _ in Segment(earlier: tally(), current: tally()) }
  }

  @Test(arguments: [(1, false), (2, true), (3, false), (4, true), (5, false)])
  func effectsAddUpToTheTotalChange(seed: UInt64, nps: Bool) throws {
    let segments = Self.segments(seed: seed, count: 12, nps: nps).filter {
      $0.earlier.n > 0 || $0.current.n > 0
    }
    let decomposition = ChangeDecomposition(segments: segments)
    let effects = try #require(decomposition.effects())
    let earlier = decomposition.earlierTotal
    let current = decomposition.currentTotal
    // R₁ − R₀ straight from the totals, independently of the segments.
    let change =
      100 * Double(current.hits - current.detractors) / Double(current.n) - 100
      * Double(earlier.hits - earlier.detractors) / Double(earlier.n)
    let sum = effects.reduce(0) { $0 + $1.rate + $1.mix }
    #expect(abs(sum - change) < 1e-9)
    // Each segment: rate + mix = s₁·r₁ − s₀·r₀, with the missing rate taken from the other
    // window (which s = 0 makes irrelevant).
    for (segment, effect) in zip(segments, effects) {
      let now =
        segment.current.n == 0 ? 0 : Double(segment.current.hits - segment.current.detractors)
      let then =
        segment.earlier.n == 0 ? 0 : Double(segment.earlier.hits - segment.earlier.detractors)
      let contribution = 100 * now / Double(current.n) - 100 * then / Double(earlier.n)
      #expect(abs(effect.rate + effect.mix - contribution) < 1e-9)
      if segment.earlier.n == 0 || segment.current.n == 0 { #expect(effect.rate == 0) }
    }
    // Rounded as shown, at one and at four decimals, the parts add up exactly.
    for scale in [10, 10_000] {
      let total = try #require(decomposition.totalChange(scale: scale))
      #expect(abs(Double(total) - change * Double(scale)) <= 0.5 + 1e-6)
      let rates = effects.map(\.rate)
      let mixes = effects.map(\.mix)
      let sums = ChangeDecomposition.apportioned(
        [rates.reduce(0, +), mixes.reduce(0, +)], scale: scale, total: total)
      let shownRates = ChangeDecomposition.apportioned(rates, scale: scale, total: sums[0])
      let shownMixes = ChangeDecomposition.apportioned(mixes, scale: scale, total: sums[1])
      #expect(shownRates.reduce(0, +) + shownMixes.reduce(0, +) == total)
      for (shown, exact) in zip(shownRates + shownMixes, rates + mixes) {
        #expect(abs(Double(shown) - exact * Double(scale)) < 1 + 1e-6)
      }
    }
  }

  @Test func largestRemaindersAreRoundedUp() {
    // 1.4 + 1.4 + 1.2 = 4: rounded down 1 + 1 + 1 = 3; the missing unit goes to the first
    // of the two largest remainders (0.4).
    #expect(ChangeDecomposition.apportioned([1.4, 1.4, 1.2], scale: 1, total: 4) == [2, 1, 1])
    // Thirds of 100 % in tenths: 333.33 each, 999 rounded down; one tenth to the first.
    let third = 100.0 / 3
    #expect(
      ChangeDecomposition.apportioned([third, third, third], scale: 10, total: 1000)
        == [334, 333, 333])
    // In tenths −2.5 rounds down to −3 and 7.5 to 7 (4), both with remainder 0.5; the total
    // 5 needs one more tenth, which goes to the first of the equal remainders: −2 and 7.
    #expect(ChangeDecomposition.apportioned([-0.25, 0.75], scale: 10, total: 5) == [-2, 7])
  }

  @Test func totalChangeIsRoundedOnceFromTheCounts() {
    // Then 1 of 3 (33.333…), now 2 of 3 (66.666…): change 33.333… → 33.3 and 33.3333.
    let segments = [
      Segment(earlier: Tally(n: 3, hits: 1), current: Tally(n: 3, hits: 2))
    ]
    let decomposition = ChangeDecomposition(segments: segments)
    #expect(decomposition.totalChange(scale: 10) == 333)
    #expect(decomposition.totalChange(scale: 10_000) == 333_333)
    // Then 1 of 8 (12.5), now 0 of 8: −12.5, a half, rounded away from zero at no decimal.
    let half = ChangeDecomposition(segments: [
      Segment(earlier: Tally(n: 8, hits: 1), current: Tally(n: 8, hits: 0))
    ])
    #expect(half.totalChange(scale: 1) == -13)
    #expect(ChangeDecomposition(segments: []).totalChange(scale: 10) == nil)
  }
}
