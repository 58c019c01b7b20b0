/// One statement of a script or of an input line, with where it starts.
public struct ScriptStatement: Sendable, Equatable {
  public var text: String
  /// 1-based line of the statement's first character in its input.
  public var line: Int
  /// What stands before the statement on its first line (e.g. `count; ` or indentation), so
  /// that errors show the whole line and count columns from its start.
  public var prefix: String

  public init(text: String, line: Int, prefix: String = "") {
    self.text = text
    self.line = line
    self.prefix = prefix
  }

  public var isMetaCommand: Bool { text.hasPrefix(".") }
}

/// Splits script text into statements at newlines and `;`, outside quotes.
///
/// `#` and `--` start a comment to the end of the line. A line whose first non-blank
/// character is `.` is a meta-command and runs to the end of the line. A string or
/// back-quoted name may hold line breaks, and a statement goes on over a line break when the
/// line ends with a comma or the next line starts with a clause keyword (`by`, `where`, ...).
public enum ScriptSplitter {
  public static func split(_ text: String, firstLine: Int = 1) -> [ScriptStatement] {
    var scanner = Scanner(bytes: Array(text.utf8), line: firstLine)
    scanner.run()
    return scanner.statements
  }

  /// Whether the text ends outside any string or back-quoted name, so that no more lines are
  /// needed to finish its last statement.
  public static func isComplete(_ text: String) -> Bool {
    var scanner = Scanner(bytes: Array(text.utf8), line: 1)
    scanner.run()
    return scanner.quote == nil
  }

  /// Whether a line continues the statement before it: it starts with a word no statement
  /// can start with (a clause keyword such as `by`, `where`, `since`, `and`).
  public static func isContinuation(_ line: String) -> Bool {
    let word = line.drop { $0 == " " || $0 == "\t" }.prefix { $0.isLetter }
    guard let keyword = Keyword(word: word) else { return false }
    return keyword != .list && keyword != .true && keyword != .false
  }

  private struct Scanner {
    let bytes: [UInt8]
    var line: Int
    var statements: [ScriptStatement] = []
    /// The byte where the current statement starts, once it has a non-blank character.
    var start: Int?
    var startLine = 0
    var lineStart = 0
    var quote: UInt8?
    var inComment = false
    var isMeta = false
    var current: [UInt8] = []

    init(bytes: [UInt8], line: Int) {
      self.bytes = bytes
      self.line = line
    }

    mutating func finish() {
      var end = current.count
      while end > 0 && (current[end - 1] == 32 || current[end - 1] == 9) { end -= 1 }
      if let start, end > 0 {
        let prefixStart = min(lineStartOfStatement, start)
        let prefix = String(decoding: bytes[prefixStart..<start], as: UTF8.self)
        statements.append(
          ScriptStatement(
            text: String(decoding: current[..<end], as: UTF8.self), line: startLine,
            prefix: prefix))
      }
      current.removeAll(keepingCapacity: true)
      start = nil
      isMeta = false
    }

    /// Where the line holding the current statement's start begins.
    var lineStartOfStatement = 0

    /// Whether the statement so far goes on past the line break before `index`: it ends
    /// with a comma, or the next line starts with a clause keyword.
    func continues(at index: Int) -> Bool {
      if let last = current.last(where: { $0 != 32 && $0 != 9 }), last == UInt8(ascii: ",") {
        return true
      }
      var end = index
      while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
      return ScriptSplitter.isContinuation(String(decoding: bytes[index..<end], as: UTF8.self))
    }

    mutating func run() {
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "\n") {
          line += 1
          lineStart = index
          if quote != nil && !isMeta {
            current.append(byte)
            continue
          }
          quote = nil
          inComment = false
          if !isMeta && start != nil && continues(at: index) {
            current.append(32)
            continue
          }
          finish()
          continue
        }
        if inComment || byte == UInt8(ascii: "\r") { continue }
        if let open = quote {
          current.append(byte)
          if byte == UInt8(ascii: "\\") && open == UInt8(ascii: "\"") && index < bytes.count
            && bytes[index] != UInt8(ascii: "\n")
          {
            current.append(bytes[index])
            index += 1
          } else if byte == open {
            quote = nil
          }
          continue
        }
        if start == nil {
          if byte == 32 || byte == 9 { continue }
          if byte == UInt8(ascii: ";") { continue }
          if byte == UInt8(ascii: "#")
            || (byte == UInt8(ascii: "-") && index < bytes.count && bytes[index] == byte)
          {
            inComment = true
            continue
          }
          start = index - 1
          startLine = line
          lineStartOfStatement = lineStart
          isMeta = byte == UInt8(ascii: ".")
        }
        if isMeta {
          current.append(byte)
          continue
        }
        switch byte {
        case UInt8(ascii: "#"):
          inComment = true
        case UInt8(ascii: "-") where index < bytes.count && bytes[index] == byte:
          inComment = true
        case UInt8(ascii: ";"):
          finish()
        case UInt8(ascii: "\""), UInt8(ascii: "`"):
          quote = byte
          current.append(byte)
        default:
          current.append(byte)
        }
      }
      finish()
    }
  }
}
