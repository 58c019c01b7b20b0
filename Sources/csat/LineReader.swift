import CSATKit

/// What one request for a line gives.
enum LineReadResult: Equatable, Sendable {
  /// A line as typed, without its line break.
  case line(String)
  /// Ctrl-C: the line was dropped; prompt again.
  case interrupted
  /// Ctrl-D on an empty line, or the end of piped input.
  case endOfInput
}

/// Where the shell gets its lines: a line editor on a terminal, plain reads otherwise.
protocol LineReader {
  /// The next line, after showing `prompt` when the reader shows prompts.
  mutating func readLine(prompt: String) -> LineReadResult
  /// Remembers a statement that ran, for recall (and in the history file, when kept).
  mutating func addHistory(_ entry: String)
}

/// Reads lines from standard input when it is not a terminal: no prompt, no history.
///
/// CRLF line ends, a last line without a break and bytes that are not UTF-8 (read as
/// U+FFFD) are all handled by `LineSource`.
struct PlainLineReader: LineReader {
  private var source: LineSource

  init(fileDescriptor: Int32 = 0) {
    source = LineSource(fileDescriptor: fileDescriptor)
  }

  mutating func readLine(prompt: String) -> LineReadResult {
    switch source.next() {
    case .line(let line): .line(line)
    case .interrupted: .interrupted
    case .end: .endOfInput
    }
  }

  mutating func addHistory(_ entry: String) {}

  /// Whether the next line is there without waiting (see `LineSource.isInputReady`).
  func isInputReady() -> Bool {
    source.isInputReady()
  }
}
