/// A half-open range of UTF-8 byte offsets into the text of one statement.
public struct SourceRange: Sendable, Equatable, Hashable {
  public var start: Int
  public var end: Int

  public init(_ start: Int, _ end: Int) {
    self.start = start
    self.end = end
  }

  /// The smallest range covering both ranges.
  public func union(_ other: SourceRange) -> SourceRange {
    SourceRange(min(start, other.start), max(end, other.end))
  }
}

/// One message about a statement or a file: an error, a warning or a note.
public struct Diagnostic: Sendable, Equatable {
  public enum Severity: String, Sendable {
    case error, warning, note
  }

  public var severity: Severity
  /// Lower case, says what was wrong and what was expected.
  public var message: String
  /// Where in the statement text the problem lies, when it has a place.
  public var range: SourceRange?
  /// Extra lines shown after the caret.
  public var notes: [String]
  /// A replacement the user probably meant (for "did you mean").
  public var suggestion: String?

  public init(
    _ severity: Severity, _ message: String, range: SourceRange? = nil, notes: [String] = [],
    suggestion: String? = nil
  ) {
    self.severity = severity
    self.message = message
    self.range = range
    self.notes = notes
    self.suggestion = suggestion
  }

  public static func error(
    _ message: String, at range: SourceRange? = nil, notes: [String] = [],
    suggestion: String? = nil
  ) -> Diagnostic {
    Diagnostic(.error, message, range: range, notes: notes, suggestion: suggestion)
  }

  public static func warning(
    _ message: String, at range: SourceRange? = nil, notes: [String] = [],
    suggestion: String? = nil
  ) -> Diagnostic {
    Diagnostic(.warning, message, range: range, notes: notes, suggestion: suggestion)
  }
}

/// The error thrown by every stage that reads a statement: lexing, parsing, binding, evaluation.
public struct QueryError: Error, Sendable, Equatable {
  public var diagnostics: [Diagnostic]

  public init(_ diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics
  }

  public init(_ diagnostic: Diagnostic) {
    self.diagnostics = [diagnostic]
  }
}
