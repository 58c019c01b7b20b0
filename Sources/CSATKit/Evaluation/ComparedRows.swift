/// `vs previous` and `vs last year`: the figures of a window next to those of an earlier one.
///
/// The groups are numbered once over the rows of both windows, then the rows are counted
/// twice: those in the query's window, and those in the earlier one. The windows may overlap
/// (`vs last year` on a window longer than a year), and a row in both is counted in both. A
/// group present in only one window still gets a row.
extension Evaluator {
  func comparedRows(
    _ query: BoundQuery, window: ResolvedWindow, earlier: ResolvedWindow
  ) -> [RowFigures] {
    guard let time = catalog.dataset.roles.time,
      case .timestamp = catalog.dataset.columns[time].data
    else { return groupedRows(query) }

    // Each window keeps one response per customer of its own (`.set repeats`).
    let current = collapsingRepeats(
      windowSelection(query.condition, time: time, window, span: [window, earlier]),
      query.repeats)
    let before = collapsingRepeats(
      windowSelection(query.condition, time: time, earlier, span: [window, earlier]),
      query.repeats)
    let offsets = current.range
    let dimensions = query.groupings.map {
      dimension($0, window: window, range: offsets, fillTime: false)
    }
    let groups = GroupIndex(dimensions: dimensions, count: offsets.count)
    let counts = Accumulators(query.metrics, catalog: catalog, groups: groups, selection: current)
    let earlierCounts = Accumulators(
      query.metrics, catalog: catalog, groups: groups, selection: before)
    let either = zip(counts.rows, earlierCounts.rows).map { $0 + $1 }
    return groups.resultGroups(either).map { keys, group in
      RowFigures(
        labels: zip(dimensions, keys).map { $0.labels[$1] },
        figures: query.metrics.map { MetricFigure($0, counts, group: group) },
        baselines: query.metrics.map { MetricFigure($0, earlierCounts, group: group) },
        ranks: zip(dimensions, keys).map { $0.ranks[$1] })
    }
  }

  /// The rows of `window` that meet the condition, read from a row range that spans every
  /// window of `span` when the rows are in time order, so that both windows share one
  /// numbering of groups.
  private func windowSelection(
    _ condition: BoundCondition?, time: Int, _ window: ResolvedWindow, span: [ResolvedWindow]
  ) -> Selection {
    var range = 0..<catalog.dataset.rowCount
    if catalog.timeIsSorted, case .timestamp(let times) = catalog.dataset.columns[time].data {
      let lower = span.map(\.lower).min() ?? window.lower
      let upper = span.map(\.upper).max() ?? window.upper
      range = Self.lowerIndex(times.values, lower)..<Self.lowerIndex(times.values, upper)
    }
    let inWindow = BoundCondition.timeRange(column: time, lower: window.lower, upper: window.upper)
    let test = condition.map { BoundCondition.and(inWindow, $0) } ?? inWindow
    return Selection(
      range: range, condition: ConditionKernel(test, catalog: catalog),
      interruptible: interruptible)
  }
}
