import Foundation

/// Where a session writes: results to one stream, everything else to the other.
public struct OutputSink: Sendable {
  public var result: @Sendable (String) -> Void
  public var message: @Sendable (String) -> Void

  public init(
    result: @escaping @Sendable (String) -> Void, message: @escaping @Sendable (String) -> Void
  ) {
    self.result = result
    self.message = message
  }

  /// stdout and stderr of the process.
  public static let standard = OutputSink(
    result: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
    message: { text in FileHandle.standardError.write(Data(text.utf8)) })
}

/// How a statement ended.
public enum StatementOutcome: Sendable, Equatable {
  case success
  /// A query, data or usage error was reported.
  case failure
  /// `.quit` was run: stop reading statements.
  case quit
}

/// The state of one csat shell: the loaded data, the settings, the output format.
///
/// Executes statements (queries and meta-commands) and writes their results and messages
/// to its sink. An error leaves the data and settings as they were.
public final class Session {
  public private(set) var catalog: Catalog?
  public var settings: QuerySettings
  public var loadOptions: LoadOptions
  public var format: OutputFormat
  public var timer = false
  /// Whether results go to a terminal (table style, colour).
  public var style: RenderStyle
  /// Whether messages may use colour.
  public var messageColour = false
  public let sink: OutputSink
  /// The clock, in ms since the epoch (replaceable for tests).
  public var clock: @Sendable () -> Int64 = {
    Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
  }
  /// When the data was read with only some columns: the files, to read in full on demand.
  var partialPaths: [String]?
  /// The CSV files behind the data, to read again when the time zone changes; nil for a
  /// snapshot or a dataset given with ``use(_:)``.
  var loadedPaths: [String]?
  /// Whether Ctrl-C stops a running query: set by the interactive shell only.
  public var interruptible = false
  /// Whether a load of over a second draws a progress bar on standard error: set only when
  /// standard error is a terminal, so that no pipe or file ever receives it.
  public var showsLoadProgress = false
  /// Whether text columns that a load keeps as bytes (``TextColumn``) are coded on a thread
  /// of their own right after it, so that the first query on them need not wait while the
  /// analyst types: set by the interactive shell only, since a script or a one-shot run
  /// would pay for columns it never reads.
  public var codesTextInBackground = false
  /// The most rows a `list` without `limit` shows as a terminal table.
  static let listDisplayLimit = 1000
  /// Nesting depth of `.read`, to stop a script that reads itself.
  var readDepth = 0
  /// How many `check` statements failed: a script, `-e` or piped run then exits with 3.
  public private(set) var failedChecks = 0

  public init(
    settings: QuerySettings = QuerySettings(), loadOptions: LoadOptions = LoadOptions(),
    format: OutputFormat = .table, style: RenderStyle = .plain, sink: OutputSink = .standard
  ) {
    self.settings = settings
    self.loadOptions = loadOptions
    self.format = format
    self.style = style
    self.sink = sink
  }

  // MARK: - Running statements

  /// Runs every statement of a script in order, stopping at the first error.
  ///
  /// Returns `.failure` when a statement failed and `.quit` when `.quit` was run.
  @discardableResult
  public func run(script text: String, inputName: String, firstLine: Int = 1) -> StatementOutcome {
    for statement in ScriptSplitter.split(text, firstLine: firstLine) {
      let outcome = execute(statement, inputName: inputName)
      if outcome != .success { return outcome }
    }
    return .success
  }

  /// Runs one statement: a meta-command or a query.
  public func execute(_ statement: ScriptStatement, inputName: String) -> StatementOutcome {
    let started = DispatchTime.now().uptimeNanoseconds
    let outcome: StatementOutcome
    if statement.isMetaCommand {
      outcome = runMetaCommand(statement, inputName: inputName)
    } else {
      outcome = runQuery(statement, inputName: inputName)
    }
    if timer && outcome != .quit && !statement.text.lowercased().hasPrefix(".timer") {
      let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
      sink.message("Run Time: real \(String(format: "%.6f", seconds))\n")
    }
    return outcome
  }

  /// Parses, binds and evaluates a query, then renders its result.
  func runQuery(_ statement: ScriptStatement, inputName: String) -> StatementOutcome {
    if interruptible { InterruptFlag.take() }
    defer { if interruptible { InterruptFlag.take() } }
    let interrupted = { self.interruptible && InterruptFlag.isRaised }
    do {
      let syntax = try Parser.parse(statement.text)
      guard let catalog else {
        report(
          .error("no data is loaded", notes: ["load a file with '.load FILE' or 'csat FILE'"]),
          statement, inputName)
        return .failure
      }
      var binder = Binder(
        catalog: catalog, settings: settings, source: statement.text, clock: clock())
      let bound: BoundStatement
      do {
        bound = try binder.bind(syntax)
      } catch let error as QueryError {
        // Read with only some columns: read them all and try once more.
        guard let paths = partialPaths else { throw error }
        partialPaths = nil
        guard load(paths: paths, quiet: true) else { return .failure }
        return runQuery(statement, inputName: inputName)
      }
      for warning in binder.warnings { report(warning, statement, inputName) }
      var evaluator = Evaluator(catalog: catalog, zone: binder.zoneOffsets)
      evaluator.interruptible = interruptible
      evaluator.now = binder.now
      var table: ResultTable
      var line: String?
      switch bound {
      case .query(let query):
        table = evaluator.run(query)
      case .list(let list):
        table = evaluator.run(list)
        // A terminal table of every response would scroll away: show the first ones and say so.
        if format == .table && list.limit == nil && table.rows.count > Self.listDisplayLimit {
          sink.message(
            "note: showing the first \(Self.listDisplayLimit) of \(table.rows.count) rows; "
              + "add 'limit N' or use '.format csv' for all\n")
          table.rows.removeLast(table.rows.count - Self.listDisplayLimit)
        }
      case .targets(let targets):
        table = evaluator.run(targets)
      case .explain(let explain):
        // CSV and JSON carry four decimals, so that effects add up closely to the exact ones.
        table = evaluator.run(explain, places: format == .csv || format == .json ? 4 : 1)
      case .check(let check):
        let result = evaluator.run(check)
        table = result.table
        // On a terminal a check is one line; other formats get it as a table.
        if format == .table { line = result.line + "\n" }
        if !result.holds && !interrupted() { failedChecks += 1 }
      case .chart(let query):
        table = evaluator.run(query)
        // Other formats are for programs and files: they get the figures as a table.
        if format == .table { line = ChartRenderer.render(table, width: style.terminalWidth ?? 80) }
      case .coverage(let coverage):
        table = evaluator.run(coverage)
      }
      if interrupted() {
        // The terminal echoed ^C where the cursor was: the message starts a line of its own.
        sink.message("\n")
        report(.error("interrupted; nothing was shown"), statement, inputName)
        return .failure
      }
      sink.result(line ?? ResultRenderer.render(table, format: format, style: style))
      return .success
    } catch let error as QueryError {
      for diagnostic in error.diagnostics { report(diagnostic, statement, inputName) }
      return .failure
    } catch {
      report(.error("\(error)"), statement, inputName)
      return .failure
    }
  }

