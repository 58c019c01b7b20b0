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

extension Figure {
  /// The value rounded once to `places` decimals, halves away from zero (`12.3456` for
  /// four); nil when it cannot be shown. One place gives `displayText`.
  public func text(places: Int) -> String? {
    guard isDisplayable else { return nil }
    if places == 1 { return displayText }
    var scale = 1
    for _ in 0..<max(0, places) {
      let (next, overflow) = scale.multipliedReportingOverflow(by: 10)
      guard !overflow else { return nil }
      scale = next
    }
    let units: Int
    switch self {
    case .ratio(let numerator, let denominator):
      let (scaled, overflow) = numerator.multipliedReportingOverflow(by: scale)
      if overflow {
        units = Self.roundedHalfAway(value * Double(scale))
      } else {
        let quotient = scaled / denominator
        let remainder = scaled % denominator
        let negative = (scaled < 0) != (denominator < 0)
        let away = 2 * abs(remainder) >= abs(denominator)
        units = away ? quotient + (negative ? -1 : 1) : quotient
      }
    case .real(let real):
      let scaled = real * Double(scale)
      guard abs(scaled) < 9.0e18 else { return nil }
      units = Self.roundedHalfAway(scaled)
    }
    let digits = String(abs(units))
    let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
    let whole = padded.dropLast(places)
    let fraction = places > 0 ? "." + padded.suffix(places) : ""
    return (units < 0 ? "-" : "") + whole + fraction
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

  /// The unquoted CSV field: empty for a missing value; a figure with `places` decimals.
  static func csv(_ cell: Cell, places: Int = 1) -> String {
    switch cell {
    case .notApplicable, .blank: ""
    case .figure(let figure): figure.text(places: places) ?? ""
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
