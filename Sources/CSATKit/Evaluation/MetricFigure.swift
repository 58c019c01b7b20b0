/// One metric's figure in one group, kept as the counts behind it, so that figures of
/// several groups can be added up (for `vs rest`) and compared.
struct MetricFigure: Sendable, Equatable {
  var kind: MetricKind
  /// Respondents (rows, for `count`).
  var n: Int
  /// The counts of a share or NPS.
  var tally: Tally?
  /// The sum of the answers, for `avg`.
  var sum: Double = 0
  /// The answers per score point, for a percentile or distribution of a score column.
  var points: ScorePoints?
  /// A percentile of a number column that holds no scores.
  var quantile: Double?

  /// The figure of a metric in a group of `counts`; a group of nil has no rows.
  init(_ metric: BoundMetric, _ counts: Accumulators, group: Int?) {
    kind = metric.kind
    if let points = counts.points(metric, group: group) {
      self.points = points
      n = points.total
    } else if let found = counts.quantile(metric, group: group) {
      n = found.n
      quantile = found.value
    } else if let tally = counts.tally(metric, group: group) {
      self.tally = tally
      n = tally.n
    } else if let totals = counts.averageTotals(metric, group: group) {
      n = totals.n
      sum = totals.sum
    } else {
      n = group.map { counts.rows[$0] } ?? 0
    }
  }

  /// The numbers ``value`` reads as (`Evaluator.number`) in `groups`, for ranking millions
  /// of groups: a count's are the groups' rows, the others their figures' (``figures``).
  static func rankingValues(_ metric: BoundMetric, _ counts: Accumulators, groups: [Int])
    -> [Double?]
  {
    if metric.kind == .count { return groups.map { Double(counts.rows[$0]) } }
    return figures(metric, counts, groups: groups) { Evaluator.number($0.value) }
  }

  /// `each` of the figure of each of `groups`, as ``init(_:_:group:)`` makes them one by one:
  /// a share's or the NPS's from the tallies (``Accumulators/tallies(_:groups:_:)``), for
  /// many groups. No array of figures is made in between (a figure takes about 100 bytes).
  static func figures<Result>(
    _ metric: BoundMetric, _ counts: Accumulators, groups: [Int],
    _ each: (MetricFigure) -> Result
  ) -> [Result] {
    let fromTallies = counts.tallies(metric, groups: groups) { tally in
      each(MetricFigure(kind: metric.kind, n: tally.n, tally: tally))
    }
    return fromTallies ?? groups.map { each(MetricFigure(metric, counts, group: $0)) }
  }

  init(
    kind: MetricKind, n: Int, tally: Tally?, sum: Double = 0, points: ScorePoints? = nil
  ) {
    self.kind = kind
    self.n = n
    self.tally = tally
    self.sum = sum
    self.points = points
  }

  static func + (lhs: MetricFigure, rhs: MetricFigure) -> MetricFigure {
    let tally = lhs.tally.flatMap { left in rhs.tally.map { left + $0 } }
    let points = lhs.points.flatMap { left in rhs.points.map { left + $0 } }
    return MetricFigure(
      kind: lhs.kind, n: lhs.n + rhs.n, tally: tally, sum: lhs.sum + rhs.sum, points: points)
  }

  static func - (lhs: MetricFigure, rhs: MetricFigure) -> MetricFigure {
    let tally = lhs.tally.flatMap { left in rhs.tally.map { left - $0 } }
    let points = lhs.points.flatMap { left in rhs.points.map { left - $0 } }
    return MetricFigure(
      kind: lhs.kind, n: lhs.n - rhs.n, tally: tally, sum: lhs.sum - rhs.sum, points: points)
  }

  /// A percentile's exact value; nil for other metrics and without answers.
  var percentileValue: Double? {
    guard case .percentile(let percent) = kind, n > 0 else { return nil }
    return points.map { $0.percentile(percent) } ?? quantile
  }

  /// The share of respondents at a score point, in percent, for a distribution.
  func share(at score: Int) -> Cell {
    guard let points, n > 0 else { return .notApplicable }
    return .figure(.ratio(100 * points.count(at: score), n))
  }

  /// The figure's exact value in percent, as numerator over n; nil for `avg` and `count`.
  var percent: (numerator: Int, denominator: Int)? {
    guard let tally, n > 0 else { return nil }
    return (100 * (tally.hits - tally.detractors), n)
  }

  /// The cell shown for the figure: n/a when there are no respondents.
  var value: Cell {
    switch kind {
    case .count: return .integer(n)
    case .average: return n > 0 ? .figure(.real(sum / Double(n))) : .notApplicable
    case .percentile: return percentileValue.map { .figure(.real($0)) } ?? .notApplicable
    case .distribution: return .notApplicable
    default:
      guard let percent else { return .notApplicable }
      return .figure(.ratio(percent.numerator, percent.denominator))
    }
  }

  /// The confidence interval: Wilson for a share, the normal approximation for NPS.
  func interval(z: Double) -> (low: Double, high: Double)? {
    guard let tally else { return nil }
    if kind == .nps { return Statistics.npsInterval(tally, z: z) }
    return Statistics.wilson(hits: tally.hits, n: tally.n, z: z)
  }

  /// This figure minus `other`, in points (rows for `count`), computed before rounding.
  func change(from other: MetricFigure) -> Cell {
    switch kind {
    case .count:
      return .integer(n - other.n)
    case .average:
      guard n > 0, other.n > 0 else { return .notApplicable }
      return .figure(.real(sum / Double(n) - other.sum / Double(other.n)))
    case .percentile:
      guard let mine = percentileValue, let theirs = other.percentileValue else {
        return .notApplicable
      }
      return .figure(.real(mine - theirs))
    default:
      guard let mine = percent, let theirs = other.percent else { return .notApplicable }
      // 100·a/n − 100·b/m = 100·(a·m − b·n) / (n·m), exact unless it overflows.
      let (left, leftOverflow) = mine.numerator.multipliedReportingOverflow(by: theirs.denominator)
      let (right, rightOverflow) = theirs.numerator.multipliedReportingOverflow(
        by: mine.denominator)
      let (below, belowOverflow) = mine.denominator.multipliedReportingOverflow(
        by: theirs.denominator)
      guard !leftOverflow, !rightOverflow, !belowOverflow else {
        let difference =
          Double(mine.numerator) / Double(mine.denominator) - Double(theirs.numerator)
          / Double(theirs.denominator)
        return .figure(.real(difference))
      }
      return .figure(.ratio(left - right, below))
    }
  }

  /// Whether this figure differs from `other` at the critical value `z`: the pooled
  /// two-proportion test for a share, the unpooled difference of NPS. nil when either side
  /// has no respondents, and for `avg` and `count`.
  func differs(from other: MetricFigure, z: Double) -> Bool? {
    guard let mine = tally, let theirs = other.tally else { return nil }
    let statistic = kind == .nps ? Statistics.npsZ(mine, theirs) : Statistics.shareZ(mine, theirs)
    return Statistics.isSignificant(statistic, critical: z)
  }
}
