/// The figures of one result row: the group's labels, each metric's figure, and the figure
/// of each metric's baseline when the query has one.
struct RowFigures {
  var labels: [Cell]
  var figures: [MetricFigure]
  var baselines: [MetricFigure]?
  /// The rank of each label in its grouping's order (`GroupDimension.ranks`), for `order by`
  /// on a grouping column.
  var ranks: [Int] = []
}

extension Evaluator {
  /// The rows of a query without a window baseline: one per group, with `vs rest` the rest
  /// of the responses as each group's baseline.
  func groupedRows(_ query: BoundQuery) -> [RowFigures] {
    var cut: GroupIndex.FillCut?
    return groupedRows(query, cut: &cut)
  }

  /// The rows of a query without a window baseline; `cut` says when empty time buckets were
  /// left out (`GroupIndex.FillCut`).
  ///
  /// With `top N` or `bottom N` on the first metric (and no `having`, `order by` or
  /// baseline), only the rows that can be among the N are made, still in group order, so
  /// that `ranked` orders them as it would all the rows: a grouping by customer has millions
  /// of groups, and the figures that rank them cost far less than their rows.
  func groupedRows(_ query: BoundQuery, cut: inout GroupIndex.FillCut?) -> [RowFigures] {
    let selection = select(
      condition: query.condition, window: query.window, repeats: query.repeats)
    let dimensions = query.groupings.map {
      dimension($0, window: query.window, range: selection.range, fillTime: true)
    }
    let groups = GroupIndex(
      dimensions: dimensions, count: selection.range.count, interruptible: interruptible)
    let counts = Accumulators(
      query.metrics, catalog: catalog, groups: groups, selection: selection,
      rest: query.baseline == .rest)
    var present: [(keys: [Int], group: Int?)]
    if let kept = topGroups(query, groups, counts) {
      present = kept
    } else {
      present = groups.resultGroups(counts.rows, cut: &cut)
      if let chosen = Self.rankCandidates(
        query, present.count,
        { index in
          MetricFigure(query.metrics[0], counts, group: present[index].group)
        })
      {
        present = chosen.map { present[$0] }
      }
    }
    var rows: [RowFigures] = []
    rows.reserveCapacity(present.count)
    for (keys, group) in present {
      // A result of millions of groups takes seconds: Ctrl-C stops it (nothing is shown).
      if rows.count % 65_536 == 65_535 && isInterrupted { break }
      rows.append(
        RowFigures(
          labels: zip(dimensions, keys).map { $0.labels[$1] },
          figures: query.metrics.map { MetricFigure($0, counts, group: group) },
          ranks: zip(dimensions, keys).map { $0.ranks[$1] }))
    }
    guard query.baseline == .rest else { return rows }

    // Every group appears once among the result's rows, so their sum is the whole.
    let empty = query.metrics.map { MetricFigure($0, counts, group: nil) }
    let totals = rows.reduce(empty) { sums, row in zip(sums, row.figures).map { $0 + $1 } }
    for index in rows.indices {
      rows[index].baselines = zip(totals, rows[index].figures).map { $0 - $1 }
      // A number field's percentile is no difference of counts: it was found for the rest.
      for (position, metric) in query.metrics.enumerated() {
        guard let rest = counts.restQuantile(metric, group: present[index].group) else {
          continue
        }
        rows[index].baselines?[position].quantile = rest
      }
    }
    return rows
  }

  /// For a `top N` / `bottom N` query ranked by its first metric's value, with nothing
  /// else that needs every row: the positions (in group order) of the N groups `ranked`
  /// will keep, from each group's first figure (`figure(position)`); `nil` otherwise.
  static func rankCandidates(
    _ query: BoundQuery, _ count: Int, _ figure: (Int) -> MetricFigure
  ) -> [Int]? {
    guard let rank = rankOnFirstMetric(query), count > rank.count else { return nil }
    let keys = (0..<count).map { number(figure($0).value) }
    return kept(rank, keys) { $0 < $1 }.sorted()
  }

