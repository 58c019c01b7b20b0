import Foundation

/// Resolves a parsed statement against a catalog: names to columns, metrics to definitions,
/// the window to instants. Collects warnings (such as values no row has) on the way.
public struct Binder {
  let catalog: Catalog
  let settings: QuerySettings
  /// The statement text, for naming result columns as written.
  let source: String
  let zone: ZoneOffsets
  /// Now for this query, read once.
  public let now: Int64
  public internal(set) var warnings: [Diagnostic] = []

  public static let metricNames = [
    "csat", "dsat", "nps", "promoters", "passives", "detractors", "avg", "count", "followup",
    "median", "p90", "distribution",
  ]

  public init(catalog: Catalog, settings: QuerySettings, source: String, clock: Int64) {
    self.catalog = catalog
    self.settings = settings
    self.source = source
    switch settings.now {
    case .clock: now = clock
    case .fixed(let instant): now = instant
    case .latest: now = catalog.timeRange?.upperBound ?? clock
    }
    let day = CalendarMath.millisecondsPerDay
    let lower = min(catalog.timeRange?.lowerBound ?? now, now) - 3660 * day
    let upper = max(catalog.timeRange?.upperBound ?? now, now) + 800 * day
    zone = ZoneOffsets(timeZone: settings.timeZone, from: lower, to: upper)
  }

  /// The zone offsets this binder resolved times with, for the evaluator's time buckets.
  public var zoneOffsets: ZoneOffsets { zone }

  public mutating func bind(_ statement: StatementSyntax) throws -> BoundStatement {
    switch statement {
    case .query(let query): .query(try bind(query))
    case .list(let list): .list(try bind(list))
    case .targets(let targets): .targets(try bind(targets))
    case .check(let check): .check(try bind(check))
    case .chart(let query): .chart(try bindChart(query))
    case .coverage(let coverage): .coverage(try bind(coverage))
    case .explain(let explain): .explain(try bind(explain))
    }
  }

  // MARK: - Queries

  mutating func bind(_ query: QuerySyntax) throws -> BoundQuery {
    var metrics: [BoundMetric] = []
    for metric in query.metrics { metrics.append(try bind(metric: metric)) }
    try checkFigureKinds(metrics, query: query)
    for index in metrics.indices { metrics[index].target = queryTarget(for: metrics[index]) }
    let groupings = try query.groupings.map { try bind(grouping: $0) }
    let layout = QueryLayout.columns(
      groupings: groupings, metrics: metrics, baseline: query.baseline?.kind)
    let columns = layout.map(\.name)
    try checkDistinct(layout, metrics: query.metrics, in: query.range)
    let condition = try query.condition.map { try bind(condition: $0) }
    let window = try query.window.map { try resolve($0) }
    try checkBucketCounts(groupings, query.groupings, window: window)
    let baseline = try query.baseline.map {
      try bind(baseline: $0, window: query.window, resolved: window, groupings: groupings)
    }
    let having = try query.having.map {
      try bind(having: $0, columns: layout, groupings: groupings)
    }
    let order = try query.orderBy.map { item in
      BoundOrder(
        column: try resultColumn(item.name, in: columns, clause: "order by"),
        descending: item.descending)
    }
    return BoundQuery(
      metrics: metrics, groupings: groupings, condition: condition, window: window,
      having: having, order: order, rank: query.rank, limit: query.limit, baseline: baseline,
      confidence: settings.confidence, minimumN: settings.minimumN, columns: layout,
      repeats: try bindRepeats(at: query.range))
  }

