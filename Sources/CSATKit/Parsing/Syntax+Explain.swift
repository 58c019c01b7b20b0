/// The parsed form of `explain change`. See grammar.md, production `explain`.

/// `explain change in csat by channel [where ...] since 7d vs previous`: the change of a
/// share or NPS between two windows, split into each segment's own change of rate and the
/// shift of respondents between segments.
public struct ExplainSyntax: Sendable, Equatable {
  /// The share or NPS metric whose change is explained.
  public var metric: MetricSyntax
  /// The fields whose values (or combinations of values) are the segments.
  public var groupings: [GroupingSyntax]
  public var condition: ExprSyntax?
  /// The window and the baseline are both required; the parser refuses a statement
  /// without them.
  public var window: WindowSyntax
  public var baseline: BaselineSyntax
  public var range: SourceRange

  public init(
    metric: MetricSyntax, groupings: [GroupingSyntax], condition: ExprSyntax? = nil,
    window: WindowSyntax, baseline: BaselineSyntax, range: SourceRange
  ) {
    self.metric = metric
    self.groupings = groupings
    self.condition = condition
    self.window = window
    self.baseline = baseline
    self.range = range
  }
}
