import Foundation
import Testing

/// A program that talks to csat through a pipe sends a statement and waits for its answer
/// before it sends the next one: csat must answer without waiting for more input.
@Suite struct PipeConversationTests {
  @Test func eachStatementIsAnsweredBeforeTheNextArrives() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: EndToEnd.binary)
    process.arguments = [EndToEnd.examples + "/responses.csv", "--format", "csv"]
    var environment = ProcessInfo.processInfo.environment
    environment["TZ"] = "UTC"
    process.environment = environment
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    defer { if process.isRunning { process.terminate() } }

    input.fileHandleForWriting.write(Data("count\n".utf8))
    // examples/responses.csv has 3,000 rows: the answer is the header and 3000.
    let answer = try readUntil("3000\n", from: output.fileHandleForReading, seconds: 20)
    #expect(answer == "count\n3000\n")

    input.fileHandleForWriting.write(Data("count where channel = \"chat\"\n".utf8))
    try input.fileHandleForWriting.close()
    let rest = try readUntil("\n", from: output.fileHandleForReading, seconds: 20, lines: 2)
    // 930 of the example responses came by chat (counted with Python's csv module).
    #expect(rest == "count\n930\n")
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
  }

  /// Reads until the text ends with `suffix` (after at least `lines` lines) or time runs out.
  private func readUntil(
    _ suffix: String, from handle: FileHandle, seconds: Double, lines: Int = 1
  ) throws -> String {
    let deadline = Date().addingTimeInterval(seconds)
    var text = ""
    while Date() < deadline {
      var ready = pollfd(fd: handle.fileDescriptor, events: Int16(POLLIN), revents: 0)
      guard poll(&ready, 1, 100) > 0 else { continue }
      let data = handle.availableData
      if data.isEmpty { break }
      text += String(decoding: data, as: UTF8.self)
      if text.hasSuffix(suffix) && text.split(separator: "\n").count >= lines { return text }
    }
    Issue.record("no answer within \(seconds) s; got \(text.debugDescription)")
    return text
  }
}
