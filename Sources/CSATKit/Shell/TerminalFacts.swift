#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the shell needs to know about where it runs: which streams are terminals, how
/// wide the terminal is and whether colour is wanted.
package struct TerminalFacts: Sendable, Equatable {
  package var standardInputIsTerminal: Bool
  package var standardOutputIsTerminal: Bool
  package var standardErrorIsTerminal: Bool
  /// Columns of the terminal on standard output (or error), else `COLUMNS`, else 80.
  package var width: Int
  /// Whether `NO_COLOR` is set to something (see no-color.org) or `TERM` is `dumb`.
  package var noColour: Bool

  package init(
    standardInputIsTerminal: Bool, standardOutputIsTerminal: Bool,
    standardErrorIsTerminal: Bool, width: Int, noColour: Bool
  ) {
    self.standardInputIsTerminal = standardInputIsTerminal
    self.standardOutputIsTerminal = standardOutputIsTerminal
    self.standardErrorIsTerminal = standardErrorIsTerminal
    self.width = width
    self.noColour = noColour
  }

  /// The facts for this process.
  package static func current(environment: [String: String]) -> TerminalFacts {
    let columns = windowColumns(STDOUT_FILENO) ?? windowColumns(STDERR_FILENO)
    return TerminalFacts(
      standardInputIsTerminal: isatty(STDIN_FILENO) == 1,
      standardOutputIsTerminal: isatty(STDOUT_FILENO) == 1,
      standardErrorIsTerminal: isatty(STDERR_FILENO) == 1,
      width: width(windowColumns: columns, environment: environment),
      noColour: !RenderStyle.allowsColour(isTerminal: true, environment: environment)
    )
  }

  /// The style for results on standard output.
  package var outputStyle: RenderStyle {
    RenderStyle(
      colour: standardOutputIsTerminal && !noColour,
      terminalWidth: standardOutputIsTerminal ? width : nil)
  }

  /// Whether diagnostics on standard error may be coloured.
  package var errorColour: Bool {
    standardErrorIsTerminal && !noColour
  }

  // MARK: - Width

  /// The width to use: the terminal's own, else a positive `COLUMNS`, else 80.
  package static func width(windowColumns: Int?, environment: [String: String]) -> Int {
    if let windowColumns, windowColumns > 0 {
      return windowColumns
    }
    if let text = environment["COLUMNS"], let columns = Int(text), columns > 0 {
      return columns
    }
    return 80
  }

  /// The column count the kernel reports for a terminal (`TIOCGWINSZ`), or nil.
  package static func windowColumns(_ descriptor: Int32) -> Int? {
    var size = winsize()
    guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }

    return Int(size.ws_col)
  }
}
