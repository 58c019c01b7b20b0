/// `vs previous` and `vs last year` on a query grouped by a calendar unit: each bucket of the
/// window next to its earlier bucket (`BucketBaseline`).
///
/// The earlier window can overlap the query's (with `vs previous` every bucket but the last
/// is also the earlier bucket of the next), so each is counted on its own, as a query
/// without a baseline, and rows are paired by their labels: the other groupings' values and
/// the earlier bucket of the row's bucket.
// TODO(#4): list groups of the other groupings that only the earlier window holds (a rep
// gone since), as `comparedRows` does for plain windows; rows are the window's buckets now.
extension Evaluator {
  func bucketComparedRows(_ query: BoundQuery, baseline: BucketBaseline) -> [RowFigures] {
    var current = query
    current.baseline = nil
    var earlier = current
    earlier.window = baseline.earlier
    let rows = groupedRows(current)
    guard
      let position = query.groupings.firstIndex(where: {
        if case .timeBucket = $0 { return true }
        return false
      }), let window = query.window
    else { return rows }

    // The label of each bucket either window lists, and back.
    var ordinals: [String: Int] = [:]
    for span in [window, baseline.earlier] {
      // Only the buckets a result can list (clipped to the data), however long the window.
      let (firstDay, lastDay) = GroupDimension.bucketDays(
        window: span, timeRange: catalog.timeRange, today: now.map(zone.localDay), zone: zone)
      guard firstDay <= lastDay else { continue }
      let first = TimeBucket.ordinal(baseline.unit, day: firstDay)
      let last = TimeBucket.ordinal(baseline.unit, day: lastDay)
      for ordinal in first...last {
        ordinals[TimeBucket.label(baseline.unit, ordinal: ordinal)] = ordinal
      }
    }
    let key = { (labels: [Cell], bucket: Int?) -> [String] in
      labels.enumerated().map { index, label in
        index == position ? "#" + (bucket.map(String.init) ?? "none") : "\(label)"
      }
    }
    let ordinal = { (labels: [Cell]) -> Int? in
      guard case .text(let text) = labels[position] else { return nil }
      return ordinals[text]
    }
    var earlierFigures: [[String]: [MetricFigure]] = [:]
    for row in groupedRows(earlier) {
      earlierFigures[key(row.labels, ordinal(row.labels))] = row.figures
    }
    return rows.map { row in
      var paired = row
      let bucket = ordinal(row.labels).flatMap(baseline.earlierOrdinal)
      // A bucket whose earlier bucket holds no response is compared with nothing: n = 0.
      paired.baselines =
        bucket.flatMap { earlierFigures[key(row.labels, $0)] } ?? row.figures.map { $0 - $0 }
      return paired
    }
  }
}