  /// Refuses a time grouping that would list more than `GroupDimension.bucketLimit`
  /// buckets (a `by day` over responses thousands of years apart), at the grouping.
  func checkBucketCounts(
    _ groupings: [BoundGrouping], _ syntax: [GroupingSyntax], window: ResolvedWindow?
  ) throws {
    let (first, last) = GroupDimension.bucketDays(
      window: window, timeRange: catalog.timeRange, today: zone.localDay(now), zone: zone)
    for (grouping, written) in zip(groupings, syntax) {
      guard case .timeBucket(let unit, _) = grouping, first <= last else { continue }
      let count = TimeBucket.ordinal(unit, day: last) - TimeBucket.ordinal(unit, day: first) + 1
      guard count > GroupDimension.bucketLimit else { continue }
      throw QueryError(
        .error(
          "'by \(unit.rawValue)' would list \(count) buckets here, more than the"
            + " \(GroupDimension.bucketLimit) a grouping may list", at: written.name.range,
          notes: ["narrow the window, or group by a longer unit"]))
    }
  }

  /// Refuses a result with two columns of one name (in any case), at `range`.
  func checkDistinct(_ columns: [String], in range: SourceRange, notes: [String]? = nil) throws {
    var seen: Set<String> = []
    for name in columns where !seen.insert(name.lowercased()).inserted {
      throw QueryError(
        .error(
          "the result would have two columns named '\(name)'", at: range,
          notes: notes ?? ["rename one with 'as', e.g. 'csat as csat_all'"]))
    }
  }

  /// Refuses a query whose result would have two columns of one name, with advice that
  /// works when followed: rename the metric behind one of them with an alias that no other
  /// column has, or group by each field once.
  func checkDistinct(
    _ layout: [BoundColumn], metrics: [MetricSyntax], in range: SourceRange
  ) throws {
    let names = layout.map { $0.name.lowercased() }
    guard let second = names.indices.first(where: { names[..<$0].contains(names[$0]) }),
      let first = names.firstIndex(of: names[second])
    else { return }
    let owner = [second, first].lazy.compactMap { index -> Int? in
      if case .metric(let metric, _) = layout[index].content { return metric }
      return nil
    }.first
    guard let owner, owner < metrics.count else {
      try checkDistinct(
        layout.map(\.name), in: range, notes: ["group by each field once"])
      return
    }
    try checkDistinct(
      layout.map(\.name), in: range, notes: [Self.renameAdvice(metrics[owner], avoiding: names)])
  }

  /// Advice to rename `metric` with an alias that starts none of `names` (lowercased).
  static func renameAdvice(_ metric: MetricSyntax, avoiding names: [String]) -> String {
    var written = metric.name.name
    if let argument = metric.argument { written += "(\(Self.quotedIfNeeded(argument.name)))" }
    var alias = metric.name.name.lowercased() + "_all"
    while names.contains(where: { $0.hasPrefix(alias) }) { alias += "_" }
    return "rename the metric with 'as', e.g. '\(written) as \(alias)'"
  }

  mutating func bind(_ list: ListSyntax) throws -> BoundList {
    let fields = try list.fields.map { try listField($0) }
    let condition = try list.condition.map { try bind(condition: $0) }
    let window = try list.window.map { try resolve($0) }
    let order = try list.orderBy.map { (field: try listField($0.name), descending: $0.descending) }
    return BoundList(
      fields: fields, condition: condition, window: window, order: order, limit: list.limit,
      repeats: try bindRepeats(at: list.range))
  }

  /// A field of a list: a column, or `age` when no column has that name and there is a time
  /// column.
  func listField(_ name: Identifier) throws -> BoundListField {
    let dataset = catalog.dataset
    if !name.isQuoted, name.name.lowercased() == "age", dataset.columnIndex(named: "age") == nil {
      guard let time = dataset.roles.time else {
        throw QueryError(
          .error(
            "'age' counts the days since each response, and this data has no time column",
            at: name.range, notes: ["name one with '.set time FIELD'"]))
      }
      return .age(timeColumn: time, now: now)
    }
    return .column(try field(name))
  }

  // MARK: - Groupings

