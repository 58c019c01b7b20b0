/// A sparkline per group under a terminal table grouped by a time bucket.
///
/// ```
/// csat by month, 2026-09 to 2026-11: ▁ 50.0 … █ 100.0; target 80.0 ≈ ▅; • under target
/// Ann  ▁ █  50.0 → 100.0
///      •
/// ```
///
/// Each group (each combination of the groupings other than time; the metric's name when
/// there is none) gets one glyph per bucket of the first metric, blank for a bucket with no
/// respondents, then its first and last figures. One scale serves every group: its lowest
/// and highest figures and the target, split in eight levels. With a target, a line under a
/// group's sparkline puts `•` under each bucket below it. When the buckets do not fit the
/// width, the latest ones are shown and the header says so.
enum Sparklines {
  static let glyphs = Array("▁▂▃▄▅▆▇█")
  /// Group labels are cut to this many columns.
  static let labelLimit = 20

  /// The lines to add under the table (none without a time bucket or a figure), fitted to
  /// `width` columns when the width allows one glyph.
  static func lines(_ table: ResultTable, width: Int) -> [String] {
    guard let layout = table.series, layout.timeColumn != nil else { return [] }
    let data = SeriesData(table, layout: layout)
    let labels = data.groups.map { DisplayWidth.truncate($0, toWidth: labelLimit) }
    let labelWidth = labels.map(DisplayWidth.of).max() ?? 0
    let valueWidth =
      data.points.flatMap { $0.compactMap(\.tenths) }.map { data.text($0).count }.max()
      ?? 0
    // `first → last`, each figure padded to the widest.
    let tailWidth = 2 * valueWidth + 3
    let room = max(1, width - labelWidth - tailWidth - 4)
    let start = data.buckets.count - min(data.buckets.count, room)
    guard !data.buckets.isEmpty, let span = data.span(includingZero: false, from: start) else {
      return []
    }
    let level = { (tenths: Int) in
      SeriesData.position(tenths, low: span.low, high: span.high, steps: glyphs.count - 1)
    }

    var lines = [header(data, span: span, start: start, glyph: data.target.map(level))]
    for (group, label) in labels.enumerated() {
      let points = data.points[group][start...]
      let spark = String(points.map { $0.tenths.map { glyphs[level($0)] } ?? " " })
      let values = points.compactMap(\.tenths)
      let tail =
        values.first.map { first in
          DisplayWidth.pad(data.text(first), toWidth: valueWidth, alignRight: true) + " → "
            + DisplayWidth.pad(
              data.text(values.last ?? first), toWidth: valueWidth, alignRight: true)
        } ?? "no responses"
      lines.append(
        trimmed(DisplayWidth.pad(label, toWidth: labelWidth) + "  " + spark + "  " + tail))
      guard let target = data.target else { continue }
      let marks = String(
        points.map { point in point.tenths.map { $0 < target } == true ? "•" : " " })
      if marks.contains("•") {
        lines.append(trimmed(String(repeating: " ", count: labelWidth + 2) + marks))
      }
    }
    return lines
  }

  /// What the sparklines show: the metric and unit, the buckets, the scale and the target.
  private static func header(
    _ data: SeriesData, span: (low: Int, high: Int), start: Int, glyph: Int?
  ) -> String {
    let layout = data.layout
    let unit = layout.unitName ?? "bucket"
    var text = "\(layout.metricName) by \(unit), \(data.buckets[start]) to "
    text += (data.buckets.last ?? "") + ": "
    text += "\(glyphs[0]) \(data.text(span.low)) … \(glyphs[glyphs.count - 1]) "
    text += data.text(span.high)
    if let target = data.target, let glyph {
      text += "; target \(data.text(target)) ≈ \(glyphs[glyph]); • under target"
    }
    if start > 0 {
      text += "; the last \(data.buckets.count - start) of \(data.buckets.count) \(unit)s"
    }
    if layout.metricCount > 1 {
      text += "; the first of \(layout.metricCount) metrics"
    }
    return text
  }

  static func trimmed(_ line: String) -> String {
    var text = line
    while text.last == " " { text.removeLast() }
    return text
  }
}
