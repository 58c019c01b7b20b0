/// Figures that can be shown without trapping.
///
/// An addition to `Figure` (declared in ResultTable.swift): `tenths` traps on a zero
/// denominator, a non-finite real or a value beyond the range of `Int`, so every renderer
/// checks this first and shows such a figure as "no value".
extension Figure {
  /// Whether `tenths` and `displayText` can be computed for this figure.
  public var isDisplayable: Bool {
    switch self {
    case .ratio(let numerator, let denominator):
      let (_, overflow) = numerator.multipliedReportingOverflow(by: 10)
      return denominator != 0 && !overflow
    case .real(let value):
      return value.isFinite && abs(value * 10) < 9.0e18
    }
  }
}

/// How one cell reads as text in each format.
enum CellText {
  /// The text shown in a table or Markdown cell, before any cutting or escaping.
  ///
  /// Integers have no thousands separators in any format, so what is shown can be copied
  /// back as a number.
  static func display(_ cell: Cell) -> String {
    switch cell {
    case .text(let text), .time(let text): text
    case .integer(let value): String(value)
    case .figure(let figure): figure.isDisplayable ? figure.displayText : "n/a"
    case .notApplicable: "n/a"
    case .blank: "(blank)"
    case .boolean(let value): value ? "true" : "false"
    }
  }

  /// The unquoted CSV field: empty for a missing value.
  static func csv(_ cell: Cell) -> String {
    switch cell {
    case .notApplicable, .blank: ""
    case .figure(let figure) where !figure.isDisplayable: ""
    default: display(cell)
    }
  }

  /// Text made safe for one terminal line: line breaks become `⏎`, tabs a space, and other
  /// control characters (which could move the cursor or change colours) `�`.
  static func singleLine(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }) else {
      return text
    }

    var result = ""
    for character in text {
      if character == "\n" || character == "\r\n" || character == "\r" {
        result.append("⏎")
      } else if character == "\t" {
        result.append(" ")
      } else if character.unicodeScalars.contains(where: {
        $0.properties.generalCategory == .control
      }) {
        result.append("\u{FFFD}")
      } else {
        result.append(character)
      }
    }
    return result
  }
}
