/// `chart` over time buckets: a line of block glyphs per group, eight rows high.
///
/// ```
/// csat by month, 2026-09 to 2026-11; ┄ target 80.0
/// 100.0 ┤       ███
///  80.0 ┤┄┄┄┄┄┄┄┄┄┄┄
///       ┤
///  50.0 ┤███
///       └───────────
///        2026-09 2026-11
/// ```
///
/// The y axis spans the lowest to the highest of every figure and the target, in 64 steps:
/// a figure v stands at step s = round((v − L) × 63 / (H − L)), halves up, drawn in row
/// s / 8 (0 at the bottom) with the glyph `▁▂▃▄▅▆▇█`[s % 8]. The target's row is drawn `┄`
/// where no figure stands. Each bucket takes up to 4 columns (its glyph and a gap), fewer
/// when many buckets share the width; when even one column each is too wide, the latest
/// buckets are shown. `*` on the x axis marks a bucket with too few respondents. Bucket
/// labels are placed from the left where they fit, one space apart.
enum LineChart {
  static let height = 8
  static let widestBucket = 4

  static func render(_ data: SeriesData, width: Int, minimumN: Int?) -> [String] {
    let layout = data.layout
    let unit = layout.unitName ?? "bucket"
    // The axis labels are the scale's ends and the target: at most 7 columns for figures of
    // -100.0 to 100.0, and as wide as the widest figure or target beyond.
    let figures = data.points.flatMap { $0.compactMap(\.tenths) } + (data.target.map { [$0] } ?? [])
    let axisWidth = max(6, figures.map { data.text($0).count }.max() ?? 0)
    let plotWidth = max(1, width - axisWidth - 2)
    let cellWidth = min(widestBucket, max(1, plotWidth / max(1, data.buckets.count)))
    let shown = min(data.buckets.count, max(1, plotWidth / cellWidth))
    let start = data.buckets.count - shown
    guard !data.buckets.isEmpty, let span = data.span(includingZero: false, from: start) else {
      return ["\(layout.metricName) by \(unit): no figure to chart"]
    }
    let steps = height * Sparklines.glyphs.count - 1
    let step = { (tenths: Int) in
      SeriesData.position(tenths, low: span.low, high: span.high, steps: steps)
    }
    let targetRow = data.target.map { step($0) / Sparklines.glyphs.count }
    var axisLabels = [Int: String]()
    if let targetRow, let target = data.target { axisLabels[targetRow] = data.text(target) }
    axisLabels[0] = data.text(span.low)
    axisLabels[height - 1] = data.text(span.high)

    var header = "\(layout.metricName) by \(unit), \(data.buckets[start]) to "
    header += data.buckets.last ?? ""
    if let target = data.target { header += "; ┄ target \(data.text(target))" }
    if start > 0 { header += "; the last \(shown) of \(data.buckets.count) \(unit)s" }
    if layout.metricCount > 1 { header += "; the first of \(layout.metricCount) metrics" }
    var lines = [header]
    let named = !layout.groupingColumns.isEmpty
    var anyLow = false
    for (group, label) in data.groups.enumerated() {
      let points = Array(data.points[group][start...])
      if named { lines.append(label + ":") }
      for row in stride(from: height - 1, through: 0, by: -1) {
        let fill: Character = row == targetRow ? "┄" : " "
        var cells = [Character](repeating: fill, count: shown * cellWidth)
        for (bucket, point) in points.enumerated() {
          guard let tenths = point.tenths, step(tenths) / Sparklines.glyphs.count == row else {
            continue
          }
          let glyph = Sparklines.glyphs[step(tenths) % Sparklines.glyphs.count]
          for offset in 0..<max(1, cellWidth - 1) { cells[bucket * cellWidth + offset] = glyph }
        }
        let axis = DisplayWidth.pad(axisLabels[row] ?? "", toWidth: axisWidth, alignRight: true)
        lines.append(Sparklines.trimmed(axis + " ┤" + String(cells)))
      }
      var rule = [Character](repeating: "─", count: shown * cellWidth)
      for (bucket, point) in points.enumerated() where point.lowN && point.tenths != nil {
        rule[bucket * cellWidth] = "*"
        anyLow = true
      }
      let margin = String(repeating: " ", count: axisWidth + 1)
      lines.append(margin + "└" + String(rule))
      lines.append(
        Sparklines.trimmed(
          margin + " "
            + bucketLabels(Array(data.buckets[start...]), cellWidth: cellWidth, limit: plotWidth)))
    }
    if anyLow { lines.append("* n < \(minimumN ?? 30): too few responses to trust") }
    return lines
  }

  /// Bucket labels, each starting at its bucket's column where it fits after the last one
  /// placed and a space, and within `limit` columns.
  static func bucketLabels(_ buckets: [String], cellWidth: Int, limit: Int) -> String {
    var text = ""
    for (index, label) in buckets.enumerated() {
      let column = index * cellWidth
      let free = text.isEmpty ? 0 : text.count + 1
      guard column >= free, column + label.count <= limit else { continue }
      text += String(repeating: " ", count: column - text.count) + label
    }
    return text
  }
}
