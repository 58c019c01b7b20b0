/// The parsed form of `coverage`, which counts responses per segment and period. `chart`
/// wraps a plain query (`QuerySyntax`) and needs no type of its own. See grammar.md,
/// productions `chart` and `coverage`.

/// `coverage by field [where ...] [window] [per week|month]`: how often each segment answers.
public struct CoverageSyntax: Sendable, Equatable {
  /// The field whose values are the segments.
  public var field: Identifier
  public var condition: ExprSyntax?
  public var window: WindowSyntax?
  /// The period responses are counted per: `per week` or `per month`; nil means month.
  public var period: CoveragePeriodSyntax?
  public var range: SourceRange

  public init(
    field: Identifier, condition: ExprSyntax? = nil, window: WindowSyntax? = nil,
    period: CoveragePeriodSyntax? = nil, range: SourceRange
  ) {
    self.field = field
    self.condition = condition
    self.window = window
    self.period = period
    self.range = range
  }
}

/// `per week` or `per month`, with the range of both words.
public struct CoveragePeriodSyntax: Sendable, Equatable {
  /// `.week` or `.month`.
  public var unit: CalendarUnit
  public var range: SourceRange

  public init(unit: CalendarUnit, range: SourceRange) {
    self.unit = unit
    self.range = range
  }
}
