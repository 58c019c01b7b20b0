/// The parsed tree: what the user wrote, with byte ranges, before any name is resolved.
///
/// The binder turns this into the bound tree (`BoundQuery`), which refers to columns and
/// resolved time windows. See grammar.md for the productions.

/// A name: plain (`rep`) or back-quoted (`` `Ticket Channel` ``).
public struct Identifier: Sendable, Equatable {
  /// The name without back-quotes (a doubled back-quote inside stands for one).
  public var name: String
  public var isQuoted: Bool
  public var range: SourceRange

  public init(name: String, isQuoted: Bool = false, range: SourceRange) {
    self.name = name
    self.isQuoted = isQuoted
    self.range = range
  }
}

/// A calendar date without a time of day.
public struct CivilDate: Sendable, Equatable, Hashable, Comparable {
  public var year: Int
  public var month: Int
  public var day: Int

  public init(year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }
}

/// A constant in a condition.
public enum Literal: Sendable, Equatable {
  case string(String)
  case number(Double)
  case date(CivilDate)
  case boolean(Bool)
}

public struct LiteralSyntax: Sendable, Equatable {
  public var value: Literal
  public var range: SourceRange

  public init(_ value: Literal, range: SourceRange) {
    self.value = value
    self.range = range
  }
}

public enum ComparisonOperator: String, Sendable, Equatable {
  case equal = "="
  case notEqual = "!="
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
}

/// A condition in `where` or `having`.
public struct ExprSyntax: Sendable, Equatable {
  public indirect enum Kind: Sendable, Equatable {
    /// `field op literal`
    case comparison(Identifier, ComparisonOperator, LiteralSyntax)
    /// `field in (...)` or, negated, `field not in (...)`
    case membership(Identifier, negated: Bool, [LiteralSyntax])
    /// `field contains "text"`
    case contains(Identifier, LiteralSyntax)
    /// `field starts with "text"`
    case startsWith(Identifier, LiteralSyntax)
    /// `field is missing` or, negated, `field is not missing`
    case missing(Identifier, negated: Bool)
    /// A field alone, read as a boolean: `followed_up`
    case field(Identifier)
    case not(ExprSyntax)
    case and(ExprSyntax, ExprSyntax)
    case or(ExprSyntax, ExprSyntax)
  }

  public var kind: Kind
  public var range: SourceRange

  public init(_ kind: Kind, range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}

/// A metric in the metric list: `csat`, `avg(response_time)`, ``nps(`Q1`) as q1``.
public struct MetricSyntax: Sendable, Equatable {
  public var name: Identifier
  public var argument: Identifier?
  public var alias: Identifier?
  public var range: SourceRange

  public init(
    name: Identifier, argument: Identifier? = nil, alias: Identifier? = nil,
    range: SourceRange
  ) {
    self.name = name
    self.argument = argument
    self.alias = alias
    self.range = range
  }
}

/// One entry of `by`: a field, or a time bucket (`day`, `week`, `month`, `quarter`, `year`).
///
/// The parser does not decide which: an unquoted bucket word is a bucket, the binder says.
/// `bucket(field, 15, 60)` groups a number field by ranges instead.
public struct GroupingSyntax: Sendable, Equatable {
  public var name: Identifier
  /// For `bucket(field, b1, b2, ...)`: the field and the increasing boundaries.
  public var buckets: BucketSyntax?

  public init(name: Identifier, buckets: BucketSyntax? = nil) {
    self.name = name
    self.buckets = buckets
  }
}

/// `bucket(response_time_minutes, 15, 60, 240)`: ranges of a number field, each including its
/// lower boundary.
public struct BucketSyntax: Sendable, Equatable {
  public var field: Identifier
  /// Increasing boundaries.
  public var bounds: [Double]
  public var range: SourceRange

