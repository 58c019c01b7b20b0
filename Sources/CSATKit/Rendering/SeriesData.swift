/// Where a query's first metric, its groupings and its time bucket sit among the columns of
/// its result, so that sparklines and charts can read the figures back.
public struct SeriesLayout: Sendable, Equatable {
  /// The grouping columns other than the time bucket.
  public var groupingColumns: [Int]
  /// The time bucket's column and unit (`month`), if the query groups by one.
  public var timeColumn: Int?
  public var unitName: String?
  /// The first metric's figure, n, low-n flag and target columns.
  public var valueColumn: Int
  public var nColumn: Int?
  public var lowNColumn: Int?
  public var targetColumn: Int?
  /// The first metric as written, and how many metrics the query has.
  public var metricName: String
  public var metricCount: Int

  public init(
    groupingColumns: [Int], timeColumn: Int?, unitName: String?, valueColumn: Int,
    nColumn: Int?, lowNColumn: Int?, targetColumn: Int?, metricName: String, metricCount: Int
  ) {
    self.groupingColumns = groupingColumns
    self.timeColumn = timeColumn
    self.unitName = unitName
    self.valueColumn = valueColumn
    self.nColumn = nColumn
    self.lowNColumn = lowNColumn
    self.targetColumn = targetColumn
    self.metricName = metricName
    self.metricCount = metricCount
  }
}

/// One figure of a series: in tenths (the precision shown), with its n and low-n flag.
struct SeriesPoint: Equatable {
  var tenths: Int?
  var n: Int?
  var lowN: Bool
}

/// The first metric of a result read back as series: one per group (the combination of the
/// groupings other than time), each a point per time bucket, or a single bucket without one.
///
/// Figures are kept in tenths, the precision the table shows, so that every length drawn
/// from them is integer arithmetic on the figures a reader sees.
struct SeriesData {
  /// Each group's label: its grouping values joined by ` · `, or the metric's name alone.
  var groups: [String]
  /// The names of the groupings other than time, for headers.
  var columnNames: [String]
  /// The time buckets in order (empty without a time grouping).
  var buckets: [String]
  /// `points[group][bucket]`; without buckets, one point per group.
  var points: [[SeriesPoint]]
  /// The target of the first metric in tenths, when one applies.
  var target: Int?
  /// Whether the figures are counts (`count`), shown without a decimal.
  var wholeNumbers: Bool
  var layout: SeriesLayout

  init(_ table: ResultTable, layout: SeriesLayout) {
    self.layout = layout
    columnNames = layout.groupingColumns.map { table.columns[$0].name }
    wholeNumbers = false
    for row in table.rows where layout.valueColumn < row.count {
      if case .integer = row[layout.valueColumn] { wholeNumbers = true }
    }
    let cell = { (row: [Cell], index: Int) in index < row.count ? row[index] : Cell.blank }
    let label = { (row: [Cell]) in
      layout.groupingColumns.isEmpty
        ? layout.metricName
        : layout.groupingColumns.map { CellText.singleLine(CellText.display(cell(row, $0))) }
          .joined(separator: " · ")
    }
    let point = { (row: [Cell]) in
      SeriesPoint(
        tenths: Self.tenths(cell(row, layout.valueColumn)),
        n: layout.nColumn.flatMap { if case .integer(let n) = cell(row, $0) { n } else { nil } },
        lowN: layout.lowNColumn.map { cell(row, $0) == .boolean(true) } ?? false)
    }
    target = layout.targetColumn.flatMap { column in
      table.rows.lazy.compactMap { Self.tenths(cell($0, column)) }.first
    }
    guard let time = layout.timeColumn else {
      groups = table.rows.map(label)
      buckets = []
      points = table.rows.map { [point($0)] }
      return
    }
    let timed = table.rows.filter { cell($0, time) != .blank }
    buckets = Set(timed.map { CellText.display(cell($0, time)) }).sorted()
    let bucketIndex = Dictionary(uniqueKeysWithValues: buckets.enumerated().map { ($1, $0) })
    var groupIndex: [String: Int] = [:]
    groups = []
    points = []
    let empty = SeriesPoint(tenths: nil, n: nil, lowN: false)
    for row in timed {
      let name = label(row)
      let group =
        groupIndex[name]
        ?? {
          groupIndex[name] = groups.count
          groups.append(name)
          points.append(Array(repeating: empty, count: buckets.count))
          return groups.count - 1
        }()
      if let bucket = bucketIndex[CellText.display(cell(row, time))] {
        points[group][bucket] = point(row)
      }
    }
  }

  /// A figure cell's value in tenths, or a count's times ten; nil for anything else.
  static func tenths(_ cell: Cell) -> Int? {
    switch cell {
    case .figure(let figure):
      return figure.isDisplayable ? figure.tenths : nil
    case .integer(let count):
      return abs(count) < Int.max / 20 ? count * 10 : nil
    default:
      return nil
    }
  }

  /// Tenths as shown: `81.2`, `-5.0`; a count as a whole number.
  func text(_ tenths: Int) -> String {
    wholeNumbers ? String(tenths / 10) : Figure.ratio(tenths, 10).displayText
  }

  /// The lowest and highest of every figure from bucket `start` on and the target; nil with
  /// no figure at all.
  func span(includingZero: Bool, from start: Int = 0) -> (low: Int, high: Int)? {
    var values = points.flatMap { $0.dropFirst(start).compactMap(\.tenths) }
    guard !values.isEmpty else { return nil }
    if let target { values.append(target) }
    if includingZero { values.append(0) }
    return (values.min() ?? 0, values.max() ?? 0)
  }

  /// `value`'s place on a scale of `steps` + 1 positions from `low` (0) to `high` (`steps`),
  /// rounded half up in integer arithmetic; the middle when `low` equals `high`.
  static func position(_ value: Int, low: Int, high: Int, steps: Int) -> Int {
    guard high > low else { return steps / 2 }
    return (2 * (value - low) * steps + (high - low)) / (2 * (high - low))
  }
}
