/// `vs previous` and `vs last year`: the figures of a window next to those of an earlier one.
///
/// Both windows are counted in one pass: the rows of either window are selected, and a first
/// grouping dimension says which window each row is in. Groups are then paired by their
/// labels, so a group present in only one window still gets a row.
extension Evaluator {
  func comparedRows(
    _ query: BoundQuery, window: ResolvedWindow, earlier: ResolvedWindow
  ) -> [RowFigures] {
    guard let time = catalog.dataset.roles.time,
      case .timestamp(let times) = catalog.dataset.columns[time].data
    else { return groupedRows(query) }

    // Each window keeps one response per customer of its own (`.set repeats`).
    let selection = collapsingRepeats(
      bothWindows(query.condition, time: time, window, earlier), query.repeats,
      split: window.lower)
    let offsets = selection.range
    // Key 1: the query's window; key 0: the earlier one (rows outside both are not selected).
    let period = GroupDimension(
      keys: .computed(offsets.map { times.values[$0] >= window.lower ? 1 : 0 }),
      cardinality: 2, labels: [.text("earlier"), .text("current")], ranks: [0, 1],
      filledKeys: nil)
    let dimensions =
      [period]
      + query.groupings.map { dimension($0, window: window, range: offsets, fillTime: false) }
    let groups = GroupIndex(dimensions: dimensions, count: offsets.count)
    let counts = Accumulators(query.metrics, catalog: catalog, groups: groups, selection: selection)

    // The other keys of each group present in either window, in group order.
    var pairs: [[Int]: (current: Int?, earlier: Int?)] = [:]
    var order: [[Int]] = []
    let present = groups.resultGroups(counts.rows)
    let tuples: [(keys: [Int], group: Int?)] =
      query.groupings.isEmpty ? [([1], nil), ([0], nil)] : present
    for (keys, _) in tuples {
      let others = Array(keys.dropFirst())
      if pairs[others] == nil {
        order.append(others)
        pairs[others] = (groups.group(ofKeys: [1] + others), groups.group(ofKeys: [0] + others))
      }
    }
    order.sort { left, right in
      for (index, dimension) in dimensions.dropFirst().enumerated()
      where left[index] != right[index] {
        return dimension.ranks[left[index]] < dimension.ranks[right[index]]
      }
      return false
    }
    return order.map { others in
      let pair = pairs[others] ?? (nil, nil)
      return RowFigures(
        labels: zip(dimensions.dropFirst(), others).map { $0.labels[$1] },
        figures: query.metrics.map { MetricFigure($0, counts, group: pair.current) },
        baselines: query.metrics.map { MetricFigure($0, counts, group: pair.earlier) })
    }
  }

  /// The rows in either window that meet the condition; the row range spans both windows
  /// when the rows are in time order.
  private func bothWindows(
    _ condition: BoundCondition?, time: Int, _ window: ResolvedWindow, _ earlier: ResolvedWindow
  ) -> Selection {
    var range = 0..<catalog.dataset.rowCount
    if catalog.timeIsSorted, case .timestamp(let times) = catalog.dataset.columns[time].data {
      let lower = min(window.lower, earlier.lower)
      let upper = max(window.upper, earlier.upper)
      range = Self.lowerIndex(times.values, lower)..<Self.lowerIndex(times.values, upper)
    }
    let inEither = BoundCondition.or(
      .timeRange(column: time, lower: earlier.lower, upper: earlier.upper),
      .timeRange(column: time, lower: window.lower, upper: window.upper))
    let test = condition.map { BoundCondition.and(inEither, $0) } ?? inEither
    return Selection(
      range: range, condition: ConditionKernel(test, catalog: catalog),
      interruptible: interruptible)
  }
}
