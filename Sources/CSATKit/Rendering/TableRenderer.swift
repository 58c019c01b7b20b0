/// Draws a result as aligned columns for a terminal.
///
/// ```
/// last 7 days
/// rep    n   csat
/// ─────  ──  ────
/// Zoë    12  85.0
/// (1 row)
/// ```
///
/// Columns are two spaces apart; numeric columns (header included) are right-aligned and
/// text columns left-aligned, measured in display columns. Text cells are kept to one line
/// and cut at `RenderStyle.maxCellWidth`. Lines carry no trailing spaces. Confidence intervals
/// and low-n flags are shown inside the figure they belong to (see `TerminalFigures`).
public enum TableRenderer {
  /// The result drawn as a table, ending with a newline.
  public static func render(_ table: ResultTable, style: RenderStyle = .plain) -> String {
    let view = TerminalFigures(table) { cellText($0, style: style) }
    let columnCount = view.headers.count
    let cells = widenedLastColumn(table, view, style)
    var cellWidths = view.headers.map { _ in 0 }
    for row in cells {
      for (index, text) in row.enumerated() {
        cellWidths[index] = max(cellWidths[index], DisplayWidth.of(text))
      }
    }
    let headerLines = headerLines(view.headers, cellWidths: cellWidths, style: style)
    let widths = cellWidths.indices.map { index in
      headerLines.map { DisplayWidth.of($0[index]) }.reduce(cellWidths[index], max)
    }
    let alignRight = view.alignRight

    var lines: [String] = []
    if let caption = table.caption {
      lines.append(CellText.singleLine(caption))
    }
    if columnCount > 0 {
      for texts in headerLines {
        let header = line(
          texts, widths: widths, alignRight: alignRight, paint: texts.map { _ in false })
        lines.append(style.colour ? bold + header + reset : header)
      }
      let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
      lines.append(style.colour ? dim + rule + reset : rule)
      let paint = style.colour ? view.marked : view.marked.map { _ in false }
      for row in cells {
        lines.append(line(row, widths: widths, alignRight: alignRight, paint: paint))
      }
    }
    lines.append(footer(rowCount: table.rows.count))
    let notes = view.notes + table.notes
    lines +=
      style.terminalWidth.map { width in notes.flatMap { wrapped($0, width: width) } }
      ?? notes
    // On a terminal, a result over time also reads as a sparkline per group.
    if let width = style.terminalWidth {
      let sparklines = Sparklines.lines(table, width: width)
      if !sparklines.isEmpty { lines += [""] + sparklines }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The header as one line, or, on a terminal the table would overflow, as two: a name
  /// wider than its column's cells breaks at its last `_` (`csat_previous` over `csat` and
  /// `previous`), so the column takes the width of the longer part.
  static func headerLines(
    _ headers: [String], cellWidths: [Int], style: RenderStyle
  ) -> [[String]] {
    let oneLine = zip(headers, cellWidths).map { max(DisplayWidth.of($0), $1) }
    let tableWidth = oneLine.reduce(0, +) + 2 * max(0, headers.count - 1)
    guard let terminalWidth = style.terminalWidth, tableWidth > terminalWidth else {
      return [headers]
    }
    let parts = zip(headers, cellWidths).map { header, cellWidth -> (String, String) in
      guard DisplayWidth.of(header) > cellWidth,
        let cut = header.lastIndex(of: "_"), cut != header.startIndex
      else { return ("", header) }
      return (String(header[..<cut]), String(header[header.index(after: cut)...]))
    }
    guard parts.contains(where: { !$0.0.isEmpty }) else { return [headers] }
    return [parts.map(\.0), parts.map(\.1)]
  }

  /// A note cut into lines of at most `width` display columns at spaces; a word longer than
  /// the width keeps a line of its own.
  static func wrapped(_ text: String, width: Int) -> [String] {
    guard DisplayWidth.of(text) > width else { return [text] }
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: false) {
      let candidate = current.isEmpty ? String(word) : current + " " + word
      if !current.isEmpty, DisplayWidth.of(candidate) > width {
        lines.append(current)
        current = String(word)
      } else {
        current = candidate
      }
    }
    lines.append(current)
    return lines
  }

  /// `(no rows)`, `(1 row)` or `(n rows)`.
  static func footer(rowCount: Int) -> String {
    switch rowCount {
    case 0: "(no rows)"
    case 1: "(1 row)"
    default: "(\(rowCount) rows)"
    }
  }

  // MARK: - Cells and lines

  private static let bold = "\u{1B}[1m"
  private static let dim = "\u{1B}[2m"
  private static let reset = "\u{1B}[0m"
  private static let green = "\u{1B}[32m"
  private static let red = "\u{1B}[31m"

  /// The cells, but on a terminal a last column of text (comments, say) is cut only where
  /// the terminal ends, when that leaves it more room than `maxCellWidth`.
  private static func widenedLastColumn(
    _ table: ResultTable, _ view: TerminalFigures, _ style: RenderStyle
  ) -> [[String]] {
    let last = view.headers.count - 1
    guard let terminalWidth = style.terminalWidth, last >= 0, !view.alignRight[last] else {
      return view.cells
    }
    let others = (0..<last).map { index in
      view.cells.map { DisplayWidth.of($0[index]) }.reduce(
        DisplayWidth.of(view.headers[index]), max)
    }
    let room = terminalWidth - others.reduce(0, +) - 2 * last
    guard room > style.maxCellWidth else { return view.cells }
    var wide = style
    wide.maxCellWidth = room
    let full = TerminalFigures(table) { cellText($0, style: wide) }
    guard full.cells.count == view.cells.count else { return view.cells }
    return zip(view.cells, full.cells).map { narrow, wide in
      Array(narrow.dropLast()) + [wide[last]]
    }
  }

  /// A cell as shown: on one line, text cut to the widest allowed.
  private static func cellText(_ cell: Cell, style: RenderStyle) -> String {
    let text = CellText.singleLine(CellText.display(cell))
    switch cell {
    case .text: return DisplayWidth.truncate(text, toWidth: max(1, style.maxCellWidth))
    default: return text
    }
  }

  /// One line of padded cells; the last column is not padded when it is left-aligned. In
  /// the columns to `paint`, `✓` turns green and `✗` red once the cell is padded.
  private static func line(
    _ texts: [String], widths: [Int], alignRight: [Bool], paint: [Bool]
  ) -> String {
    var parts: [String] = []
    for (index, text) in texts.enumerated() {
      let isLast = index == texts.count - 1
      var shown = text
      if !isLast || alignRight[index] {
        shown = DisplayWidth.pad(text, toWidth: widths[index], alignRight: alignRight[index])
      }
      if paint[index] {
        shown = shown.replacing("✓", with: green + "✓" + reset)
          .replacing("✗", with: red + "✗" + reset)
      }
      parts.append(shown)
    }
    var result = parts.joined(separator: "  ")
    // An empty last cell would leave the separator hanging.
    while result.last == " " {
      result.removeLast()
    }
    return result
  }
}