  public init(field: Identifier, bounds: [Double], range: SourceRange) {
    self.field = field
    self.bounds = bounds
    self.range = range
  }
}

/// The unit of a relative duration: `30d`, `12w`, `6mo`, `1y`.
public enum DurationUnit: String, Sendable, Equatable {
  case day = "d"
  case week = "w"
  case month = "mo"
  case year = "y"
}

/// A calendar unit for `this` / `last` and for time buckets.
public enum CalendarUnit: String, Sendable, Equatable, CaseIterable {
  case day, week, month, quarter, year
}

/// A whole calendar period for `during`: `2024`, `2024-Q3`, `2024-05`, `2024-W07`, `2024-05-01`.
public enum PeriodLiteral: Sendable, Equatable {
  case year(Int)
  case quarter(year: Int, quarter: Int)
  case month(year: Int, month: Int)
  /// An ISO week of an ISO week-year.
  case week(year: Int, week: Int)
  case day(CivilDate)
}

/// The time window of a query.
public struct WindowSyntax: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    /// `since 30d`: from local midnight of (today − N units + 1 day) to now.
    case sinceDuration(Int, DurationUnit)
    /// `since 2024-01-01`: from that day's local midnight to now.
    case sinceDate(CivilDate)
    /// `between 2024-01-01 and 2024-03-31`: both days included.
    case between(CivilDate, CivilDate)
    /// `during 2024-Q3`
    case during(PeriodLiteral)
    /// `this month`: from the start of the current period to now.
    case this(CalendarUnit)
    /// `last month`: the whole period before the current one.
    case last(CalendarUnit)
  }

  public var kind: Kind
  public var range: SourceRange

  public init(_ kind: Kind, range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}

public struct OrderItemSyntax: Sendable, Equatable {
  public var name: Identifier
  public var descending: Bool

  public init(name: Identifier, descending: Bool) {
    self.name = name
    self.descending = descending
  }
}

/// `top N` or `bottom N`.
public struct RankSyntax: Sendable, Equatable {
  public var isTop: Bool
  public var count: Int
  public var range: SourceRange

  public init(isTop: Bool, count: Int, range: SourceRange) {
    self.isTop = isTop
    self.count = count
    self.range = range
  }
}

/// What a query's figures are compared with: `vs previous`, `vs last year`, `vs rest`.
public struct BaselineSyntax: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    /// The window of the same length, or the period of the same kind, just before.
    case previous
    /// The same window one year earlier.
    case lastYear
    /// All other responses of the query, for each group.
    case rest
  }

  public var kind: Kind
  public var range: SourceRange

  public init(_ kind: Kind, range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}

/// `metrics [by groupings] [where ...] [window] [vs ...] [having ...] [order by ...]
/// [top|bottom N] [limit N]`; the clauses after the groupings may come in any order, each at
/// most once.
public struct QuerySyntax: Sendable, Equatable {
  public var metrics: [MetricSyntax]
  public var groupings: [GroupingSyntax]
  public var condition: ExprSyntax?
  public var window: WindowSyntax?
  public var baseline: BaselineSyntax?
  public var having: ExprSyntax?
  public var orderBy: [OrderItemSyntax]
  public var rank: RankSyntax?
  public var limit: Int?
  public var range: SourceRange

  public init(
    metrics: [MetricSyntax], groupings: [GroupingSyntax] = [], condition: ExprSyntax? = nil,
    window: WindowSyntax? = nil, baseline: BaselineSyntax? = nil, having: ExprSyntax? = nil,
    orderBy: [OrderItemSyntax] = [], rank: RankSyntax? = nil, limit: Int? = nil,
    range: SourceRange
  ) {
    self.metrics = metrics
    self.groupings = groupings
    self.condition = condition
    self.window = window
    self.baseline = baseline
    self.having = having
    self.orderBy = orderBy
    self.rank = rank
    self.limit = limit
    self.range = range
  }
}

/// `list fields [where ...] [window] [order by ...] [limit N]`: the responses themselves.
public struct ListSyntax: Sendable, Equatable {
  public var fields: [Identifier]
  public var condition: ExprSyntax?
  public var window: WindowSyntax?
  public var orderBy: [OrderItemSyntax]
  public var limit: Int?
  public var range: SourceRange

  public init(
    fields: [Identifier], condition: ExprSyntax? = nil, window: WindowSyntax? = nil,
    orderBy: [OrderItemSyntax] = [], limit: Int? = nil, range: SourceRange
  ) {
    self.fields = fields
    self.condition = condition
    self.window = window
    self.orderBy = orderBy
    self.limit = limit
    self.range = range
  }
}

public enum StatementSyntax: Sendable, Equatable {
  case query(QuerySyntax)
  case list(ListSyntax)
  /// `targets`: each target with the current figure.
  case targets(TargetsSyntax)
  /// `check csat >= 85 since 7d`
  case check(CheckSyntax)
  /// `chart csat by rep since 90d`: the query drawn as bars or, over time, as a line.
  case chart(QuerySyntax)
  /// `coverage by rep since 90d`: responses per segment and period, and the last one.
  case coverage(CoverageSyntax)
  /// `explain change in csat by channel since 7d vs previous`
  case explain(ExplainSyntax)
}
