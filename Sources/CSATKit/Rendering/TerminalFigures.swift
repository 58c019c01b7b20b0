/// A result as the terminal table shows it: each figure with its confidence interval and its
/// low-n marker in one cell, and notes that explain them.
///
/// A figure reads `81.2 ±1.4` when its interval is symmetric at display precision and
/// `81.2 [79.8, 82.5]` when not; a figure from too few respondents is followed by `*`. Inside
/// such a cell the figures are right-aligned, the intervals and markers left-aligned, each
/// part in a sub-column of its own, so that the parts line up from row to row:
///
/// ```
/// rep  n    csat
/// ───  ───  ──────────────────
/// Ann  120   81.2 ±1.4
/// Bob   12   50.0 [23.4, 76.6] *
/// ```
struct TerminalFigures {
  var headers: [String]
  var cells: [[String]]
  var alignRight: [Bool]
  /// Lines shown under the table: what `*` and the intervals mean, when they appear.
  var notes: [String] = []
  /// Per shown column: whether it carries `✓` and `✗` marks, which colour may paint.
  var marked: [Bool]

  init(_ table: ResultTable, cellText: (Cell) -> String) {
    let visible = table.columns.indices.filter {
      table.columns[$0].role == .plain || table.columns[$0].role == .verdict
    }
    headers = visible.map { CellText.singleLine(table.columns[$0].name) }
    alignRight = visible.map { table.columns[$0].isNumeric }
    marked = visible.map { _ in false }
    var columns: [[String]] = []
    var anyMarker = false
    var anyInterval = false
    var anyMark = false
    for (position, index) in visible.enumerated() {
      let find = { (role: ColumnRole) in table.columns.firstIndex { $0.role == role } }
      let low = find(.lowerBound(of: index))
      let high = find(.upperBound(of: index))
      let flag = find(.lowN(of: index))
      let met = find(.met(of: index))
      if table.columns[index].role == .verdict {
        columns.append(table.rows.map { Self.verdictText(Self.cell($0, index), cellText) })
        marked[position] = true
        continue
      }
      let values = table.rows.map { cellText(Self.cell($0, index)) }
      guard low != nil || flag != nil || met != nil else {
        columns.append(values)
        continue
      }
      let intervals = table.rows.map { row in
        Self.intervalText(
          Self.cell(row, index), low.map { Self.cell(row, $0) } ?? .blank,
          high.map { Self.cell(row, $0) } ?? .blank)
      }
      let markers = table.rows.map { row in
        Self.isFigure(Self.cell(row, index)) && flag.map { Self.cell(row, $0) } == .boolean(true)
          ? "*" : ""
      }
      let marks = table.rows.map { row in
        met.map { Self.cell(row, $0) } == .boolean(true)
          ? "✓" : met.map { Self.cell(row, $0) } == .boolean(false) ? "✗" : ""
      }
      anyInterval = anyInterval || intervals.contains { !$0.isEmpty }
      anyMarker = anyMarker || markers.contains { !$0.isEmpty }
      anyMark = anyMark || marks.contains { !$0.isEmpty }
      marked[position] = met != nil
      columns.append(Self.aligned([values, intervals, markers, marks]))
      alignRight[position] = false
    }
    cells = table.rows.indices.map { row in columns.map { $0[row] } }
    if anyMarker {
      notes.append("* n < \(table.minimumN ?? 30): too few responses to trust")
    }
    if anyInterval {
      notes.append("±, [low, high]: \(table.confidence ?? 95)% confidence interval")
    }
    if anyMark {
      notes.append("✓ target met, ✗ target missed ('targets' lists the targets)")
    }
  }

  /// `✓ met` or `✗ missed` for a verdict; other cells as they are.
  private static func verdictText(_ cell: Cell, _ cellText: (Cell) -> String) -> String {
    switch cell {
    case .boolean(true): "✓ met"
    case .boolean(false): "✗ missed"
    default: cellText(cell)
    }
  }

  private static func cell(_ row: [Cell], _ index: Int) -> Cell {
    index < row.count ? row[index] : .blank
  }

  private static func isFigure(_ cell: Cell) -> Bool {
    if case .figure(let figure) = cell { return figure.isDisplayable }
    return false
  }

  /// `±1.4` when the bounds lie as far below as above the figure at display precision,
  /// `[79.8, 82.5]` when not; empty without a figure or bounds.
  static func intervalText(_ value: Cell, _ low: Cell, _ high: Cell) -> String {
    guard case .figure(let figure) = value, case .figure(let lower) = low,
      case .figure(let upper) = high, figure.isDisplayable, lower.isDisplayable,
      upper.isDisplayable
    else { return "" }
    let below = figure.tenths - lower.tenths
    if below == upper.tenths - figure.tenths {
      return "±" + Figure.ratio(below, 10).displayText
    }
    return "[\(lower.displayText), \(upper.displayText)]"
  }

  /// Parts side by side, each padded to its widest (the first to the right, the others to
  /// the left), one space apart; parts empty in every row are left out.
  private static func aligned(_ parts: [[String]]) -> [String] {
    let used = parts.filter { part in part.contains { !$0.isEmpty } }
    let widths = used.map { part in part.map(DisplayWidth.of).max() ?? 0 }
    let rows = parts.first?.count ?? 0
    return (0..<rows).map { row in
      used.enumerated().map { index, part in
        DisplayWidth.pad(part[row], toWidth: widths[index], alignRight: index == 0)
      }.joined(separator: " ")
    }
  }
}
