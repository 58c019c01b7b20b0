/// One statement of a script or of an input line, with where it starts.
public struct ScriptStatement: Sendable, Equatable {
  public var text: String
  /// 1-based line of the statement's first character in its input.
  public var line: Int

  public init(text: String, line: Int) {
    self.text = text
    self.line = line
  }

  public var isMetaCommand: Bool { text.hasPrefix(".") }
}

/// Splits script text into statements at newlines and `;`, outside quotes.
///
/// `#` starts a comment to the end of the line. A line whose first non-blank character is `.`
/// is a meta-command and runs to the end of the line.
public enum ScriptSplitter {
  public static func split(_ text: String, firstLine: Int = 1) -> [ScriptStatement] {
    var statements: [ScriptStatement] = []
    var current: [UInt8] = []
    var line = firstLine
    var startLine = firstLine
    var quote: UInt8? = nil
    var inComment = false
    var isMeta = false
    let bytes = Array(text.utf8)
    var index = 0

    func finish() {
      let statement = String(decoding: current, as: UTF8.self)
        .trimmingBlanks()
      if !statement.isEmpty { statements.append(ScriptStatement(text: statement, line: startLine)) }
      current.removeAll(keepingCapacity: true)
      isMeta = false
    }

    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if byte == UInt8(ascii: "\n") {
        if quote != nil && !isMeta {
          current.append(byte)
          line += 1
          continue
        }
        quote = nil
        inComment = false
        finish()
        line += 1
        startLine = line
        continue
      }
      if inComment || byte == UInt8(ascii: "\r") { continue }
      if let open = quote {
        current.append(byte)
        if byte == UInt8(ascii: "\\") && open == UInt8(ascii: "\"") && index < bytes.count {
          current.append(bytes[index])
          index += 1
        } else if byte == open {
          quote = nil
        }
        continue
      }
      if current.allSatisfy({ $0 == 32 || $0 == 9 }) {
        if byte == UInt8(ascii: ".") { isMeta = true }
        if byte != 32 && byte != 9 { startLine = line }
      }
      switch byte {
      case UInt8(ascii: "#") where !isMeta:
        inComment = true
      case UInt8(ascii: ";") where !isMeta:
        finish()
      case UInt8(ascii: "\""), UInt8(ascii: "`"):
        quote = byte
        current.append(byte)
      default:
        current.append(byte)
      }
    }
    finish()
    return statements
  }
}

extension String {
  /// The string without leading and trailing spaces and tabs.
  func trimmingBlanks() -> String {
    var slice = Substring(self)
    while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
    while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
    return String(slice)
  }
}
