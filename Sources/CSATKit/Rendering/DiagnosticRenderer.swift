/// Writes a diagnostic the way compilers do: location, message, the source line and a caret.
///
/// ```
/// weekly.csatq:3:19: error: expected 'by' or 'where' but found 'wher'
/// csat, nps by rep wher product = "X"
///                  ^~~~
/// did you mean 'where'?
/// ```
///
/// Lines and columns are 1-based; columns count display columns, so `é` takes one and a
/// CJK character two. A tab in the shown line is printed as one space and counts as one
/// column, so the caret stays under the span.
public enum DiagnosticRenderer {
  /// The diagnostic as text, ending with a newline.
  ///
  /// - Parameters:
  ///   - source: the text of the statement the diagnostic's byte offsets point into.
  ///   - inputName: where the statement came from: a file name, `<stdin>`, `-e` or `csat`.
  ///   - firstLine: the line of the statement's first line in its file. When it is nil,
  ///     a diagnostic without a range shows no line number, and one with a range counts
  ///     lines from 1.
  ///   - colour: whether to write ANSI colour escapes.
  public static func render(
    _ diagnostic: Diagnostic, source: String, inputName: String, firstLine: Int? = nil,
    colour: Bool
  ) -> String {
    let paint = Paint(enabled: colour)
    let label = paint.severity(diagnostic.severity)
    var lines: [String] = []

    if let range = diagnostic.range {
      let place = SourcePlace(source: source, range: range)
      let line = (firstLine ?? 1) + place.lineIndex
      lines.append("\(inputName):\(line):\(place.column): \(label) \(diagnostic.message)")
      lines.append(place.lineText)
      let caret = "^" + String(repeating: "~", count: max(0, place.spanWidth - 1))
      lines.append(String(repeating: " ", count: place.column - 1) + paint.caret(caret))
    } else if let firstLine {
      lines.append("\(inputName):\(firstLine): \(label) \(diagnostic.message)")
    } else {
      lines.append("\(inputName): \(label) \(diagnostic.message)")
    }

    for note in diagnostic.notes {
      lines.append("\(paint.severity(.note)) \(note)")
    }
    if let suggestion = diagnostic.suggestion {
      lines.append("did you mean '\(suggestion)'?")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// ANSI colour, or none.
  private struct Paint {
    var enabled: Bool

    func severity(_ severity: Diagnostic.Severity) -> String {
      let text = "\(severity.rawValue):"
      guard enabled else { return text }

      let code =
        switch severity {
        case .error: "1;31"
        case .warning: "1;35"
        case .note: "1;36"
        }
      return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    func caret(_ text: String) -> String {
      enabled ? "\u{1B}[1;32m\(text)\u{1B}[0m" : text
    }
  }
}

/// Where a byte range falls in its source: which line, which display column, how wide.
struct SourcePlace {
  /// How many line breaks come before the start (0 for the first line).
  var lineIndex = 0
  /// The 1-based display column of the start.
  var column = 1
  /// The display width of the span on its first line, at least 1.
  var spanWidth = 1
  /// The line holding the start, without its line break; tabs shown as spaces.
  var lineText = ""

  init(source: String, range: SourceRange) {
    let bytes = Array(source.utf8)
    let start = min(max(0, range.start), bytes.count)
    let end = min(max(start, range.end), bytes.count)

    var lineStart = 0
    for index in 0..<start where bytes[index] == 0x0A {
      lineIndex += 1
      lineStart = index + 1
    }
    var lineEnd = lineStart
    while lineEnd < bytes.count && bytes[lineEnd] != 0x0A {
      lineEnd += 1
    }
    if lineEnd > lineStart && bytes[lineEnd - 1] == 0x0D {
      lineEnd -= 1
    }

    // Walk the line's grapheme clusters with their byte offsets.
    let line = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
    var offset = lineStart
    var width = 0
    for character in line {
      let characterEnd = offset + character.utf8.count
      let characterWidth = character == "\t" ? 1 : DisplayWidth.of(character)
      if characterEnd <= start {
        column += characterWidth
      } else if offset < end {
        width += characterWidth
      }
      lineText.append(character == "\t" ? " " : character)
      offset = characterEnd
    }
    spanWidth = max(1, width)
  }
}
