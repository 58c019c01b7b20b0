/// `chart` over segments: a horizontal bar per result row.
///
/// ```
/// csat by rep: bars from 0.0 to 100.0; │ target 80.0
/// Ann  ████████████████████│██   90.0  n=40
/// Bob  █████████████       │     60.0  n=12 *
/// * n < 30: too few responses to trust
/// ```
///
/// Each row is its label (its grouping values joined by ` · `, cut at 20 columns), a bar
/// area, then the figure, `n=` and `*` for a figure from too few respondents. The bar area
/// fills the width left over, at least 10 columns, and spans the lowest to the highest of
/// 0, every figure and the target. A bar runs from 0 to its figure; with B columns from L
/// to H, the figure v ends at round((v − L) × B / (H − L)), halves up. The target is a `│`
/// at the column where it falls (`┃` where a bar covers it; the last column for H).
enum BarChart {
  static let minimumBarWidth = 10

  static func render(_ data: SeriesData, width: Int, minimumN: Int?) -> [String] {
    let layout = data.layout
    guard let span = data.span(includingZero: true) else {
      return ["\(layout.metricName): no figure to chart"]
    }
    let labels = data.groups.map { DisplayWidth.truncate($0, toWidth: Sparklines.labelLimit) }
    let labelWidth = labels.map(DisplayWidth.of).max() ?? 0
    let points = data.points.map { $0.first ?? SeriesPoint(tenths: nil, n: nil, lowN: false) }
    let values = points.map { $0.tenths.map(data.text) ?? "n/a" }
    let valueWidth = values.map(\.count).max() ?? 0
    let counts = points.map { $0.n.map { "n=\($0)" } ?? "" }
    let countWidth = counts.map(\.count).max() ?? 0
    let anyLow = points.contains { $0.lowN && $0.tenths != nil }
    let tailWidth = valueWidth + (countWidth > 0 ? countWidth + 2 : 0) + (anyLow ? 2 : 0)
    let barWidth = max(minimumBarWidth, width - labelWidth - tailWidth - 4)
    let place = { (tenths: Int) in
      SeriesData.position(tenths, low: span.low, high: span.high, steps: barWidth)
    }
    let zero = place(0)
    let targetColumn = data.target.map { min(place($0), barWidth - 1) }

    var header = "\(layout.metricName)"
    if !data.columnNames.isEmpty { header += " by " + data.columnNames.joined(separator: ", ") }
    header += ": bars from \(data.text(span.low)) to \(data.text(span.high))"
    if let target = data.target { header += "; │ target \(data.text(target))" }
    if layout.metricCount > 1 { header += "; the first of \(layout.metricCount) metrics" }
    var lines = [header]
    for (row, point) in points.enumerated() {
      var cells = [Character](repeating: " ", count: barWidth)
      if let tenths = point.tenths {
        let end = place(tenths)
        for column in min(zero, end)..<max(zero, end) { cells[column] = "█" }
      }
      if let targetColumn {
        cells[targetColumn] = cells[targetColumn] == "█" ? "┃" : "│"
      }
      var line = DisplayWidth.pad(labels[row], toWidth: labelWidth) + "  " + String(cells) + "  "
      line += DisplayWidth.pad(values[row], toWidth: valueWidth, alignRight: true)
      if countWidth > 0 {
        line += "  " + DisplayWidth.pad(counts[row], toWidth: countWidth, alignRight: true)
      }
      if point.lowN && point.tenths != nil { line += " *" }
      lines.append(Sparklines.trimmed(line))
    }
    if anyLow { lines.append("* n < \(minimumN ?? 30): too few responses to trust") }
    return lines
  }

}
