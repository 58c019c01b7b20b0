import Foundation

@testable import CSATKit

/// A small hand-made dataset whose answers are worked out by hand in the tests.
///
/// | row | rep  | product    | csat | nps | responded_at (UTC) | followed_up |
/// |-----|------|------------|------|-----|--------------------|-------------|
/// | 0   |      | Gadget     | 4    | 10  | 2026-08-15 08:00   | false       |
/// | 1   | Zoë  | Widget Pro | 5    | 8   | 2026-09-01 08:00   | true        |
/// | 2   | Bob  | Gadget     | 1    |     | 2026-10-15 12:00   | false       |
/// | 3   | Bob  | Gadget     |      | 6   | 2026-10-31 23:59   | true        |
/// | 4   | Bob  | Widget Pro | 3    | 7   | 2026-11-01 00:00   | false       |
/// | 5   | Ann  | Gadget     | 2    | 3   | 2026-11-02 10:00   | false       |
/// | 6   | Ann  | Widget Pro | 4    | 9   | 2026-11-29 10:00   | false       |
/// | 7   | Ann  | Widget Pro | 5    | 10  | 2026-11-30 09:00   | true        |
enum Fixtures {
  static func instant(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int) -> Int64 {
    Int64(CalendarMath.dayNumber(CivilDate(year: year, month: month, day: day))) * 86_400_000
      + Int64(hour * 3600 + minute * 60) * 1000
  }

  /// 2026-11-30T12:00Z.
  static let now = instant(2026, 11, 30, 12, 0)

  static func responses(reversed: Bool = false) -> Dataset {
    var reps: [UInt32] = [0, 3, 2, 2, 2, 1, 1, 1]
    var products: [UInt32] = [1, 2, 1, 1, 2, 1, 2, 2]
    let nan = Double.nan
    var csat: [Double] = [4, 5, 1, nan, 3, 2, 4, 5]
    var nps: [Double] = [10, 8, nan, 6, 7, 3, 9, 10]
    var times: [Int64] = [
      instant(2026, 8, 15, 8, 0), instant(2026, 9, 1, 8, 0), instant(2026, 10, 15, 12, 0),
      instant(2026, 10, 31, 23, 59), instant(2026, 11, 1, 0, 0), instant(2026, 11, 2, 10, 0),
      instant(2026, 11, 29, 10, 0), instant(2026, 11, 30, 9, 0),
    ]
    var followed: [UInt8] = [0, 1, 0, 1, 0, 0, 0, 1]
    if reversed {
      reps.reverse()
      products.reverse()
      csat.reverse()
      nps.reverse()
      times.reverse()
      followed.reverse()
    }
    let columns = [
      Column(
        name: "rep", data: .text(TextColumn(codes: reps, dictionary: ["", "Ann", "Bob", "Zoë"]))),
      Column(
        name: "product",
        data: .text(TextColumn(codes: products, dictionary: ["", "Gadget", "Widget Pro"]))),
      Column(name: "csat_score", data: .number(NumberColumn(values: csat))),
      Column(name: "nps_score", data: .number(NumberColumn(values: nps))),
      Column(name: "responded_at", data: .timestamp(TimestampColumn(values: times))),
      Column(name: "followed_up", data: .boolean(BooleanColumn(values: followed))),
    ]
    return Dataset(
      columns: columns, rowCount: 8, roles: Roles(csat: 2, nps: 3, time: 4, followUp: 5),
      sources: ["fixture"])
  }

  /// Runs statements in a session on the fixture (or on `dataset`) with CSV output; returns
  /// stdout and stderr.
  static func run(
    _ script: String, reversed: Bool = false, format: OutputFormat = .csv,
    dataset: Dataset? = nil
  ) -> (output: String, messages: String, outcome: StatementOutcome) {
    let output = Collected()
    let messages = Collected()
    let session = Session(
      settings: QuerySettings(now: .fixed(now)), format: format,
      sink: OutputSink(result: output.append, message: messages.append))
    session.use(dataset ?? responses(reversed: reversed))
    let outcome = session.run(script: script, inputName: "test")
    return (output.text, messages.text, outcome)
  }
}

/// Text written by a session, collected for a test.
final class Collected: @unchecked Sendable {
  private let lock = NSLock()
  private var parts: [String] = []

  @Sendable func append(_ text: String) {
    lock.lock()
    parts.append(text)
    lock.unlock()
  }

  var text: String {
    lock.lock()
    defer { lock.unlock() }
    return parts.joined()
  }
}
