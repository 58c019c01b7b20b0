@testable import CSATKit

/// Small results over time and over segments, with the series layout a query would give
/// them, for the sparkline and chart tests. Every figure is a whole number of tenths, so the
/// arithmetic in the tests is exact.
enum TrendTables {
  /// `csat by rep, month` with a target of 80.0: Ann 90.0, n/a (n = 0), 70.0; Bob 50.0,
  /// 100.0, 80.0.
  static var byRepAndMonth: ResultTable {
    let columns = [
      ResultColumn(name: "rep", isNumeric: false),
      ResultColumn(name: "month", isNumeric: false),
      ResultColumn(name: "n", isNumeric: true),
      ResultColumn(name: "csat", isNumeric: true),
      ResultColumn(name: "low_n", isNumeric: false, role: .lowN(of: 3)),
      ResultColumn(name: "csat_target", isNumeric: true, role: .target(of: 3)),
    ]
    let row = { (rep: String, month: String, n: Int, csat: Cell) -> [Cell] in
      [.text(rep), .text(month), .integer(n), csat, .boolean(n < 30), .figure(.real(80))]
    }
    var table = ResultTable(
      columns: columns,
      rows: [
        row("Ann", "2026-09", 40, .figure(.real(90))),
        row("Ann", "2026-10", 0, .notApplicable),
        row("Ann", "2026-11", 35, .figure(.real(70))),
        row("Bob", "2026-09", 30, .figure(.real(50))),
        row("Bob", "2026-10", 31, .figure(.real(100))),
        row("Bob", "2026-11", 32, .figure(.real(80))),
      ], minimumN: 30)
    table.series = SeriesLayout(
      groupingColumns: [0], timeColumn: 1, unitName: "month", valueColumn: 3, nColumn: 2,
      lowNColumn: 4, targetColumn: 5, metricName: "csat", metricCount: 1)
    return table
  }

  /// `csat by rep` with a target of 80.0: Ann 90.0 (n 40), Bob 60.0 (n 12, too few), Cy n/a
  /// (n 0).
  static var byRep: ResultTable {
    let columns = [
      ResultColumn(name: "rep", isNumeric: false),
      ResultColumn(name: "n", isNumeric: true),
      ResultColumn(name: "csat", isNumeric: true),
      ResultColumn(name: "low_n", isNumeric: false, role: .lowN(of: 2)),
      ResultColumn(name: "csat_target", isNumeric: true, role: .target(of: 2)),
    ]
    var table = ResultTable(
      columns: columns,
      rows: [
        [.text("Ann"), .integer(40), .figure(.real(90)), .boolean(false), .figure(.real(80))],
        [.text("Bob"), .integer(12), .figure(.real(60)), .boolean(true), .figure(.real(80))],
        [.text("Cy"), .integer(0), .notApplicable, .boolean(true), .figure(.real(80))],
      ], caption: "since 90d", minimumN: 30)
    table.series = SeriesLayout(
      groupingColumns: [0], timeColumn: nil, unitName: nil, valueColumn: 2, nColumn: 1,
      lowNColumn: 3, targetColumn: 4, metricName: "csat", metricCount: 2)
    return table
  }

  /// `nps by channel` without n or target: chat −20.0, web 40.0.
  static var npsByChannel: ResultTable {
    var table = ResultTable(
      columns: [
        ResultColumn(name: "channel", isNumeric: false), ResultColumn(name: "nps", isNumeric: true),
      ],
      rows: [[.text("chat"), .figure(.real(-20))], [.text("web"), .figure(.real(40))]])
    table.series = SeriesLayout(
      groupingColumns: [0], timeColumn: nil, unitName: nil, valueColumn: 1, nColumn: nil,
      lowNColumn: nil, targetColumn: nil, metricName: "nps", metricCount: 1)
    return table
  }

  /// `nps by month` with a target of 50.0: 10.0 (n 40), n/a (n 0), 73.0 (n 12, too few).
  static var npsByMonth: ResultTable {
    let columns = [
      ResultColumn(name: "month", isNumeric: false),
      ResultColumn(name: "n", isNumeric: true),
      ResultColumn(name: "nps", isNumeric: true),
      ResultColumn(name: "low_n", isNumeric: false, role: .lowN(of: 2)),
      ResultColumn(name: "nps_target", isNumeric: true, role: .target(of: 2)),
    ]
    var table = ResultTable(
      columns: columns,
      rows: [
        [.text("2026-09"), .integer(40), .figure(.real(10)), .boolean(false), .figure(.real(50))],
        [.text("2026-10"), .integer(0), .notApplicable, .boolean(true), .figure(.real(50))],
        [.text("2026-11"), .integer(12), .figure(.real(73)), .boolean(true), .figure(.real(50))],
      ], minimumN: 30)
    table.series = SeriesLayout(
      groupingColumns: [], timeColumn: 0, unitName: "month", valueColumn: 2, nColumn: 1,
      lowNColumn: 3, targetColumn: 4, metricName: "nps", metricCount: 1)
    return table
  }
}
