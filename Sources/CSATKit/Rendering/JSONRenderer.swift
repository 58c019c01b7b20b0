/// Writes a result as one JSON document: an array of objects keyed by column name.
///
/// Each object sits on its own line inside the array, keys in column order:
///
/// ```
/// [
///   {"rep": "Zoë", "n": 12, "csat": 85.0},
///   {"rep": "Ana", "n": 0, "csat": null}
/// ]
/// ```
///
/// Figures are numbers at display precision, integers are numbers, n/a and blank cells are
/// `null`, booleans are `true`/`false`, everything else is a string. Non-ASCII text stays
/// UTF-8. There is no caption.
public enum JSONRenderer {
  /// The result as JSON, ending with a newline.
  public static func render(_ table: ResultTable) -> String {
    guard !table.rows.isEmpty else { return "[]\n" }

    let keys = table.columns.map { string($0.name) }
    let places = table.columns.map(\.places)
    let objects = table.rows.map { row in
      let members = zip(keys.indices, row).map { index, cell in
        "\(keys[index]): \(value(cell, places: places[index]))"
      }
      return "  {" + members.joined(separator: ", ") + "}"
    }
    return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
  }

  /// A cell as a JSON value, a figure with `places` decimals.
  static func value(_ cell: Cell, places: Int = 1) -> String {
    switch cell {
    case .text(let text), .time(let text): string(text)
    case .integer(let value): String(value)
    case .figure(let figure): figure.text(places: places) ?? "null"
    case .notApplicable, .blank: "null"
    case .boolean(let value): value ? "true" : "false"
    }
  }

  /// A JSON string literal: quotes, backslashes and control characters escaped.
  static func string(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case "\u{08}": result += "\\b"
      case "\u{0C}": result += "\\f"
      case "\u{2028}", "\u{2029}":
        // Valid JSON, but not valid JavaScript before ES2019; escaping costs nothing.
        result += "\\u" + hex4(scalar.value)
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          result += "\\u" + hex4(scalar.value)
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }

  /// Four lower-case hex digits.
  private static func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
