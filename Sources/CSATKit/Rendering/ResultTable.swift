/// A figure kept exact until it is shown: a ratio of integers, or a real number.
public enum Figure: Sendable, Equatable {
  /// `numerator / denominator`, e.g. 100 × satisfied / respondents.
  case ratio(Int, Int)
  case real(Double)

  /// The value as a double (for sorting and `having`).
  public var value: Double {
    switch self {
    case .ratio(let numerator, let denominator): Double(numerator) / Double(denominator)
    case .real(let value): value
    }
  }

  /// The value in tenths, rounded once, halves away from zero.
  ///
  /// Ratios are rounded in integer arithmetic so that 12.45 stays 12.45 and becomes 12.5;
  /// reals by `roundedHalfAway`, which takes a value a hair below a half as the half.
  public var tenths: Int {
    switch self {
    case .ratio(let numerator, let denominator):
      let scaled = numerator * 10
      let quotient = scaled / denominator
      let remainder = scaled % denominator
      // Round the magnitude half up, then restore the sign.
      if 2 * abs(remainder) >= abs(denominator) {
        return (scaled < 0) != (denominator < 0) ? quotient - 1 : quotient + 1
      }
      return quotient
    case .real(let value):
      return Self.roundedHalfAway(value * 10)
    }
  }

  /// `scaled` rounded to a whole number, halves away from zero. Real figures come from
  /// binary arithmetic on decimal answers (67.1 − 9.35 is 57.749999… in binary), so a value
  /// within 1024 units in the last place (about 2e-13 of its magnitude) below a half counts
  /// as that half: enough for the error of a few operations, far below any decimal digit.
  static func roundedHalfAway(_ scaled: Double) -> Int {
    let magnitude = abs(scaled)
    let whole = magnitude.rounded(.down)
    let tolerance = 1024 * max(1, magnitude).ulp
    let units = Int(whole) + (magnitude - whole >= 0.5 - tolerance ? 1 : 0)
    return scaled < 0 ? -units : units
  }

  /// The value at display precision (one decimal), e.g. "-35.9", "0.0", "100.0".
  public var displayText: String {
    let tenths = self.tenths
    let sign = tenths < 0 ? "-" : ""
    let magnitude = abs(tenths)
    return "\(sign)\(magnitude / 10).\(magnitude % 10)"
  }
}

/// One cell of a result.
public enum Cell: Sendable, Equatable {
  /// A group value or any text.
  case text(String)
  /// A count, such as `n`.
  case integer(Int)
  /// A metric value, shown to one decimal.
  case figure(Figure)
  /// A timestamp already formatted for display.
  case time(String)
  /// A figure that has no value (a group with n = 0): `n/a`, JSON null.
  case notApplicable
  /// A missing answer in a listed response: `(blank)` on a terminal, empty in CSV, JSON null.
  case blank
  case boolean(Bool)
}

/// What a column adds to another one, so that a terminal table can show them together.
public enum ColumnRole: Sendable, Equatable {
  /// A column of its own.
  case plain
  /// The lower or upper bound of the confidence interval of the figure in the column at
  /// this index.
  case lowerBound(of: Int)
  case upperBound(of: Int)
  /// Whether the figure in the column at this index rests on too few respondents.
  case lowN(of: Int)
  /// The target of the figure in the column at this index, whether the figure meets it
  /// (`✓` or `✗` after the figure), and an NPS figure's band; the table shows only the mark.
  case target(of: Int)
  case met(of: Int)
  case band(of: Int)
  /// Whether a target is met, shown as `✓ met` or `✗ missed` in a column of its own.
  case verdict
}

/// A column of a result: its name and how its cells line up.
public struct ResultColumn: Sendable, Equatable {
  public var name: String
  /// Numbers are right-aligned on a terminal.
  public var isNumeric: Bool
  /// Every format but the terminal table shows every column as it is; the table folds the
  /// columns that are not `.plain` into the figure they belong to.
  public var role: ColumnRole
  /// How many decimals CSV and JSON write a figure with; the terminal and Markdown show one.
  public var places: Int

  public init(name: String, isNumeric: Bool, role: ColumnRole = .plain, places: Int = 1) {
    self.name = name
    self.isNumeric = isNumeric
    self.role = role
    self.places = places
  }
}

/// What a query returns: named columns, rows of cells and the window it resolved to.
public struct ResultTable: Sendable, Equatable {
  public var columns: [ResultColumn]
  public var rows: [[Cell]]
  /// A line shown above the table on a terminal only, e.g. the resolved time window.
  public var caption: String?
  /// The confidence level of the intervals, in percent, for the terminal table's note.
  public var confidence: Int?
  /// The n under which a figure is flagged, for the terminal table's note.
  public var minimumN: Int?
  /// For a query's result: where its first metric and time bucket are, for sparklines and
  /// charts.
  public var series: SeriesLayout?
  /// Lines the terminal table shows under the row count, e.g. what its columns mean.
  public var notes: [String] = []

  public init(
    columns: [ResultColumn], rows: [[Cell]], caption: String? = nil, confidence: Int? = nil,
    minimumN: Int? = nil
  ) {
    self.columns = columns
    self.rows = rows
    self.caption = caption
    self.confidence = confidence
    self.minimumN = minimumN
  }
}
