import Foundation

/// The counts behind one share or NPS figure in one group.
///
/// For a share (`csat`, `dsat`, `promoters`, `passives`, `detractors`) `hits` is the number
/// of respondents counted in the share and `detractors` is 0. For `nps`, `hits` is the
/// promoters and `detractors` the detractors.
struct Tally: Sendable, Equatable {
  var n: Int
  var hits: Int
  var detractors: Int = 0

  static let empty = Tally(n: 0, hits: 0)

  static func + (lhs: Tally, rhs: Tally) -> Tally {
    Tally(n: lhs.n + rhs.n, hits: lhs.hits + rhs.hits, detractors: lhs.detractors + rhs.detractors)
  }

  static func - (lhs: Tally, rhs: Tally) -> Tally {
    Tally(n: lhs.n - rhs.n, hits: lhs.hits - rhs.hits, detractors: lhs.detractors - rhs.detractors)
  }
}

/// Confidence intervals and significance tests for share and NPS figures.
///
/// Every result is in percentage points (0 to 100 for a share, −100 to 100 for NPS), from
/// integer counts; nothing is rounded here. See README.md, "Numbers you can defend", for the
/// formulas in words.
enum Statistics {
  // MARK: - Intervals

  /// The Wilson score interval of `hits` out of `n` at the critical value `z`, in percent.
  ///
  /// With p = hits / n: centre = (p + z²/2n) / (1 + z²/n), half-width =
  /// z·√(p(1 − p)/n + z²/4n²) / (1 + z²/n). nil when n = 0.
  static func wilson(hits: Int, n: Int, z: Double) -> (low: Double, high: Double)? {
    guard n > 0 else { return nil }
    let count = Double(n)
    let p = Double(hits) / count
    let zz = z * z
    let denominator = 1 + zz / count
    let centre = (p + zz / (2 * count)) / denominator
    let half = z * (p * (1 - p) / count + zz / (4 * count * count)).squareRoot() / denominator
    return (100 * max(0, centre - half), 100 * min(1, centre + half))
  }

  /// The per-respondent variance of NPS read as a score of +1, 0 or −1: p + d − (p − d)²,
  /// with p and d the promoter and detractor proportions.
  static func npsVariance(_ tally: Tally) -> Double {
    guard tally.n > 0 else { return 0 }
    let p = Double(tally.hits) / Double(tally.n)
    let d = Double(tally.detractors) / Double(tally.n)
    return max(0, p + d - (p - d) * (p - d))
  }

  /// The normal-approximation interval of NPS: 100·(p − d ± z·√(variance / n)), clipped
  /// to [−100, 100]. nil when n = 0.
  static func npsInterval(_ tally: Tally, z: Double) -> (low: Double, high: Double)? {
    guard tally.n > 0 else { return nil }
    let nps = Double(tally.hits - tally.detractors) / Double(tally.n)
    let half = z * (npsVariance(tally) / Double(tally.n)).squareRoot()
    return (max(-100, 100 * (nps - half)), min(100, 100 * (nps + half)))
  }

  // MARK: - Tests

  /// z of the pooled two-proportion test of `first` against `second`: (p1 − p2) / √(p(1 − p)
  /// (1/n1 + 1/n2)) with p = (x1 + x2) / (n1 + n2).
  ///
  /// nil when either n is 0; 0 when the pooled share is 0 or 1 (then p1 = p2).
  static func shareZ(_ first: Tally, _ second: Tally) -> Double? {
    guard first.n > 0, second.n > 0 else { return nil }
    let n1 = Double(first.n)
    let n2 = Double(second.n)
    let pooled = Double(first.hits + second.hits) / (n1 + n2)
    let error = (pooled * (1 - pooled) * (1 / n1 + 1 / n2)).squareRoot()
    guard error > 0 else { return 0 }
    return (Double(first.hits) / n1 - Double(second.hits) / n2) / error
  }

  /// z of the difference of two NPS: (nps1 − nps2) / √(v1/n1 + v2/n2), NPS as proportions
  /// and v the per-respondent variance (`npsVariance`).
  ///
  /// nil when either n is 0, and when neither side varies (every answer alike on both sides)
  /// but the two differ: the normal approximation cannot say how sure that difference is.
  /// Two equal figures with no variance give 0.
  static func npsZ(_ first: Tally, _ second: Tally) -> Double? {
    guard first.n > 0, second.n > 0 else { return nil }
    let difference =
      Double(first.hits - first.detractors) / Double(first.n)
      - Double(second.hits - second.detractors) / Double(second.n)
    let error =
      (npsVariance(first) / Double(first.n) + npsVariance(second) / Double(second.n))
      .squareRoot()
    guard error > 0 else { return difference == 0 ? 0 : nil }
    return difference / error
  }

  /// Whether a z statistic is significant at the critical value: |z| > critical.
  static func isSignificant(_ z: Double?, critical: Double) -> Bool? {
    z.map { abs($0) > critical }
  }
}
