/// Writes a result as a GitHub-flavoured Markdown table.
///
/// The caption, when there is one, is a paragraph above the table. Columns are padded to
/// the same display width so the source reads as a table too; numeric columns are
/// right-aligned (`---:`). A `|` in a cell is escaped as `\|` and line breaks become
/// `<br>`. Cells are never cut. n/a and blank cells read `n/a` and `(blank)`.
public enum MarkdownRenderer {
  /// The result as Markdown, ending with a newline.
  public static func render(_ table: ResultTable) -> String {
    let columnCount = table.columns.count
    let headers = table.columns.map { escape($0.name) }
    let cells = table.rows.map { row in
      (0..<columnCount).map { index in
        index < row.count ? escape(CellText.display(row[index])) : ""
      }
    }

    // GitHub needs three characters in a delimiter cell.
    var widths = headers.map { max(3, DisplayWidth.of($0)) }
    for row in cells {
      for (index, text) in row.enumerated() {
        widths[index] = max(widths[index], DisplayWidth.of(text))
      }
    }
    let alignRight = table.columns.map(\.isNumeric)

    var lines: [String] = []
    if let caption = table.caption {
      lines.append(escape(caption))
      lines.append("")
    }
    lines.append(line(headers, widths: widths, alignRight: alignRight))
    let delimiters = zip(widths, alignRight).map { width, right in
      right ? String(repeating: "-", count: width - 1) + ":" : String(repeating: "-", count: width)
    }
    lines.append("| " + delimiters.joined(separator: " | ") + " |")
    for row in cells {
      lines.append(line(row, widths: widths, alignRight: alignRight))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// One table row.
  private static func line(_ texts: [String], widths: [Int], alignRight: [Bool]) -> String {
    let padded = texts.enumerated().map { index, text in
      DisplayWidth.pad(text, toWidth: widths[index], alignRight: alignRight[index])
    }
    return "| " + padded.joined(separator: " | ") + " |"
  }

  /// Cell text that cannot break the table: `|` escaped, line breaks as `<br>`.
  static func escape(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "|": result += "\\|"
      case "\n", "\r\n", "\r": result += "<br>"
      case "\t": result += " "
      default: result.append(character)
      }
    }
    return result
  }
}