  /// The positions of `keys` that `rank` keeps, in no order: by value, ties by `before`.
  private static func kept(_ rank: RankSyntax, _ keys: [Double?], before: (Int, Int) -> Bool)
    -> [Int]
  {
    first(rank.count, of: keys.count) { left, right in
      comesFirst(keys[left], keys[right], top: rank.isTop) ?? before(left, right)
    }
  }

  /// The query's `top N` or `bottom N` when it ranks the rows by the first metric's value
  /// as the result shows it, with nothing else (`having` unless `allowingHaving`, `order by`,
  /// a baseline) that could change which rows are kept.
  private static func rankOnFirstMetric(_ query: BoundQuery, allowingHaving: Bool = false)
    -> RankSyntax?
  {
    guard let rank = query.rank, query.order.isEmpty, allowingHaving || query.having == nil,
      query.baseline == nil, let first = query.metrics.first,
      let column = query.resultColumns.firstIndex(of: first.name),
      column < query.columns.count, query.columns[column].content == .metric(0, .value)
    else { return nil }
    return rank
  }

  /// ``rankCandidates`` when no time buckets are filled in: the groups kept, in group order,
  /// found without ordering or listing the keys of every group first (a grouping by
  /// customer has millions of groups, and `top 5` wants five).
  ///
  /// With `having`, the groups ranked are those that meet it, each checked on just the
  /// cells it names (``meetingHaving``) rather than on a whole row: at 10M responses,
  /// `nps by customer_id, channel top 2 having n >= 3` took 13 s with every row made, 3.1 s
  /// so (as long as without `having`).
  private func topGroups(_ query: BoundQuery, _ groups: GroupIndex, _ counts: Accumulators)
    -> [(keys: [Int], group: Int?)]?
  {
    guard let rank = Self.rankOnFirstMetric(query, allowingHaving: true),
      !groups.dimensions.isEmpty, groups.dimensions.allSatisfy({ $0.filledKeys == nil })
    else { return nil }
    var present = (0..<groups.count).filter { counts.rows[$0] > 0 }
    if let having = query.having {
      present = meetingHaving(having, query, groups, counts, present)
    }
    // Without `having`, a result of N groups or fewer is made as without `top N`.
    guard present.count > rank.count || query.having != nil,
      let order = groups.rankNumbers(present)
    else { return nil }
    let kept =
      present.count <= rank.count
      ? Array(present.indices)
      : Self.kept(rank, MetricFigure.rankingValues(query.metrics[0], counts, groups: present)) {
        order[$0] < order[$1]
      }
    return kept.sorted { order[$0] < order[$1] }.map { (groups.keys(of: present[$0]), present[$0]) }
  }

  /// The groups of `present` whose rows meet `having`, each row made of only the cells the
  /// condition names: the figures of the metrics it names, found for a block of groups at
  /// once (``MetricFigure/figures(_:_:groups:_:)``), and the labels of the groupings it names.
  private func meetingHaving(
    _ having: BoundHaving, _ query: BoundQuery, _ groups: GroupIndex, _ counts: Accumulators,
    _ present: [Int]
  ) -> [Int] {
    // Only arrays and plain values are used per group: a closure that used the query or
    // the group index copied it on every call.
    let contents = query.columns.map(\.content)
    let rules = CellRules(query)
    let labels = groups.dimensions.map(\.labels)
    var namedMetrics: Set<Int> = []
    var namesGrouping = false
    having.forEachColumn { column in
      switch contents[column] {
      case .metric(let index, _): namedMetrics.insert(index)
      case .grouping: namesGrouping = true
      }
    }
    var kept: [Int] = []
    // A block of groups at a time, so that their figures take a few megabytes at most.
    for blockStart in stride(from: 0, to: present.count, by: Self.havingBlock) {
      // Ctrl-C stops it (nothing is shown).
      if isInterrupted { break }
      let block = Array(present[blockStart..<min(blockStart + Self.havingBlock, present.count)])
      let figureLists = query.metrics.indices.map { index in
        namedMetrics.contains(index)
          ? MetricFigure.figures(query.metrics[index], counts, groups: block) { $0 } : []
      }
      for (position, group) in block.enumerated() {
        let keys = namesGrouping ? groups.keys(of: group) : []
        let meets = Self.holds(having) { column in
          Self.cell(
            contents[column], rules, label: { labels[$0][keys[$0]] },
            figure: { figureLists[$0][position] }, baseline: { _ in nil })
        }
        if meets { kept.append(group) }
      }
    }
    return kept
  }

