import CSATKit
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

// The csat executable: arguments, the shell loop and wiring; everything else is in CSATKit.

/// Writes to stderr.
func printError(_ text: String) {
  FileHandle.standardError.write(Data(text.utf8))
}

/// Runs csat with the process's arguments and environment; returns the exit status.
func runMain() -> Int32 {
  let environment = ProcessInfo.processInfo.environment
  let options: CommandLineOptions
  do {
    options = try CommandLineOptions.parse(Array(CommandLine.arguments.dropFirst()))
  } catch {
    printError("\(error)\n")
    return 2
  }
  if options.showHelp {
    print(CommandLineOptions.usage, terminator: "")
    return 0
  }
  if options.showVersion {
    print("csat \(csatVersion)")
    return 0
  }
  if let generate = options.generate {
    return runGenerator(rows: generate.rows, seed: generate.seed)
  }

  let terminal = TerminalFacts.current(environment: environment)
  let session: Session
  do {
    session = try makeSession(options, environment: environment, terminal: terminal)
  } catch {
    printError("csat: \(error)\n")
    return 2
  }
  // Every script is read before anything runs: a missing one stops the run before any output.
  guard let scripts = readScripts(options.actions) else { return 2 }
  if !options.files.isEmpty {
    // `-e` statements and `-f` scripts read only the columns they can need; the shell, and
    // a run with a meta-command, read them all.
    let texts = options.actions.map { action in
      switch action {
      case .statement(let text): text
      case .script(let path): scripts[path] ?? ""
      }
    }
    let columns = texts.isEmpty ? nil : session.projection(for: texts, paths: options.files)
    session.codesTextInBackground = options.actions.isEmpty && terminal.standardInputIsTerminal
    if !session.load(paths: options.files, columns: columns) { return 1 }
  }

  if !options.actions.isEmpty {
    return runActions(options.actions, scripts: scripts, session: session)
  }
  if terminal.standardInputIsTerminal {
    return runInteractive(session: session, terminal: terminal, environment: environment)
  }
  return runPiped(session: session)
}

let csatVersion = "0.1.0"

/// A session set up from the command line; throws on a bad `--tz` or `--now`.
func makeSession(
  _ options: CommandLineOptions, environment: [String: String], terminal: TerminalFacts
) throws -> Session {
  var settings = QuerySettings()
  if let name = options.timeZone {
    settings.timeZone = try Session.parseTimeZone(name)
  } else if let zone = QuerySettings.environmentTimeZone(environment) {
    settings.timeZone = zone
  } else {
    printError("csat: warning: unknown time zone TZ=\(environment["TZ"] ?? ""); using UTC\n")
  }
  if let now = options.now {
    settings.now = try Session.parseNow(now, timeZone: settings.timeZone)
  }
  var loadOptions = LoadOptions()
  loadOptions.csatColumn = options.csatColumn
  loadOptions.npsColumn = options.npsColumn
  loadOptions.timeColumn = options.timeColumn
  loadOptions.dateOrder = options.dateOrder
  loadOptions.strict = options.strict
  loadOptions.timeZone = settings.timeZone
  let session = Session(
    settings: settings, loadOptions: loadOptions, format: options.format ?? .table,
    style: terminal.standardOutputIsTerminal ? terminal.outputStyle : .plain)
  session.messageColour = terminal.errorColour
  session.showsLoadProgress = terminal.standardErrorIsTerminal
  return session
}

/// The text of every `-f` script by path; nil, after saying which, when one cannot be read.
func readScripts(_ actions: [CommandLineOptions.Action]) -> [String: String]? {
  var scripts: [String: String] = [:]
  for case .script(let path) in actions where scripts[path] == nil {
    // A file handle reads pipes too (`-f /dev/stdin`, `-f <(...)`).
    let handle = FileHandle(forReadingAtPath: path)
    defer { try? handle?.close() }
    guard let handle, let data = try? handle.readToEnd() ?? Data() else {
      printError("csat: cannot read script '\(path)': no such file or not readable\n")
      return nil
    }
    scripts[path] = String(decoding: data, as: UTF8.self)
  }
  return scripts
}

