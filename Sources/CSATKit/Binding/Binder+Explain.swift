/// `explain change` bound to the loaded data: a share or NPS, the segments, and the two
/// windows whose difference is explained.
public struct BoundExplain: Sendable, Equatable {
  public var metric: BoundMetric
  /// The groupings whose values (or combinations of values) are the segments; never a time
  /// bucket.
  public var groupings: [BoundGrouping]
  public var condition: BoundCondition?
  /// The window the change is to, and the earlier one it is from.
  public var window: ResolvedWindow
  public var earlier: ResolvedWindow
  /// `.set repeats first|latest`: one response per customer in each window.
  public var repeats: BoundRepeats? = nil
}

// MARK: - Explain

extension Binder {
  /// Binds an `explain change` statement (grammar.md: `explain`).
  ///
  /// The metric must be a share (`csat`, `dsat`, `promoters`, `passives`, `detractors`,
  /// `followup`) or `nps`, the only figures that are a respondent-weighted sum over segments;
  /// no grouping may be a time bucket, since the two windows hold different days.
  mutating func bind(_ explain: ExplainSyntax) throws -> BoundExplain {
    let metric = try bind(metric: explain.metric)
    guard Self.isExplainable(metric.kind) else {
      throw QueryError(
        .error(
          "'explain change' works on a share or nps, not on '\(explain.metric.name.name)'",
          at: explain.metric.range,
          notes: [
            "shares (csat, dsat, promoters, passives, detractors, followup) and nps add up over"
              + " segments, weighted by respondents; other figures do not"
          ]))
    }
    var groupings: [BoundGrouping] = []
    for syntax in explain.groupings {
      let grouping = try bind(grouping: syntax)
      if case .timeBucket(let unit, _) = grouping {
        throw QueryError(
          .error(
            "'explain change' cannot split by \(unit.rawValue): the two windows hold different"
              + " \(unit.rawValue)s", at: syntax.name.range,
            notes: ["split by a field, e.g. 'by channel'"]))
      }
      groupings.append(grouping)
    }
    try checkDistinct(
      groupings.map(\.name) + ExplainLayout.figureColumns(metric.name), in: explain.range,
      notes: [Self.explainClashAdvice(explain.metric, name: metric.name, groupings: groupings)])
    let condition = try explain.condition.map { try bind(condition: $0) }
    let window = try resolve(explain.window)
    let resolver = WindowResolver(zone: zone, now: now)
    let earlier = resolver.earlier(explain.window, lastYear: explain.baseline.kind == .lastYear)
    return BoundExplain(
      metric: metric, groupings: groupings, condition: condition, window: window,
      earlier: earlier, repeats: try bindRepeats(at: explain.range))
  }

  /// What to do when an explain's columns clash: group by a field once when two groupings
  /// do, rename the metric when one of its two columns takes part, else (a field named like
  /// one of the fixed columns) split by another field.
  static func explainClashAdvice(
    _ metric: MetricSyntax, name: String, groupings: [BoundGrouping]
  ) -> String {
    let grouped = groupings.map { $0.name.lowercased() }
    if Set(grouped).count < grouped.count { return "group by each field once" }
    let columns = ExplainLayout.figureColumns(name).map { $0.lowercased() }
    // figureColumns puts the metric's own two columns fifth and sixth.
    let own = Array(columns[4...5])
    let fixed = Array(columns[..<4] + columns[6...])
    if own.contains(where: { grouped.contains($0) || fixed.contains($0) }) {
      return renameAdvice(metric, avoiding: grouped + columns)
    }
    return "'explain change' names its own columns " + fixed.joined(separator: ", ")
      + "; split by a field of another name"
  }

  /// Whether a metric's figure is a share of respondents or an NPS.
  static func isExplainable(_ kind: MetricKind) -> Bool {
    switch kind {
    case .csat, .dsat, .nps, .promoters, .passives, .detractors, .followUp: true
    default: false
    }
  }
}

/// The columns of an `explain change` result after the groupings.
enum ExplainLayout {
  /// `n_previous`, `n`, `share_previous`, `share`, `<metric>_previous`, `<metric>`,
  /// `rate_effect`, `mix_effect`, `change`.
  static func figureColumns(_ metric: String) -> [String] {
    [
      "n_previous", "n", "share_previous", "share", metric + "_previous", metric, "rate_effect",
      "mix_effect", "change",
    ]
  }
}