  /// How many groups ``meetingHaving`` checks at a time.
  static let havingBlock = 65_536

  /// The cells of a row, in the order of the query's columns; `rules` are the query's.
  func cells(_ row: RowFigures, _ query: BoundQuery, _ rules: CellRules) -> [Cell] {
    query.columns.map { column in
      Self.cell(
        column.content, rules, label: { row.labels[$0] }, figure: { row.figures[$0] },
        baseline: { row.baselines?[$0] })
    }
  }

  /// One cell of a row: `label`, `figure` and `baseline` give the row's label of a grouping
  /// and figure and baseline of a metric (by index), of which only those the column shows
  /// are asked for.
  static func cell(
    _ content: ColumnContent, _ rules: CellRules, label: (Int) -> Cell,
    figure figureOf: (Int) -> MetricFigure, baseline baselineOf: (Int) -> MetricFigure?
  ) -> Cell {
    let z = rules.z
    switch content {
    case .grouping(let index):
      return label(index)
    case .metric(let index, let part):
      let figure = figureOf(index)
      switch part {
      case .n: return .integer(figure.n)
      case .value: return figure.value
      case .low: return figure.interval(z: z).map { .figure(.real($0.low)) } ?? .notApplicable
      case .high: return figure.interval(z: z).map { .figure(.real($0.high)) } ?? .notApplicable
      case .lowN: return .boolean(figure.n < rules.minimumN)
      case .baselineN: return baselineOf(index).map { .integer($0.n) } ?? .notApplicable
      case .baselineValue: return baselineOf(index)?.value ?? .notApplicable
      case .change: return baselineOf(index).map { figure.change(from: $0) } ?? .notApplicable
      case .significant:
        return baselineOf(index).flatMap { figure.differs(from: $0, z: z) }.map { .boolean($0) }
          ?? .notApplicable
      case .target:
        return rules.targets[index].map { .figure(.real($0.threshold)) } ?? .notApplicable
      case .met:
        return rules.targets[index].flatMap { figure.meets($0) }.map { .boolean($0) }
          ?? .notApplicable
      case .band: return figure.band.map { .text($0.rawValue) } ?? .notApplicable
      case .point(let score): return figure.share(at: score)
      }
    }
  }

  /// The result columns of a query, each bound, interval and low-n column pointing at the
  /// figure it belongs to, for the terminal table.
  func resultColumns(_ query: BoundQuery) -> [ResultColumn] {
    // A distribution has no single figure: its low-n marker follows its first share.
    let valueColumn = { (metric: Int) in
      query.columns.firstIndex { $0.content == .metric(metric, .value) }
        ?? query.columns.firstIndex {
          if case .metric(metric, .point) = $0.content { return true }
          return false
        } ?? 0
    }
    return query.columns.map { column in
      switch column.content {
      case .grouping:
        return ResultColumn(name: column.name, isNumeric: false)
      case .metric(let metric, let part):
        let role: ColumnRole
        switch part {
        case .low: role = .lowerBound(of: valueColumn(metric))
        case .high: role = .upperBound(of: valueColumn(metric))
        case .lowN: role = .lowN(of: valueColumn(metric))
        case .target: role = .target(of: valueColumn(metric))
        case .met: role = .met(of: valueColumn(metric))
        case .band: role = .band(of: valueColumn(metric))
        default: role = .plain
        }
        return ResultColumn(name: column.name, isNumeric: part != .band, role: role)
      }
    }
  }
}

/// What a result cell needs of its query besides the row's figures.
struct CellRules {
  /// The z of the query's confidence level, for intervals and significance.
  let z: Double
  let minimumN: Int
  /// Each metric's target, by metric.
  let targets: [MetricTarget?]

  init(_ query: BoundQuery) {
    z = query.confidence.z
    minimumN = query.minimumN
    targets = query.metrics.map(\.target)
  }
}