  /// Writes a diagnostic about a statement to the message stream.
  func report(_ diagnostic: Diagnostic, _ statement: ScriptStatement, _ inputName: String) {
    // Ranges count from the statement's start; the line shown starts before it.
    var shifted = diagnostic
    let offset = statement.prefix.utf8.count
    shifted.range = diagnostic.range.map { SourceRange($0.start + offset, $0.end + offset) }
    sink.message(
      DiagnosticRenderer.render(
        shifted, source: statement.prefix + statement.text, inputName: inputName,
        firstLine: statement.line, colour: messageColour))
  }

  // MARK: - Data

  /// Loads files, replacing the current data only when every file loads.
  @discardableResult
  ///
  /// With `columns`, only those are read (one-shot runs); a statement that then cannot be
  /// bound makes the session read every column and try it again.
  public func load(paths: [String], columns: Set<String>? = nil, quiet: Bool = false) -> Bool {
    let distinct = Set(
      paths.map { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path })
    if distinct.count < paths.count {
      sink.message(
        "warning: a file is given more than once; its rows are loaded once per mention\n")
    }
    do {
      var options = loadOptions
      options.timeZone = settings.timeZone
      options.columns = columns
      if interruptible {
        // Ctrl-C stops the load and keeps the data there was.
        InterruptFlag.take()
        options.isCancelled = { InterruptFlag.isRaised }
      }
      defer { if interruptible { InterruptFlag.take() } }
      let started = DispatchTime.now().uptimeNanoseconds
      let result: LoadResult
      if let path = paths.first, paths.count == 1, Snapshot.isSnapshot(path: path) {
        var dataset = try Snapshot.read(path: path)
        dataset.sources = [path]
        if let name = options.csatColumn { try dataset.setRole(.csat, toColumnNamed: name) }
        if let name = options.npsColumn { try dataset.setRole(.nps, toColumnNamed: name) }
        if let name = options.timeColumn { try dataset.setRole(.time, toColumnNamed: name) }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        result = LoadResult(dataset: dataset, warnings: [], seconds: seconds)
      } else {
        result = try withLoadProgress(options) {
          try DatasetLoader.load(paths: paths, options: $0)
        }
      }
      if !quiet { for warning in result.warnings { sink.message(warning.description + "\n") } }
      let catalog = Catalog(dataset: result.dataset)
      self.catalog = catalog
      if codesTextInBackground { catalog.dataset.codeTextInBackground() }
      loadedPaths = paths.contains(where: Snapshot.isSnapshot(path:)) ? nil : paths
      partialPaths = columns == nil ? nil : paths
      if !quiet {
        let roles = catalog.dataset.roles
        warnStrays(columns: [roles.csat, roles.nps].compactMap { $0 })
      }

      if !quiet {
        let summary = LoadSummary.render(
          result, timeZone: settings.timeZone,
          scale: { catalog.scale(ofColumn: $0).map { $0.low...$0.high } })
        sink.message(summary + "\n")
      }
      return true
    } catch let error as LoadInterrupted {
      // The terminal echoed ^C where the cursor was: the message starts a line of its own.
      sink.message("\n\(error)\n")
      return false
    } catch {
      sink.message("\(error)\n")
      return false
    }
  }

  /// Warns about answers outside the scale of score columns (``ScaleFit``), which metrics
  /// leave out.
  func warnStrays(columns: [Int]) {
    guard let catalog else { return }
    for column in Set(columns).sorted() {
      guard let text = catalog.fits[column]?.warning(column: catalog.dataset.columns[column].name)
      else { continue }
      sink.message("warning: \(text)\n")
    }
  }

  /// Replaces the data with an already loaded dataset (for tests and generators).
  public func use(_ dataset: Dataset) {
    catalog = Catalog(dataset: dataset)
    loadedPaths = nil
  }

  /// Changes the roles of the loaded data.
  func updateRoles(_ change: (inout Roles) -> Void) {
    guard var catalog else { return }
    change(&catalog.dataset.roles)
    catalog.refreshTime()
    self.catalog = catalog
  }
}
