/// A target bound to the loaded data: its metric, number and condition.
public struct BoundTarget: Sendable, Equatable {
  /// The target as written after `.target`.
  public var text: String
  public var metric: BoundMetric
  public var target: MetricTarget
  public var condition: BoundCondition?
  /// The condition as written, if there is one.
  public var conditionText: String?
}

/// `targets`: every target in force, with the statement's own condition and window.
public struct BoundTargets: Sendable, Equatable {
  public var targets: [BoundTarget]
  /// The NPS whose band is shown when no target reads the NPS column; nil without one.
  public var band: BoundMetric?
  public var condition: BoundCondition?
  public var window: ResolvedWindow?
  /// `.set repeats first|latest`: one response per customer; nil counts every response.
  public var repeats: BoundRepeats? = nil
}

/// `check`: one figure, compared with a number.
public struct BoundCheck: Sendable, Equatable {
  public var metric: BoundMetric
  public var comparison: ComparisonOperator
  public var threshold: Double
  /// The check as written after `check`, the metric as written, and the condition and
  /// window as written, for the message.
  public var text: String
  public var metricText: String
  public var thresholdText: String
  public var condition: BoundCondition?
  public var conditionText: String?
  public var window: ResolvedWindow?
  public var windowText: String?
  /// `.set repeats first|latest`: one response per customer; nil counts every response.
  public var repeats: BoundRepeats? = nil
}

// MARK: - Targets and checks

extension Binder {
  /// Binds a `targets` statement (grammar.md: `targets`).
  ///
  /// A default target the data cannot have (no csat column) is left out; any other target
  /// that does not bind is an error naming it.
  mutating func bind(_ statement: TargetsSyntax) throws -> BoundTargets {
    let condition = try statement.condition.map { try bind(condition: $0) }
    let window = try statement.window.map { try resolve($0) }
    var targets: [BoundTarget] = []
    for target in settings.targets.effective(for: catalog.dataset) {
      do {
        targets.append(try bind(target: target))
      } catch let error as QueryError {
        if target.isDefault { continue }
        throw QueryError(
          error.diagnostics.map { diagnostic in
            var moved = diagnostic
            moved.message = "target '\(target.text)': " + diagnostic.message
            moved.range = nil
            return moved
          })
      }
    }
    var band: BoundMetric?
    if !targets.contains(where: { $0.metric.kind == .nps }), catalog.dataset.roles.nps != nil {
      var copy = self
      let nps = MetricSyntax(
        name: Identifier(name: "nps", range: statement.range), range: statement.range)
      band = try? copy.bind(metric: nps)
    }
    return BoundTargets(
      targets: targets, band: band, condition: condition, window: window,
      repeats: try bindRepeats(at: statement.range))
  }

  /// Binds one target; errors have ranges in `target.text`, warnings none.
  public mutating func bind(target: Target) throws -> BoundTarget {
    let earlierWarnings = warnings.count
    defer {
      for index in earlierWarnings..<warnings.count {
        warnings[index].message = "target '\(target.text)': " + warnings[index].message
        warnings[index].range = nil
      }
    }
    let syntax = target.syntax
    guard let threshold = syntax.threshold else {
      throw QueryError(.error("'off' removes a target; it has no figure", at: syntax.range))
    }
    let metric = try bind(metric: syntax.metric)
    guard let direction = TargetDirection.of(metric.kind) else {
      throw Self.takesNoTarget(syntax.metric)
    }
    let condition = try syntax.condition.map { try bind(condition: $0) }
    return BoundTarget(
      text: target.text, metric: metric,
      target: MetricTarget(threshold: threshold, direction: direction), condition: condition,
      conditionText: target.conditionText)
  }

  /// The error for a target on a metric that takes none.
  static func takesNoTarget(_ metric: MetricSyntax) -> QueryError {
    QueryError(
      .error(
        "'\(metric.name.name)' takes no target", at: metric.name.range,
        notes: [
          "targets are for csat, nps and promoters (met at or above) and dsat and detractors "
            + "(met at or below); 'check' compares any metric with a number"
        ]))
  }

  /// The target without a condition that reads the same figure as `metric`, if any; the
  /// last one set wins.
  func queryTarget(for metric: BoundMetric) -> MetricTarget? {
    guard let direction = TargetDirection.of(metric.kind) else { return nil }
    var found: MetricTarget?
    for target in settings.targets.effective(for: catalog.dataset)
    where target.syntax.condition == nil {
      var copy = self
      guard let threshold = target.syntax.threshold,
        let bound = try? copy.bind(metric: target.syntax.metric),
        bound.kind == metric.kind && bound.column == metric.column
      else { continue }
      found = MetricTarget(threshold: threshold, direction: direction)
    }
    return found
  }

  /// Binds a `check` statement (grammar.md: `check`).
  mutating func bind(_ check: CheckSyntax) throws -> BoundCheck {
    let metric = try bind(metric: check.metric)
    try checkSingleFigure(metric, syntax: check.metric)
    let condition = try check.condition.map { try bind(condition: $0) }
    let window = try check.window.map { try resolve($0) }
    let text = slice(SourceRange(check.metric.range.start, check.range.end))
    return BoundCheck(
      metric: metric, comparison: check.comparison, threshold: check.threshold, text: text,
      metricText: slice(check.metric.range), thresholdText: check.thresholdText,
      condition: condition, conditionText: check.condition.map { slice($0.range) },
      window: window, windowText: check.window.map { slice($0.range) },
      repeats: try bindRepeats(at: check.range))
  }
}
