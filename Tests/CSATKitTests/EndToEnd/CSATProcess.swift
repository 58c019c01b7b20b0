import Foundation
import Testing

// MARK: - Running the built binary

/// What one run of the csat executable wrote, and how it ended.
struct RunResult: Sendable, Equatable {
  var stdout: String
  var stderr: String
  var status: Int32

  /// stderr with the loader's summary taken out and timings replaced by `<t>`, so that a test
  /// can compare the diagnostics exactly.
  ///
  /// The summary is `loaded … in 0.01 s`, `columns: …` and `responses from … (ZONE)`; only a
  /// summary with the `responses from` line (data with a time column) is recognised.
  var messages: String {
    let pattern =
      #"loaded [^\n]* in [0-9.]+ s\ncolumns: [^\n]*\n"#
      + #"responses from [0-9]{4}-[0-9]{2}-[0-9]{2} to [0-9]{4}-[0-9]{2}-[0-9]{2} \([^()\n]*\)\n"#
    return EndToEnd.replacing(pattern, in: stderr, with: "")
  }

  /// stdout without the interval and low-n columns (see `FigureColumns`).
  var figures: String { FigureColumns.removed(from: stdout) }

  /// stderr with the load time replaced by `<t>` (`in 0.01 s` → `in <t> s`).
  var stderrWithoutTimings: String {
    EndToEnd.replacing(#"(loaded [^\n]* in )[0-9]+\.[0-9]+( s)"#, in: stderr, with: "$1<t>$2")
  }
}

/// Where the package, its binary and its data are, and how to run the binary.
enum EndToEnd {
  /// The package root: the folder holding Tests/CSATKitTests/EndToEnd/ (this file's folder).
  static let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.path
  }()

  /// `$CSAT_BINARY`, else the debug build that `swift build --build-tests` leaves behind.
  static var binary: String {
    ProcessInfo.processInfo.environment["CSAT_BINARY"] ?? packageRoot + "/.build/debug/csat"
  }

  static var examples: String { packageRoot + "/examples" }

  /// Real survey exports with known answers, kept next to the worktrees (not in the repo).
  static var prepbench: String {
    URL(fileURLWithPath: packageRoot + "/../shared/data/prepbench").standardizedFileURL.path
  }

  /// The fixed "now" every test passes, so that windows do not move: a Monday, ISO 2026-W49.
  static let now = "2026-11-30T12:00"

  /// Runs csat with `arguments` in the working directory `directory`, stdin from `input` (or
  /// /dev/null).
  ///
  /// The environment is only `TZ=UTC`, `NO_COLOR=1`, `PATH`, and `HOME` and `XDG_STATE_HOME`
  /// in a private folder of this run, so no real history is read or written. stdout and
  /// stderr go to files in that folder (no pipe can fill up), which is removed afterwards.
  static func run(
    _ arguments: [String], in directory: String, input: String? = nil
  ) throws -> RunResult {
    try #require(
      FileManager.default.isExecutableFile(atPath: binary),
      "no csat binary at \(binary): run 'swift build --build-tests' first or set CSAT_BINARY")
    let capture = TemporaryFolder()
    defer { capture.remove() }

    capture.write("stdin", Array((input ?? "").utf8))
    capture.write("stdout", [])
    capture.write("stderr", [])
    let stdin = try #require(
      FileHandle(forReadingAtPath: input == nil ? "/dev/null" : capture.file("stdin")))
    let stdout = try #require(FileHandle(forWritingAtPath: capture.file("stdout")))
    let stderr = try #require(FileHandle(forWritingAtPath: capture.file("stderr")))
    defer {
      try? stdin.close()
      try? stdout.close()
      try? stderr.close()
    }

    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    process.environment = [
      "TZ": "UTC", "NO_COLOR": "1", "PATH": "/usr/bin:/bin", "HOME": capture.path,
      "XDG_STATE_HOME": capture.file("state"),
    ]
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    process.waitUntilExit()

    return RunResult(
      stdout: capture.read("stdout") ?? "", stderr: capture.read("stderr") ?? "",
      status: process.terminationStatus)
  }

  /// `text` with every match of a regular expression replaced by a template.
  static func replacing(_ pattern: String, in text: String, with template: String) -> String {
    guard let expression = try? NSRegularExpression(pattern: pattern) else { return text }
    let range = NSRange(text.startIndex..., in: text)
    return expression.stringByReplacingMatches(
      in: text, range: range, withTemplate: template)
  }
}

// MARK: - A scratch folder with files to run on

/// A temporary folder holding the files of one test; csat runs with it as working directory,
/// so messages name files as the test wrote them (`survey.csv:3: …`).
struct Scratch {
  let folder = TemporaryFolder()

  var path: String { folder.path }

  func write(_ name: String, _ text: String) {
    folder.write(name, Array(text.utf8))
  }

  /// Runs csat here; see `EndToEnd.run`.
  func run(_ arguments: String..., input: String? = nil) throws -> RunResult {
    try EndToEnd.run(arguments, in: path, input: input)
  }

  func run(arguments: [String], input: String? = nil) throws -> RunResult {
    try EndToEnd.run(arguments, in: path, input: input)
  }

  func remove() {
    folder.remove()
  }
}
