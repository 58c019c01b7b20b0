/// The bound tree: names resolved to columns, metrics to their definitions, the time window
/// to instants. Produced by `Binder` from the parsed tree and run by `Evaluator`.

/// The integer scale of a score column, and where its satisfied and dissatisfied points lie.
public struct ScoreScale: Sendable, Equatable {
  /// The lowest and highest point of the scale (e.g. 1 and 5, or 0 and 10).
  public var low: Int
  public var high: Int

  public init(low: Int, high: Int) {
    self.low = low
    self.high = high
  }

  public var label: String { "\(low)–\(high)" }
}

/// What a metric computes; every kind is a function of per-group counts.
public enum MetricKind: Sendable, Equatable {
  /// % of respondents with a score at or above `satisfiedFrom`.
  case csat(satisfiedFrom: Int)
  /// % of respondents with a score at or below `dissatisfiedTo`.
  case dsat(dissatisfiedTo: Int)
  /// % promoters (9–10) − % detractors (0–6).
  case nps
  case promoters
  case passives
  case detractors
  /// The mean of a number column's answers.
  case average
  /// Rows matching the query (not respondents).
  case count
  /// % of negative responses (a score in `negative` in `scoreColumn`) with a follow-up flag
  /// that were followed up; the metric's column is the flag.
  case followUp(scoreColumn: Int, negative: ClosedRange<Int>)
  /// The p-th percentile (1–99; `median` is 50) of a number or score column's answers,
  /// interpolated linearly between the closest ranks (Excel's PERCENTILE.INC).
  case percentile(Int)
  /// The share of respondents at each point of a score scale, in columns `<prefix>_<point>`.
  case distribution(ScoreScale, prefix: String)

  /// Whether the figure is a share or NPS with a confidence interval and a test.
  public var hasInterval: Bool {
    switch self {
    case .average, .count, .percentile, .distribution: false
    default: true
    }
  }
}

public struct BoundMetric: Sendable, Equatable {
  public var kind: MetricKind
  /// The column the metric reads; nil only for `count`.
  public var column: Int?
  /// The result column's name: the metric as written, or its alias.
  public var name: String
  /// The metric's target without a condition, shown in `<name>_target` and `<name>_met`.
  public var target: MetricTarget?

  public init(kind: MetricKind, column: Int?, name: String, target: MetricTarget? = nil) {
    self.kind = kind
    self.column = column
    self.name = name
    self.target = target
  }
}

public enum BoundGrouping: Sendable, Equatable {
  /// The distinct values of a text, number or boolean column.
  case column(Int, name: String)
  /// Calendar buckets of the time column in the report time zone.
  case timeBucket(CalendarUnit, column: Int)
  /// Ranges of a number column between increasing boundaries, each including its lower one.
  case numberBuckets(column: Int, bounds: [Double], name: String)

  public var name: String {
    switch self {
    case .column(_, let name): name
    case .timeBucket(let unit, _): unit.rawValue
    case .numberBuckets(_, _, let name): name
    }
  }
}

/// A condition over rows, with text tests already turned into sets of dictionary codes.
public indirect enum BoundCondition: Sendable, Equatable {
  /// The row's code is in the set (`accepted[code]`).
  case textCodes(column: Int, accepted: [Bool])
  case numberCompare(column: Int, ComparisonOperator, Double)
  case numberIn(column: Int, [Double])
  case boolean(column: Int, Bool)
  /// `lower <= time < upper` in ms.
  case timeRange(column: Int, lower: Int64, upper: Int64)
  case missing(column: Int)
  case constant(Bool)
  case not(BoundCondition)
  case and(BoundCondition, BoundCondition)
  case or(BoundCondition, BoundCondition)
}

/// A time window resolved to instants: `lower <= t < upper`, in ms since the epoch.
public struct ResolvedWindow: Sendable, Equatable {
  public var lower: Int64
  public var upper: Int64
  /// What the user wrote, e.g. `since 30d`.
  public var text: String
  /// The local day of `lower` and of the last instant in the window.
  public var firstDay: Int
  public var lastDay: Int
  /// Whether the window ends at a clock time (now, or now moved back for `vs previous`),
  /// shown with a time, or at a day's end.
  public var endsNow: Bool
}

/// A condition on result rows (`having`).
public indirect enum BoundHaving: Sendable, Equatable {
  case compare(column: Int, ComparisonOperator, Double)
  case textCompare(column: Int, ComparisonOperator, String)
  case not(BoundHaving)
  case and(BoundHaving, BoundHaving)
  case or(BoundHaving, BoundHaving)

  /// Calls `body` with each result column the condition names.
  func forEachColumn(_ body: (Int) -> Void) {
    switch self {
    case .compare(let column, _, _), .textCompare(let column, _, _): body(column)
    case .not(let inner): inner.forEachColumn(body)
    case .and(let left, let right), .or(let left, let right):
      left.forEachColumn(body)
      right.forEachColumn(body)
    }
  }
}

public struct BoundOrder: Sendable, Equatable {
  /// An index into the result's columns.
  public var column: Int
  public var descending: Bool
}

public struct BoundQuery: Sendable, Equatable {
  public var metrics: [BoundMetric]
  public var groupings: [BoundGrouping]
  public var condition: BoundCondition?
  public var window: ResolvedWindow?
  public var having: BoundHaving?
  public var order: [BoundOrder]
  public var rank: RankSyntax?
  public var limit: Int?
  /// What the figures are compared with (`vs ...`), if anything.
  public var baseline: BoundBaseline?
  /// The level of intervals and significance tests.
  public var confidence: ConfidenceLevel
  /// Figures from fewer respondents are flagged as too few to trust.
  public var minimumN: Int
  /// The result's columns, in order.
  public var columns: [BoundColumn]
  /// `.set repeats first|latest`: one response per customer; nil counts every response.
  public var repeats: BoundRepeats? = nil

  /// The names of the result's columns, in order.
  public var resultColumns: [String] { columns.map(\.name) }
}

/// A field of a `list`: a column, or `age`, the whole days since each response.
public enum BoundListField: Sendable, Equatable {
  case column(Int)
  /// `floor((now − time) / 1 day)` from the time column at this index.
  case age(timeColumn: Int, now: Int64)
}

public struct BoundList: Sendable, Equatable {
  public var fields: [BoundListField]
  public var condition: BoundCondition?
  public var window: ResolvedWindow?
  /// The field and direction of each `order by` item.
  public var order: [(field: BoundListField, descending: Bool)]
  public var limit: Int?
  /// `.set repeats first|latest`: one response per customer; nil lists every response.
  public var repeats: BoundRepeats? = nil

  public static func == (lhs: BoundList, rhs: BoundList) -> Bool {
    lhs.fields == rhs.fields && lhs.condition == rhs.condition && lhs.window == rhs.window
      && lhs.limit == rhs.limit && lhs.order.elementsEqual(rhs.order) { $0 == $1 }
      && lhs.repeats == rhs.repeats
  }
}

public enum BoundStatement: Sendable, Equatable {
  case query(BoundQuery)
  case list(BoundList)
  case targets(BoundTargets)
  case check(BoundCheck)
  /// A query to draw as a chart.
  case chart(BoundQuery)
  case coverage(BoundCoverage)
  case explain(BoundExplain)
}
