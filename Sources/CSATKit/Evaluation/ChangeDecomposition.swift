/// The change of a share or NPS between two windows, split over segments
/// (`explain change`).
///
/// The overall figure of a window is the respondent-weighted sum of its segments' figures:
/// R = Σ sᵢ·rᵢ, with sᵢ a segment's share of the window's respondents and rᵢ its rate (a share
/// in %, or an NPS). With s₀, s₁ and r₀, r₁ a segment's share and rate then and now:
///
/// - rate effect = (r₁ − r₀)·(s₀ + s₁)/2, the segment's own change of rate;
/// - mix effect = (s₁ − s₀)·(r₀ + r₁)/2, the shift of respondents towards or away from it.
///
/// The two add up to s₁·r₁ − s₀·r₀, so over all segments to R₁ − R₀, the total change. A
/// segment with no respondents in one window takes there the rate it has in the other: its
/// rate effect is 0 and its whole contribution is mix.
struct ChangeDecomposition {
  /// The counts of one segment in the earlier window and in the current one.
  struct Segment: Equatable {
    var earlier: Tally
    var current: Tally
  }

  /// One segment's two effects, in points.
  struct Effects: Equatable {
    var rate: Double
    var mix: Double
    /// The segment's contribution to the total change, s₁·r₁ − s₀·r₀.
    var change: Double { rate + mix }
  }

  var segments: [Segment]

  var earlierTotal: Tally { segments.reduce(.empty) { $0 + $1.earlier } }
  var currentTotal: Tally { segments.reduce(.empty) { $0 + $1.current } }

  /// The figure of a tally in percent: 100·(hits − detractors)/n; nil when n = 0.
  static func rate(_ tally: Tally) -> Double? {
    guard tally.n > 0 else { return nil }
    return 100 * Double(tally.hits - tally.detractors) / Double(tally.n)
  }

  /// Each segment's effects; nil when either window has no respondents at all (then
  /// shares, and the change, are undefined).
  func effects() -> [Effects]? {
    let earlierN = Double(earlierTotal.n)
    let currentN = Double(currentTotal.n)
    guard earlierN > 0, currentN > 0 else { return nil }
    return segments.map { segment in
      let share0 = Double(segment.earlier.n) / earlierN
      let share1 = Double(segment.current.n) / currentN
      // A segment absent from one window takes there its rate from the other one.
      let rate0 = Self.rate(segment.earlier) ?? Self.rate(segment.current) ?? 0
      let rate1 = Self.rate(segment.current) ?? rate0
      return Effects(
        rate: (rate1 - rate0) * (share0 + share1) / 2,
        mix: (share1 - share0) * (rate0 + rate1) / 2)
    }
  }

  /// The total change R₁ − R₀ in whole units of 1/`scale` point, rounded once, halves away
  /// from zero, from the integer counts; nil when either window has no respondents.
  func totalChange(scale: Int) -> Int? {
    let earlier = earlierTotal
    let current = currentTotal
    guard earlier.n > 0, current.n > 0 else { return nil }
    // 100·(P₁/N₁ − P₀/N₀) = 100·(P₁·N₀ − P₀·N₁) / (N₁·N₀), exact unless it overflows.
    let points1 = current.hits - current.detractors
    let points0 = earlier.hits - earlier.detractors
    let left = points1.multipliedReportingOverflow(by: earlier.n)
    let right = points0.multipliedReportingOverflow(by: current.n)
    let difference = left.partialValue.subtractingReportingOverflow(right.partialValue)
    let numerator = difference.partialValue.multipliedReportingOverflow(by: 100 * scale)
    let denominator = current.n.multipliedReportingOverflow(by: earlier.n)
    guard
      !(left.overflow || right.overflow || difference.overflow || numerator.overflow
        || denominator.overflow)
    else {
      let change =
        100 * (Double(points1) / Double(current.n) - Double(points0) / Double(earlier.n))
      return Int((change * Double(scale)).rounded(.toNearestOrAwayFromZero))
    }
    return Self.roundedQuotient(numerator.partialValue, denominator.partialValue)
  }

  /// numerator / denominator rounded to a whole number, halves away from zero.
  static func roundedQuotient(_ numerator: Int, _ denominator: Int) -> Int {
    let quotient = numerator / denominator
    let remainder = numerator % denominator
    guard 2 * abs(remainder) >= abs(denominator) else { return quotient }
    return (numerator < 0) != (denominator < 0) ? quotient - 1 : quotient + 1
  }

  // MARK: - Rounding that keeps sums

  /// `values` in whole units of 1/`scale`, each its value rounded down or up, that add up to
  /// `total` exactly: the values with the largest remainders are rounded up (largest
  /// remainder rounding, so that shown parts add up to the shown whole).
  ///
  /// When `total` is within the values' count of their own sum, as it is here, every result
  /// lies within one unit of its value. Values are computed in floating point: a value within
  /// a millionth of a unit of a whole number counts as that number, and remainders that close
  /// to each other as equal, the earlier value then going first, so that exact halves are
  /// shared out the same way whatever the rounding errors of the arithmetic.
  static func apportioned(_ values: [Double], scale: Int, total: Int) -> [Int] {
    guard !values.isEmpty else { return [] }
    let tolerance = 1e-6
    let scaled = values.map { value in
      let near = (value * Double(scale)).rounded()
      return abs(value * Double(scale) - near) < tolerance ? near : value * Double(scale)
    }
    var units = scaled.map { Int($0.rounded(.down)) }
    var missing = total - units.reduce(0, +)
    // Remainders in millionths of a unit, so that equal ones compare equal.
    let remainders = scaled.indices.map {
      Int(((scaled[$0] - Double(units[$0])) / tolerance).rounded())
    }
    // Largest remainder first; among equals, the earlier value.
    let order = scaled.indices.sorted { left, right in
      remainders[left] != remainders[right] ? remainders[left] > remainders[right] : left < right
    }
    var position = 0
    while missing > 0 {
      units[order[position % order.count]] += 1
      missing -= 1
      position += 1
    }
    position = order.count - 1
    while missing < 0 {
      units[order[(position % order.count + order.count) % order.count]] -= 1
      missing += 1
      position -= 1
    }
    return units
  }
}