  func bind(grouping: GroupingSyntax) throws -> BoundGrouping {
    let name = grouping.name
    if let buckets = grouping.buckets {
      let column = try field(buckets.field)
      let columnName = catalog.dataset.columns[column].name
      guard catalog.dataset.columns[column].type == .number else {
        let type = catalog.dataset.columns[column].type.rawValue
        throw QueryError(
          .error(
            "bucket needs a number field, but '\(columnName)' is \(type)",
            at: buckets.field.range))
      }
      return .numberBuckets(column: column, bounds: buckets.bounds, name: columnName)
    }
    if !name.isQuoted, let unit = CalendarUnit(rawValue: name.name.lowercased()) {
      guard let time = catalog.dataset.roles.time else {
        throw QueryError(
          .error(
            "'by \(unit.rawValue)' needs a time column, and this data has none",
            at: name.range,
            notes: ["name one with '.set time COLUMN' or '--time-column COLUMN'"]))
      }
      return .timeBucket(unit, column: time)
    }
    let index: Int
    do {
      index = try field(name)
    } catch var error as QueryError {
      // In a grouping the calendar units are candidates too (`by mnth`).
      if error.diagnostics[0].suggestion == nil {
        let units = CalendarUnit.allCases.map(\.rawValue)
        error.diagnostics[0].suggestion = Suggestions.nearest(to: name.name, in: units).first
      }
      throw error
    }
    if catalog.dataset.columns[index].type == .timestamp {
      throw QueryError(
        .error(
          "'\(catalog.dataset.columns[index].name)' is a timestamp; group it by a calendar unit",
          at: name.range,
          notes: ["write 'by day', 'by week', 'by month', 'by quarter' or 'by year'"]
        ))
    }
    return .column(index, name: catalog.dataset.columns[index].name)
  }

  // MARK: - Windows

  mutating func resolve(_ window: WindowSyntax) throws -> ResolvedWindow {
    guard catalog.dataset.roles.time != nil else {
      throw QueryError(
        .error(
          "a time window needs a time column, and this data has none", at: window.range,
          notes: ["name one with '.set time COLUMN' or '--time-column COLUMN'"]))
    }
    let text = slice(window.range)
    var resolved = WindowResolver(zone: zone, now: now).resolve(window, text: text)
    if resolved.upper < resolved.lower {
      // A window that starts after now holds nothing: keep it empty rather than inverted.
      resolved.upper = resolved.lower
      resolved.lastDay = resolved.firstDay - 1
      warnings.append(
        .warning(
          "the window '\(text)' starts after now, so it holds no responses", at: window.range,
          notes: ["'--now' or '.set now' moves now; '.set now latest' uses the newest response"]))
    }
    return resolved
  }

  /// The statement text in a range.
  func slice(_ range: SourceRange) -> String {
    let bytes = Array(source.utf8)
    let start = max(0, min(range.start, bytes.count))
    let end = max(start, min(range.end, bytes.count))
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }

  // MARK: - Fields

  /// The column a name refers to in a condition, a grouping or a list.
  ///
  /// An exact name wins, then a case-insensitive one, then a role (`csat`, `nps`, `time`,
  /// `followed_up`).
  func field(_ name: Identifier) throws -> Int {
    let dataset = catalog.dataset
    if let index = dataset.columnIndex(named: name.name) { return index }
    if let index = roleColumn(name.name) { return index }
    let candidates = dataset.columns.map(\.name)
    let nearest = Suggestions.nearest(to: name.name, in: candidates, limit: 1).first
    throw QueryError(
      .error(
        "no field named '\(name.name)'", at: name.range,
        notes: nearest == nil ? ["'.fields' lists the fields"] : [],
        suggestion: nearest.map(Self.quotedIfNeeded)))
  }

  func roleColumn(_ name: String) -> Int? {
    let roles = catalog.dataset.roles
    switch name.lowercased() {
    case "csat", "satisfaction": return roles.csat
    case "nps", "recommend": return roles.nps
    case "time", "timestamp", "date": return roles.time
    case "followed_up", "followup", "follow_up": return roles.followUp
    default: return nil
    }
  }

  /// A column name as the user must write it: back-quoted when it is not a plain word.
  public static func quotedIfNeeded(_ name: String) -> String {
    let plain =
      !name.isEmpty && name.first.map { $0.isLetter || $0 == "_" } == true
      && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    return plain ? name : "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
  }
}
