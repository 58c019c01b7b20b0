import Foundation
import Testing

@testable import CSATKit

/// Repeat answers on generated rows: rows in time order take the one-bit-per-customer scan,
/// the same rows in reverse order the general sweep; both must agree, and agree with counts
/// made here from the rows themselves.
@Suite struct RepeatsQueryTests {
  /// One response: its customer (0 for blank), rep, CSAT score (nil for blank) and time.
  struct Row {
    var customer: UInt32
    var rep: UInt32
    var score: Double?
    var time: Int64
  }

  /// 600 rows over 40 customers, times all different, spread over 60 days before now.
  static let rows: [Row] = {
    var generator = SplitMix64(state: 11)
    let day: Int64 = 86_400_000
    var times = Set<Int64>()
    while times.count < 600 {
      times.insert(Fixtures.now - Int64.random(in: 1..<(60 * day), using: &generator))
    }
    return times.sorted().map { time in
      let score = Int.random(in: 0...5, using: &generator)
      return Row(
        customer: UInt32.random(in: 0...40, using: &generator),
        rep: UInt32.random(in: 1...3, using: &generator),
        score: score == 0 ? nil : Double(score), time: time)
    }
  }()

  static func dataset(_ rows: [Row]) -> Dataset {
    let columns = [
      Column(
        name: "customer_id",
        data: .text(
          TextColumn(
            codes: rows.map(\.customer), dictionary: [""] + (1...40).map { "C\($0)" }))),
      Column(
        name: "rep",
        data: .text(TextColumn(codes: rows.map(\.rep), dictionary: ["", "Ann", "Bob", "Cy"]))),
      Column(
        name: "csat_score", data: .number(NumberColumn(values: rows.map { $0.score ?? .nan }))),
      Column(name: "responded_at", data: .timestamp(TimestampColumn(values: rows.map(\.time)))),
    ]
    return Dataset(
      columns: columns, rowCount: rows.count, roles: Roles(csat: 2, time: 3), sources: ["test"])
  }

  static func run(_ script: String, rows: [Row]) -> String {
    let output = Collected()
    let session = Session(
      settings: QuerySettings(now: .fixed(Fixtures.now)), format: .csv,
      sink: OutputSink(result: output.append, message: { _ in }))
    session.use(dataset(rows))
    session.run(script: script, inputName: "test")
    return output.text
  }

  @Test(arguments: ["first", "latest"])
  func bothScansAgree(mode: String) {
    let script = """
      .set repeats \(mode)
      csat, count by rep
      csat, count since 20d vs previous
      csat by rep vs rest
      list customer_id, csat_score order by customer_id, responded_at
      """
    let inOrder = Self.run(script, rows: Self.rows)
    let reversed = Self.run(script, rows: Self.rows.reversed())

    #expect(inOrder == reversed)
    #expect(inOrder.contains("rep,csat_n,csat"))
  }

  /// Enough rows to be split over the cores: the general sweep merges the chunks' winners.
  @Test(arguments: ["first", "latest"])
  func bothScansAgreeOverChunks(mode: String) {
    var generator = SplitMix64(state: 5)
    let rows = (0..<300_000).map { index in
      Row(
        customer: UInt32.random(in: 0...40, using: &generator),
        rep: UInt32.random(in: 1...3, using: &generator),
        score: Double(Int.random(in: 1...5, using: &generator)),
        time: Fixtures.now - Int64(300_000 - index) * 1000)
    }
    let script = ".set repeats \(mode)\ncsat, count by rep\ncount since 1d vs previous"
    let inOrder = Self.run(script, rows: rows)

    #expect(inOrder == Self.run(script, rows: rows.reversed()))
    #expect(inOrder.contains("count_previous"))
  }

  /// The rows that count, found here: per customer the row with the least (or greatest)
  /// time; every row with a blank customer.
  @Test(arguments: [false, true])
  func countsMatchTheRows(latest: Bool) {
    var chosen: [UInt32: Row] = [:]
    var blanks: [Row] = []
    for row in Self.rows {
      guard row.customer != 0 else {
        blanks.append(row)
        continue
      }
      if let held = chosen[row.customer], latest ? held.time > row.time : held.time < row.time {
        continue
      }
      chosen[row.customer] = row
    }
    let kept = Array(chosen.values) + blanks
    let answers = kept.compactMap(\.score)
    let satisfied = answers.filter { $0 >= 4 }.count
    let mode = latest ? "latest" : "first"
    let output = Self.run(".set repeats \(mode)\ncount\ncsat", rows: Self.rows.reversed())
    let figure = Figure.ratio(100 * satisfied, answers.count).displayText
    let csat = FigureColumns.removed(from: output).split(separator: "\n").last ?? ""

    #expect(output.hasPrefix("count\n\(kept.count)\n"))
    #expect(csat == "\(answers.count),\(figure)")
  }
}
