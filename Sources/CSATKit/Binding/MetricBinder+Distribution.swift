// MARK: - Percentiles and distributions

extension Binder {
  /// The percentile a metric name asks for: 50 for `median`, N for `pN` (1–99); nil when the
  /// name is neither.
  static func percentile(named metric: MetricSyntax) throws -> Int? {
    let word = metric.name.name.lowercased()
    if word == "median" { return 50 }
    let digits = word.dropFirst()
    guard word.hasPrefix("p"), !digits.isEmpty,
      digits.allSatisfy({ $0.isASCII && $0.isWholeNumber })
    else { return nil }
    // Too many digits for an Int is out of range too.
    guard digits.count <= 2, !digits.hasPrefix("0"), let percent = Int(digits), percent >= 1
    else {
      throw QueryError(
        .error(
          "'\(metric.name.name)' is no percentile: write p1 to p99, or median for p50",
          at: metric.name.range))
    }
    return percent
  }

  /// `median(field)`, `p90(field)`: a number or score field, blanks left out (grammar.md:
  /// `metric`).
  func bindPercentile(_ metric: MetricSyntax, percent: Int, name: String) throws -> BoundMetric {
    let word = metric.name.name.lowercased()
    let column = try numberArgument(
      of: metric, missing: "'\(word)' needs a number field, e.g. \(word)(response_time_minutes)",
      wanted: "\(word) needs a number or score field")
    return BoundMetric(kind: .percentile(percent), column: column, name: name)
  }

  /// The number column a metric's argument names; `missing` is the error without one, and
  /// `wanted` starts the error for a column of another type.
  private func numberArgument(
    of metric: MetricSyntax, missing: String, wanted: String
  ) throws -> Int {
    guard let argument = metric.argument else {
      throw QueryError(.error(missing, at: metric.range))
    }
    let column = try field(argument)
    let data = catalog.dataset.columns[column]
    guard data.type == .number else {
      throw QueryError(
        .error(
          "\(wanted), but '\(data.name)' is \(data.type.rawValue)", at: argument.range))
    }
    return column
  }

  /// `distribution(csat)`: the share at each point of the score scale the load summary shows
  /// (grammar.md: `metric`).
  func bindDistribution(_ metric: MetricSyntax, name: String) throws -> BoundMetric {
    let column = try numberArgument(
      of: metric,
      missing: "'distribution' needs a score field, e.g. distribution(csat) or distribution(nps)",
      wanted: "distribution needs a score field")
    let data = catalog.dataset.columns[column]
    // numberArgument has checked that there is one.
    let argument = metric.argument ?? metric.name
    guard var scale = catalog.scale(ofColumn: column), scale.high - scale.low <= 20 else {
      throw QueryError(
        .error(
          "'\(data.name)' does not hold scores on a small whole-number scale, so its "
            + "distribution cannot be shown", at: argument.range,
          notes: ["for a number field, try median(\(argument.name)) or p90(\(argument.name))"]))
    }
    // The NPS question is asked on 0–10 even when no one answered 0.
    if column == catalog.dataset.roles.nps && scale.low >= 0 && scale.high <= 10 {
      scale = ScoreScale(low: 0, high: 10)
    }
    let prefix = metric.alias?.name ?? argument.name
    return BoundMetric(kind: .distribution(scale, prefix: prefix), column: column, name: name)
  }

  /// Refuses what distributions cannot do in a query: they have no single figure to compare
  /// or rank by.
  func checkFigureKinds(_ metrics: [BoundMetric], query: QuerySyntax) throws {
    for metric in metrics {
      guard case .distribution = metric.kind else { continue }
      if let baseline = query.baseline {
        throw QueryError(
          .error(
            "distribution shows several shares and cannot be compared with 'vs'",
            at: baseline.range, notes: ["compare a single figure, e.g. csat or p90(field)"]))
      }
      // With `order by`, `top N` cuts that order and needs no figure of the first metric.
      if let rank = query.rank, metric == metrics.first, query.orderBy.isEmpty {
        throw QueryError(
          .error(
            "'\(rank.isTop ? "top" : "bottom")' ranks by the first metric, and "
              + "\(metric.name) has no single figure", at: rank.range,
            notes: ["put a metric with one figure first, or use 'order by' on a column"]))
      }
    }
  }

  /// Binds a `chart`'s query; its first metric must have a single figure to draw.
  mutating func bindChart(_ query: QuerySyntax) throws -> BoundQuery {
    let bound = try bind(query)
    if let first = bound.metrics.first, case .distribution = first.kind {
      throw QueryError(
        .error(
          "chart draws one figure, and \(first.name) has several", at: query.metrics[0].range,
          notes: ["chart a share instead, e.g. chart csat by month"]))
    }
    return bound
  }

  /// Refuses a `check` on a distribution, which has no single figure.
  func checkSingleFigure(_ metric: BoundMetric, syntax: MetricSyntax) throws {
    guard case .distribution = metric.kind else { return }
    throw QueryError(
      .error(
        "check compares one figure, and \(metric.name) has several", at: syntax.range,
        notes: ["check a share instead, e.g. check csat >= 80"]))
  }
}
