/// The parsed forms of the statements beside queries and lists: `targets`, `check`, and the
/// target that `.target` sets. See grammar.md, productions `targets` and `check`.

/// `targets [where ...] [window]`: each target with the current figure.
public struct TargetsSyntax: Sendable, Equatable {
  public var condition: ExprSyntax?
  public var window: WindowSyntax?
  public var range: SourceRange

  public init(condition: ExprSyntax? = nil, window: WindowSyntax? = nil, range: SourceRange) {
    self.condition = condition
    self.window = window
    self.range = range
  }
}

/// `check csat >= 85 [where ...] [window]`: whether a figure stands in a relation to a number.
public struct CheckSyntax: Sendable, Equatable {
  public var metric: MetricSyntax
  public var comparison: ComparisonOperator
  public var threshold: Double
  /// The number as written, for the message.
  public var thresholdText: String
  public var condition: ExprSyntax?
  public var window: WindowSyntax?
  public var range: SourceRange

  public init(
    metric: MetricSyntax, comparison: ComparisonOperator, threshold: Double,
    thresholdText: String, condition: ExprSyntax? = nil, window: WindowSyntax? = nil,
    range: SourceRange
  ) {
    self.metric = metric
    self.comparison = comparison
    self.threshold = threshold
    self.thresholdText = thresholdText
    self.condition = condition
    self.window = window
    self.range = range
  }
}

/// What `.target` takes: `csat 85`, `csat 90 where interaction_type = "support"`,
/// `csat off`.
public struct TargetSyntax: Sendable, Equatable {
  public var metric: MetricSyntax
  /// nil for `off`: the target is removed.
  public var threshold: Double?
  public var condition: ExprSyntax?
  public var range: SourceRange

  public init(
    metric: MetricSyntax, threshold: Double?, condition: ExprSyntax? = nil, range: SourceRange
  ) {
    self.metric = metric
    self.threshold = threshold
    self.condition = condition
    self.range = range
  }
}
