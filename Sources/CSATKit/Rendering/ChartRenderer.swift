/// `chart`: a query's result drawn for a terminal, as bars over segments (`BarChart`) or as a
/// line over time buckets (`LineChart`), fitted to a width.
///
/// The chart follows the window caption, as a table does. Only the first metric is drawn;
/// the header says so when there are more. Other output formats show the table instead (see
/// `Session`).
public enum ChartRenderer {
  /// The chart, ending with a newline.
  public static func render(_ table: ResultTable, width: Int) -> String {
    var lines: [String] = []
    if let caption = table.caption { lines.append(CellText.singleLine(caption)) }
    if let layout = table.series, !table.rows.isEmpty {
      let data = SeriesData(table, layout: layout)
      if layout.timeColumn != nil {
        lines += LineChart.render(data, width: width, minimumN: table.minimumN)
      } else {
        lines += BarChart.render(data, width: width, minimumN: table.minimumN)
      }
    } else {
      lines.append(TableRenderer.footer(rowCount: table.rows.count))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
