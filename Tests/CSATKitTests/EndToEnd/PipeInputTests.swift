import Foundation
import Testing

/// Data and scripts that come through a pipe, which can be read only once.
@Suite("pipes")
struct PipeInputTests {
  /// Runs `command` with `/bin/sh`, where `$CSAT` is the built binary; stdout and status.
  private func shell(_ command: String) throws -> (stdout: String, stderr: String, status: Int32) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    process.environment = ["CSAT": EndToEnd.binary, "PATH": "/usr/bin:/bin"]
    process.currentDirectoryURL = URL(fileURLWithPath: EndToEnd.examples)
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let stdout = output.fileHandleForReading.readDataToEndOfFile()
    let stderr = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
      String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self),
      process.terminationStatus
    )
  }

  @Test func aScriptFromAPipeRuns() throws {
    // responses.csv holds 3,000 responses (3,001 lines with its header).
    let run = try shell("printf 'count\\n' | \"$CSAT\" responses.csv --format csv -f /dev/stdin")
    #expect(run.status == 0)
    #expect(run.stdout == "count\n3000\n")
  }

  @Test func csvFromAPipeKeepsItsWholeHeader() throws {
    // The first 16 bytes were once read to look for a snapshot, and lost.
    let run = try shell(
      "printf 'abcdefghijklmnopqrstuvwxyz,b\\n1,2\\n' "
        + "| \"$CSAT\" /dev/stdin --format csv -e 'list abcdefghijklmnopqrstuvwxyz, b'")
    #expect(run.status == 0)
    #expect(run.stdout == "abcdefghijklmnopqrstuvwxyz,b\n1,2\n")
  }

  @Test func aSnapshotThroughAPipeSaysWhatItIs() throws {
    let folder = TemporaryFolder()
    let snapshot = folder.path + "/saved.csatdb"
    _ = try shell("\"$CSAT\" responses.csv -e '.save \(snapshot)'")
    let run = try shell("cat '\(snapshot)' | \"$CSAT\" /dev/stdin -e count")
    #expect(run.status == 1)
    #expect(run.stderr.contains("this is a csat snapshot: open it on its own and as a file"))
  }
}
