import Foundation

// MARK: - Meta-commands (`.help`, `.fields`, `.load`, ...)

extension Session {
  /// The meta-commands, for `.help` and completion.
  public static let metaCommands = [
    ".help", ".fields", ".values", ".load", ".save", ".format", ".set", ".target", ".read",
    ".timer", ".quit",
  ]

  func runMetaCommand(_ statement: ScriptStatement, inputName: String) -> StatementOutcome {
    let words = MetaArguments.split(statement.text)
    let command = words.first?.lowercased() ?? "."
    let arguments = Array(words.dropFirst())
    let fail = { (message: String, notes: [String]) -> StatementOutcome in
      self.report(.error(message, notes: notes), statement, inputName)
      return .failure
    }
    if Self.argumentFree.contains(command), let extra = arguments.first {
      report(
        .error(
          "'\(command)' takes no arguments, but got '\(extra)'",
          at: Self.range(of: extra, after: words[0], in: statement.text)), statement, inputName)
      return .failure
    }
    switch command {
    case ".help":
      sink.result(HelpText.text)
      return .success
    case ".quit", ".exit":
      return .quit
    case ".target", ".targets":
      return runTargetCommand(statement, inputName: inputName)
    case ".fields":
      guard let catalog else { return fail("no data is loaded", ["load a file with '.load FILE'"]) }
      let customer = Binder.customerColumn(catalog.dataset, named: settings.customerColumn)
      render(FieldsReport.fields(catalog, customer: customer))
      return .success
    case ".values":
      guard let catalog else { return fail("no data is loaded", ["load a file with '.load FILE'"]) }
      guard let name = arguments.first, arguments.count <= 2 else {
        return fail("'.values' takes a field name and, optionally, how many values to show", [])
      }
      let limit = arguments.count > 1 ? Int(arguments[1]) : 20
      guard let limit, limit >= 1 else {
        return fail(
          "'.values' needs a whole number of values of at least 1, not '\(arguments[1])'", [])
      }
      guard let column = catalog.dataset.columnIndex(named: name) else {
        let nearest = Suggestions.nearest(to: name, in: catalog.dataset.columns.map(\.name))
        return fail("no field named '\(name)'", nearest.map { "did you mean '\($0)'?" })
      }
      render(
        FieldsReport.values(
          catalog, column: column, limit: limit, timeZone: settings.timeZone))
      return .success
    case ".load":
      guard !arguments.isEmpty else { return fail("'.load' needs one or more file names", []) }
      return load(paths: arguments) ? .success : .failure
    case ".save":
      guard arguments.count == 1 else { return fail("'.save' needs one file name", []) }
      guard let catalog else { return fail("no data is loaded", ["load a file with '.load FILE'"]) }
      do {
        try Snapshot.write(catalog.dataset, to: arguments[0])
        let rows = LoadSummary.groupedDigits(catalog.dataset.rowCount)
        sink.message("saved \(rows) rows to \(arguments[0])\n")
        return .success
      } catch let error as DataError {
        return fail("\(error.file): \(error.message)", [])
      } catch {
        return fail("\(error)", [])
      }
    case ".read":
      guard arguments.count == 1 else { return fail("'.read' needs one file name", []) }
      return read(arguments[0], statement, inputName)
    case ".format", ".mode":
      guard arguments.count == 1, let chosen = OutputFormat(rawValue: arguments[0].lowercased())
      else {
        return fail(
          "'.format' takes one of: "
            + OutputFormat.allCases.map(\.rawValue).joined(separator: ", "), [])
      }
      format = chosen
      return .success
    case ".timer":
      guard arguments.count == 1, ["on", "off"].contains(arguments[0].lowercased()) else {
        return fail("'.timer' takes 'on' or 'off'", [])
      }
      timer = arguments[0].lowercased() == "on"
      return .success
    case ".set":
      do {
        try applySetting(arguments)
        return .success
      } catch let error as SettingError {
        return fail(error.message, error.notes)
      } catch {
        return fail("\(error)", [])
      }
    default:
      let nearest = Suggestions.nearest(to: command, in: Self.metaCommands, limit: 1)
      report(
        .error(
          "unknown command '\(command)'", notes: ["'.help' lists the commands"],
          suggestion: nearest.first), statement, inputName)
      return .failure
    }
  }

  /// Meta-commands that take no arguments.
  static let argumentFree: Set<String> = [".help", ".quit", ".exit", ".fields"]

  /// The byte range of `word` after the command word in a meta-command's text.
  static func range(of word: String, after command: String, in text: String) -> SourceRange? {
    guard let commandRange = text.range(of: command),
      let found = text.range(of: word, range: commandRange.upperBound..<text.endIndex)
    else { return nil }
    let start = text.utf8.distance(from: text.startIndex, to: found.lowerBound)
    return SourceRange(start, start + word.utf8.count)
  }

  func render(_ table: ResultTable) {
    sink.result(ResultRenderer.render(table, format: format, style: style))
  }

  /// `.read FILE`: runs a script file; its statements stop at the first error.
  private func read(_ path: String, _ statement: ScriptStatement, _ inputName: String)
    -> StatementOutcome
  {
    guard readDepth < 16 else {
      report(.error("'.read' is nested more than 16 deep"), statement, inputName)
      return .failure
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      report(.error("cannot read '\(path)': no such file or not readable"), statement, inputName)
      return .failure
    }
    readDepth += 1
    defer { readDepth -= 1 }
    let outcome = run(script: String(decoding: data, as: UTF8.self), inputName: path)
    return outcome == .quit ? .quit : outcome
  }
}

/// Splits a meta-command's words at blanks; double quotes keep a word with spaces together.
enum MetaArguments {
  /// The words of a meta-command. Spaces and tabs separate them; a word may hold spaces in
  /// double quotes (`"My Data.csv"`) or, as field names are written in queries, in
  /// back-quotes (`` `Customer Email` ``, where a doubled back-quote stands for one).
  static func split(_ text: String) -> [String] {
    var words: [String] = []
    var current = ""
    var quote: Character?
    var hasWord = false
    var characters = text[...]
    while let character = characters.popFirst() {
      if let open = quote {
        if character != open {
          current.append(character)
        } else if open == "`" && characters.first == "`" {
          characters.removeFirst()
          current.append("`")
        } else {
          quote = nil
        }
      } else if character == "\"" || character == "`" {
        quote = character
        hasWord = true
      } else if character == " " || character == "\t" {
        if hasWord { words.append(current) }
        current = ""
        hasWord = false
      } else {
        current.append(character)
        hasWord = true
      }
    }
    if hasWord { words.append(current) }
    return words
  }
}
