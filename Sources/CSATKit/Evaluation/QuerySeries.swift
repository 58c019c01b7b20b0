extension Evaluator {
  /// Where the query's first metric, its groupings and its first time bucket sit among the
  /// result's columns, for sparklines and charts; nil without a metric figure.
  func seriesLayout(_ query: BoundQuery) -> SeriesLayout? {
    guard let metric = query.metrics.first else { return nil }
    let find = { (part: MetricPart) in
      query.columns.firstIndex { $0.content == .metric(0, part) }
    }
    guard let value = find(.value) else { return nil }
    var groupings: [Int] = []
    var time: Int?
    var unit: String?
    for (index, column) in query.columns.enumerated() {
      guard case .grouping(let grouping) = column.content else { continue }
      if time == nil, case .timeBucket(let calendarUnit, _) = query.groupings[grouping] {
        time = index
        unit = calendarUnit.rawValue
      } else {
        groupings.append(index)
      }
    }
    return SeriesLayout(
      groupingColumns: groupings, timeColumn: time, unitName: unit, valueColumn: value,
      nColumn: find(.n), lowNColumn: find(.lowN), targetColumn: find(.target),
      metricName: metric.name, metricCount: query.metrics.count)
  }
}
