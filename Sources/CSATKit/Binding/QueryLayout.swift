/// The columns of a query's result, and what each one holds.
///
/// A share metric (`csat`, `dsat`, `promoters`, `passives`, `detractors`) and `nps` bring
/// their n, the figure, the bounds of its confidence interval and a low-n flag; `avg` its n,
/// the figure and the flag; `count` the figure alone. With one metric the n and the flag are
/// `n` and `low_n`; with several, `<metric>_n` and `<metric>_low_n`. A baseline (`vs ...`)
/// adds the figure it is compared with, and for windows the change; see README.md. A metric
/// with a target adds `<metric>_target` and `<metric>_met`, and `nps` its `<metric>_band`.

/// One part of a metric's output.
public enum MetricPart: Sendable, Equatable {
  /// The respondents behind the figure (rows, for `count`).
  case n
  case value
  /// The bounds of the confidence interval, in the figure's unit.
  case low
  case high
  /// Whether n is under the minimum (`.set min_n`).
  case lowN
  /// n and the figure of the baseline: the earlier window, or the rest of the responses.
  case baselineN
  case baselineValue
  /// The figure minus the baseline's, in points.
  case change
  /// Whether the figure differs from the baseline's at the chosen confidence.
  case significant
  /// The metric's target, and whether the figure meets it.
  case target
  case met
  /// The band an NPS falls in (poor, fair, good, excellent).
  case band
  /// The share of respondents at this score point, for `distribution`.
  case point(Int)
}

/// What a result column holds.
public enum ColumnContent: Sendable, Equatable {
  /// The value of the grouping at this index.
  case grouping(Int)
  /// A part of the metric at this index.
  case metric(Int, MetricPart)
}

public struct BoundColumn: Sendable, Equatable {
  public var name: String
  public var content: ColumnContent
}

/// What a query's figures are compared with, resolved.
public enum BoundBaseline: Sendable, Equatable {
  /// The same figures over an earlier window (`vs previous`, `vs last year`).
  case window(ResolvedWindow)
  /// With a calendar unit among the groupings: each bucket against its earlier bucket.
  case buckets(BucketBaseline)
  /// For each group, all other responses of the query together (`vs rest`).
  case rest
}

enum QueryLayout {
  /// The result columns of a query, in order: groupings, then each metric's parts.
  static func columns(
    groupings: [BoundGrouping], metrics: [BoundMetric], baseline: BaselineSyntax.Kind?
  ) -> [BoundColumn] {
    var columns = groupings.enumerated().map { index, grouping in
      BoundColumn(name: grouping.name, content: .grouping(index))
    }
    // A lone metric's `n` and `low_n` take its name, as with several metrics, when a
    // grouping is called so (a field named `n`): `csat by n` gives n, csat_n, csat, ...
    let groupNames = Set(groupings.map { $0.name.lowercased() })
    let alone = metrics.count == 1 && groupNames.isDisjoint(with: ["n", "low_n"])
    for (index, metric) in metrics.enumerated() {
      columns += parts(of: metric, alone: alone, baseline: baseline).map {
        BoundColumn(name: $0.name, content: .metric(index, $0.part))
      }
    }
    return columns
  }

  /// The parts of one metric and their column names.
  private static func parts(
    of metric: BoundMetric, alone: Bool, baseline: BaselineSyntax.Kind?
  ) -> [(name: String, part: MetricPart)] {
    let name = metric.name
    let suffix = baseline == .rest ? "_rest" : "_previous"
    if metric.kind == .count {
      guard let baseline else { return [(name, .value)] }
      let other = [(name + suffix, MetricPart.baselineValue)]
      return [(name, .value)] + other + (baseline == .rest ? [] : [(name + "_change", .change)])
    }
    let n = alone ? "n" : name + "_n"
    if case .distribution(let scale, let prefix) = metric.kind {
      let points = (scale.low...scale.high).map { ("\(prefix)_\($0)", MetricPart.point($0)) }
      return [(n, .n)] + points + [(alone ? "low_n" : name + "_low_n", .lowN)]
    }
    var parts: [(name: String, part: MetricPart)] = [(n, .n), (name, .value)]
    let hasInterval = metric.kind.hasInterval
    if hasInterval {
      parts += [(name + "_low", .low), (name + "_high", .high)]
    }
    parts.append((alone ? "low_n" : name + "_low_n", .lowN))
    if metric.target != nil {
      parts += [(name + "_target", .target), (name + "_met", .met)]
    }
    if metric.kind == .nps {
      parts.append((name + "_band", .band))
    }
    guard let baseline else { return parts }
    parts += [(n + suffix, .baselineN), (name + suffix, .baselineValue)]
    if baseline != .rest {
      parts.append((name + "_change", .change))
    }
    if hasInterval {
      parts.append((name + "_significant", .significant))
    }
    return parts
  }
}
