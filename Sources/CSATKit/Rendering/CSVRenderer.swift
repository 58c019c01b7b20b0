/// Writes a result as RFC 4180 comma-separated values.
///
/// A header row of column names comes first; lines end with `\n`. A field is quoted when it
/// holds a comma, a double quote, a line break or a leading or trailing space, and quotes
/// inside it are doubled. Figures are written at their column's precision (`-35.9`); n/a and blank
/// cells are empty. There is no caption.
public enum CSVRenderer {
  /// The result as CSV, ending with a newline.
  public static func render(_ table: ResultTable) -> String {
    var output = ""
    append(table.columns.lazy.map(\.name), to: &output)
    for row in table.rows {
      append(
        zip(row, table.columns).lazy.map { CellText.csv($0, places: $1.places) }, to: &output)
    }
    return output
  }

  /// One line of fields, separated by commas and ended by a newline.
  private static func append(_ texts: some Sequence<String>, to output: inout String) {
    var first = true
    for text in texts {
      if !first { output.append(",") }
      first = false
      output.append(field(text))
    }
    output.append("\n")
  }

  /// One field, quoted when it has to be.
  static func field(_ text: String) -> String {
    let needsQuotes =
      text.utf8.contains { byte in
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D
      } || text.utf8.first == UInt8(ascii: " ") || text.utf8.last == UInt8(ascii: " ")
    guard needsQuotes else { return text }

    return "\"" + text.replacing("\"", with: "\"\"") + "\""
  }
}