/// `-e` and `-f` in command-line order, the scripts read by ``readScripts(_:)``; stops at the
/// first error.
func runActions(
  _ actions: [CommandLineOptions.Action], scripts: [String: String], session: Session
) -> Int32 {
  for action in actions {
    let outcome: StatementOutcome
    switch action {
    case .statement(let text):
      outcome = session.run(script: text, inputName: "-e")
    case .script(let path):
      outcome = session.run(script: scripts[path] ?? "", inputName: path)
    }
    switch outcome {
    case .success: continue
    case .failure: return 1
    case .quit: return finalStatus(session)
    }
  }
  return finalStatus(session)
}

/// 3 when a `check` failed, else 0: the status of a run that met no error.
func finalStatus(_ session: Session) -> Int32 {
  session.failedChecks > 0 ? 3 : 0
}

/// Statements from a pipe or file on stdin: no prompt, banner or history.
func runPiped(session: Session) -> Int32 {
  var reader = PlainLineReader()
  var lineNumber = 0
  var pending = ""
  var pendingLine = 1
  // A statement runs once the next line shows it is complete: a string left open, a
  // trailing comma or a next line starting with a clause keyword carry it on. When no
  // next line is there yet, it runs at once, so a program talking to csat through a pipe
  // gets each answer before it sends the next statement.
  while true {
    if !pending.isEmpty && ScriptSplitter.isComplete(pending)
      && !pending.trimmingCharacters(in: .whitespaces).hasSuffix(",") && !reader.isInputReady()
    {
      let text = pending
      pending = ""
      switch session.run(script: text, inputName: "<stdin>", firstLine: pendingLine) {
      case .success: continue
      case .failure: return 1
      case .quit: return finalStatus(session)
      }
    }
    let result = reader.readLine(prompt: "")
    var next: String?
    if case .line(let line) = result {
      lineNumber += 1
      let carriesOn =
        !ScriptSplitter.isComplete(pending) || ScriptSplitter.isContinuation(line)
        || pending.trimmingCharacters(in: .whitespaces).hasSuffix(",")
      if pending.isEmpty || carriesOn {
        if pending.isEmpty { pendingLine = lineNumber }
        pending += pending.isEmpty ? line : "\n" + line
        continue
      }
      next = line
    } else if pending.isEmpty {
      return finalStatus(session)
    }
    let text = pending
    pending = next ?? ""
    let startLine = pendingLine
    pendingLine = lineNumber
    switch session.run(script: text, inputName: "<stdin>", firstLine: startLine) {
    case .success: continue
    case .failure: return 1
    case .quit: return finalStatus(session)
    }
  }
}

/// The interactive shell: libedit editing, history, Ctrl-C clears the line, Ctrl-D leaves.
func runInteractive(session: Session, terminal: TerminalFacts, environment: [String: String])
  -> Int32
{
  let history = History.defaultPath(environment: environment).map { History(path: $0) }
  guard let reader = EditLineReader(historyFile: history) else {
    printError("csat: cannot start the line editor; reading plain lines\n")
    return runPiped(session: session)
  }
  defer { reader.close() }
  session.interruptible = true
  session.codesTextInBackground = true
  reader.completionCandidates = { Completion.words(session, before: $0) }
  printError("csat \(csatVersion): type .help for the language and metrics, Ctrl-D to leave\n")
  while true {
    switch reader.readLine(prompt: "csat> ") {
    case .line(let line):
      if line.allSatisfy(\.isWhitespace) { continue }
      reader.addHistory(line)
      if session.run(script: line, inputName: "csat") == .quit { return 0 }
    case .interrupted:
      continue
    case .endOfInput:
      printError("\n")
      return 0
    }
  }
}

/// `csat generate`: generated responses as CSV on stdout.
func runGenerator(rows: Int, seed: UInt64) -> Int32 {
  do {
    let options = GeneratorOptions(rows: rows, seed: seed)
    try ResponseGenerator(options: options).write(toFileDescriptor: 1)
    return 0
  } catch {
    printError("csat: \(error)\n")
    return 1
  }
}

exit(runMain())
