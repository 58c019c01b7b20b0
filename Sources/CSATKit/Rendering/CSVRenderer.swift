/// Writes a result as RFC 4180 comma-separated values.
///
/// A header row of column names comes first; lines end with `\n`. A field is quoted when it
/// holds a comma, a double quote, a line break or a leading or trailing space, and quotes
/// inside it are doubled. Figures are written at their column's precision (`-35.9`); n/a and blank
/// cells are empty. There is no caption.
public enum CSVRenderer {
  /// The result as CSV, ending with a newline.
  public static func render(_ table: ResultTable) -> String {
    var output = table.columns.map { field($0.name) }.joined(separator: ",") + "\n"
    for row in table.rows {
      let fields = zip(row, table.columns).map { field(CellText.csv($0, places: $1.places)) }
      output += fields.joined(separator: ",") + "\n"
    }
    return output
  }

  /// One field, quoted when it has to be.
  static func field(_ text: String) -> String {
    let special: Set<UInt8> = [UInt8(ascii: ","), UInt8(ascii: "\""), 0x0A, 0x0D]
    let needsQuotes =
      text.utf8.contains(where: special.contains) || text.first == " " || text.last == " "
    guard needsQuotes else { return text }

    return "\"" + text.replacing("\"", with: "\"\"") + "\""
  }
}
