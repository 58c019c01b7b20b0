import Foundation
import Testing

@testable import CSATKit

/// `.set tz` after a load reads the CSV files again, as `--tz` would have.
@Suite struct TimeZoneSessionTests {
  /// Two wall-clock times without an offset and one instant (`Z`).
  static let csv = """
    id,responded_at,csat_score,backup_score
    1,2026-11-01 01:30:00,5,1
    2,2026-11-01 23:30:00,4,2
    3,2026-11-01T02:00:00Z,3,3

    """

  /// A session (CSV output) on the file; its results and messages.
  func session() throws -> (Session, Collected, Collected) {
    let folder = try temporaryDirectory()
    let path = folder.appendingPathComponent("tz.csv").path
    try Self.csv.write(toFile: path, atomically: true, encoding: .utf8)
    let output = Collected()
    let messages = Collected()
    let session = Session(
      format: .csv, sink: OutputSink(result: output.append, message: messages.append))
    #expect(session.load(paths: [path], quiet: true))
    return (session, output, messages)
  }

  @Test func timesWithoutAnOffsetMoveToTheNewZone() throws {
    let (session, output, messages) = try session()
    // In New York (UTC−4 on 2026-11-01 until 06:00 UTC, then UTC−5): 01:30 and 23:30 are
    // local times on 2026-11-01; 02:00Z is 2026-10-31 22:00 there. So 2 rows fall on the day.
    session.run(
      script: ".set tz America/New_York\ncount during 2026-11-01", inputName: "test")
    #expect(output.text == "count\n2\n")
    #expect(
      messages.text == "re-read the data in America/New_York: 2 times without an offset moved\n")
  }

  @Test func rolesSetAfterTheLoadAreKept() throws {
    let (session, _, _) = try session()
    session.run(script: ".set csat backup_score\n.set tz Asia/Tokyo", inputName: "test")
    let roles = session.catalog?.dataset.roles
    let backup = session.catalog?.dataset.columnIndex(named: "backup_score")
    #expect(roles?.csat == backup)
  }

  @Test func settingTheSameZoneReadsNothing() throws {
    let (session, _, messages) = try session()
    // Same zone again: nothing to read.
    session.run(script: ".set tz UTC", inputName: "test")
    #expect(messages.text.isEmpty)
  }
}

/// `.set date_format` after a load reads ambiguous slash dates again.
@Suite struct DateOrderSessionTests {
  @Test func ambiguousDatesAreReadAgain() throws {
    let folder = try temporaryDirectory()
    let path = folder.appendingPathComponent("dates.csv").path
    // Every field is at most 12: month/day by default (March 4, May 6), day/month after.
    try "responded_at,csat_score\n3/4/2026,5\n5/6/2026,4\n".write(
      toFile: path, atomically: true, encoding: .utf8)
    let output = Collected()
    let messages = Collected()
    let session = Session(
      format: .csv, sink: OutputSink(result: output.append, message: messages.append))
    #expect(session.load(paths: [path], quiet: true))
    session.run(
      script: "count during 2026-04-03\n.set date_format dmy\ncount during 2026-04-03",
      inputName: "test")
    #expect(output.text == "count\n0\ncount\n1\n")
    #expect(
      messages.text == "re-read the data with day/month dates: 2 ambiguous dates moved\n")
  }
}
