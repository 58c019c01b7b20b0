/// The ways a result can be written out.
public enum OutputFormat: String, Sendable, CaseIterable {
  /// Aligned columns for a person at a terminal, with a caption and a row count.
  case table
  /// RFC 4180 comma-separated values with a header row, for spreadsheets and scripts.
  case csv
  /// A JSON array of objects keyed by column name, for programs.
  case json
  /// A GitHub-flavoured Markdown table, for reports.
  case markdown
}

/// How a result is drawn on a terminal: colour and the widest a text cell may grow.
public struct RenderStyle: Sendable, Equatable {
  /// Whether ANSI colour escapes may be written (dim rule, bold header).
  public var colour: Bool
  /// Text cells wider than this many display columns are cut with `…` (table format only).
  public var maxCellWidth: Int
  /// The terminal's width when results go to a terminal, nil for files and pipes: a table
  /// grouped by a time bucket then adds a sparkline per group, fitted to this width.
  public var terminalWidth: Int?

  public init(colour: Bool = false, maxCellWidth: Int = 40, terminalWidth: Int? = nil) {
    self.colour = colour
    self.maxCellWidth = maxCellWidth
    self.terminalWidth = terminalWidth
  }

  /// No colour, cells cut at 40 columns: for files, pipes and tests.
  public static let plain = RenderStyle()

  /// Whether colour may be used on a stream: only on a terminal, when `NO_COLOR` is unset
  /// or empty (see no-color.org) and `TERM` is not `dumb`.
  public static func allowsColour(isTerminal: Bool, environment: [String: String]) -> Bool {
    guard isTerminal else { return false }
    if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
    return environment["TERM"] != "dumb"
  }
}

/// Writes a result in any output format.
public enum ResultRenderer {
  /// The whole result as text in `format`, ending with a newline.
  ///
  /// The caption is shown by the table and Markdown formats only; `style` matters to the
  /// table format only.
  public static func render(
    _ table: ResultTable, format: OutputFormat, style: RenderStyle = .plain
  ) -> String {
    switch format {
    case .table: TableRenderer.render(table, style: style)
    case .csv: CSVRenderer.render(table)
    case .json: JSONRenderer.render(table)
    case .markdown: MarkdownRenderer.render(table)
    }
  }
}
