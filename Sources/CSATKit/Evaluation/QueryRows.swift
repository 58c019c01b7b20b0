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
  /// as the result shows it, with nothing else (`having`, `order by`, a baseline) that
  /// could change which rows are kept.
  private static func rankOnFirstMetric(_ query: BoundQuery) -> RankSyntax? {
    guard let rank = query.rank, query.order.isEmpty, query.having == nil,
      query.baseline == nil, let first = query.metrics.first,
      let column = query.resultColumns.firstIndex(of: first.name),
      column < query.columns.count, query.columns[column].content == .metric(0, .value)
    else { return nil }
    return rank
  }

  /// ``rankCandidates`` when no time buckets are filled in: the groups kept, in group order,
  /// found without ordering or listing the keys of every group first (a grouping by
  /// customer has millions of groups, and `top 5` wants five).
  private func topGroups(_ query: BoundQuery, _ groups: GroupIndex, _ counts: Accumulators)
    -> [(keys: [Int], group: Int?)]?
  {
    guard let rank = Self.rankOnFirstMetric(query), !groups.dimensions.isEmpty,
      groups.dimensions.allSatisfy({ $0.filledKeys == nil })
    else { return nil }
    let present = (0..<groups.count).filter { counts.rows[$0] > 0 }
    guard present.count > rank.count, let order = groups.rankNumbers(present) else {
      return nil
    }
    let keys = MetricFigure.rankingValues(query.metrics[0], counts, groups: present)
    let kept = Self.kept(rank, keys) { order[$0] < order[$1] }
    return kept.sorted { order[$0] < order[$1] }.map { (groups.keys(of: present[$0]), present[$0]) }
  }

  /// The cells of a row, in the order of the query's columns.
  func cells(_ row: RowFigures, _ query: BoundQuery) -> [Cell] {
    let z = query.confidence.z
    return query.columns.map { column in
      switch column.content {
      case .grouping(let index):
        return row.labels[index]
      case .metric(let index, let part):
        let figure = row.figures[index]
        let baseline = row.baselines?[index]
        switch part {
        case .n: return .integer(figure.n)
        case .value: return figure.value
        case .low: return figure.interval(z: z).map { .figure(.real($0.low)) } ?? .notApplicable
        case .high: return figure.interval(z: z).map { .figure(.real($0.high)) } ?? .notApplicable
        case .lowN: return .boolean(figure.n < query.minimumN)
        case .baselineN: return baseline.map { .integer($0.n) } ?? .notApplicable
        case .baselineValue: return baseline?.value ?? .notApplicable
        case .change: return baseline.map { figure.change(from: $0) } ?? .notApplicable
        case .significant:
          return baseline.flatMap { figure.differs(from: $0, z: z) }.map { .boolean($0) }
            ?? .notApplicable
        case .target:
          return query.metrics[index].target.map { .figure(.real($0.threshold)) } ?? .notApplicable
        case .met:
          return query.metrics[index].target.flatMap { figure.meets($0) }.map { .boolean($0) }
            ?? .notApplicable
        case .band: return figure.band.map { .text($0.rawValue) } ?? .notApplicable
        case .point(let score): return figure.share(at: score)
        }
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
