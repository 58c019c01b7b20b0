/// Tab completion of the word before the cursor, apart from any line editor.
///
/// The word is the run of characters before the cursor up to a space or one of
/// `,()=<>!"'`; after an unmatched back-quote, it is everything since that back-quote, so
/// `` `customer na `` completes to `` `customer name` ``. Candidates match case-insensitively
/// by prefix. A candidate that is not a plain name (letters, digits, `_`, a leading `.` or
/// `\`) is offered back-quoted.
package enum Completion {
  /// What pressing Tab does.
  package struct Outcome: Equatable, Sendable {
    /// How many Unicode scalars before the cursor to delete (the typed word).
    package var deleteCount: Int
    /// The text to insert in their place.
    package var insertion: String
    /// Candidates to list below the line when the choice is still open; empty otherwise.
    package var choices: [String]

    package init(deleteCount: Int, insertion: String, choices: [String] = []) {
      self.deleteCount = deleteCount
      self.insertion = insertion
      self.choices = choices
    }
  }

  /// Completes the word ending at the end of `textBeforeCursor`; nil when nothing matches.
  ///
  /// One match replaces the word and adds a space. Several matches replace the word with
  /// their longest common prefix when that is longer than the word; otherwise they are
  /// listed in `choices` and the line is left as it is.
  package static func complete(
    textBeforeCursor: String, candidates: [String]
  ) -> Outcome? {
    let word = currentWord(textBeforeCursor)
    let key = (word.hasPrefix("`") ? String(word.dropFirst()) : word).lowercased()
    var seen = Set<String>()
    let matches = candidates.filter { candidate in
      candidate.lowercased().hasPrefix(key) && seen.insert(candidate).inserted
    }
    .map(quoted)
    .sorted()
    guard let first = matches.first else { return nil }

    let deleteCount = word.unicodeScalars.count
    if matches.count == 1 {
      return Outcome(deleteCount: deleteCount, insertion: first + " ")
    }
    let prefix = matches.dropFirst().reduce(first) { commonPrefix($0, $1) }
    if prefix.count > word.count {
      return Outcome(deleteCount: deleteCount, insertion: prefix)
    }
    return Outcome(deleteCount: 0, insertion: "", choices: matches)
  }

  /// The word being typed at the end of `text`.
  static func currentWord(_ text: String) -> String {
    let backQuotes = text.filter { $0 == "`" }.count
    if backQuotes % 2 == 1, let open = text.lastIndex(of: "`") {
      return String(text[open...])
    }
    let separators: Set<Character> = [",", "(", ")", "=", "<", ">", "!", "\"", "'", "`"]
    let start = text.lastIndex { $0.isWhitespace || separators.contains($0) }
    return start.map { String(text[text.index(after: $0)...]) } ?? text
  }

  /// `name` as typed in a statement: back-quoted unless it is a plain name.
  static func quoted(_ name: String) -> String {
    let plain =
      !name.isEmpty
      && name.enumerated().allSatisfy { index, character in
        character.isLetter || character.isNumber || character == "_"
          || (index == 0 && (character == "." || character == "\\"))
      }
    return plain ? name : "`" + name + "`"
  }

  /// The longest common prefix, by character.
  private static func commonPrefix(_ a: String, _ b: String) -> String {
    String(zip(a, b).prefix { $0 == $1 }.map(\.0))
  }

  // MARK: - Listing

  /// Candidates laid out in columns that fit `width`, filled down then across, each line
  /// ending with a newline.
  package static func listing(_ choices: [String], width: Int) -> String {
    guard !choices.isEmpty else { return "" }

    let columnWidth = (choices.map(DisplayWidth.of).max() ?? 0) + 2
    let columns = max(1, (width + 2) / columnWidth)
    let rows = (choices.count + columns - 1) / columns
    var lines: [String] = []
    for row in 0..<rows {
      var line = ""
      for column in 0..<columns {
        let index = column * rows + row
        guard index < choices.count else { break }

        let isLast = column == columns - 1 || index + rows >= choices.count
        line += isLast ? choices[index] : DisplayWidth.pad(choices[index], toWidth: columnWidth)
      }
      lines.append(line)
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
