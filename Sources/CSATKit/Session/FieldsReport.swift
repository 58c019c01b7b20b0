import Foundation

/// The tables behind `.fields` and `.values`.
enum FieldsReport {
  /// One row per column: name, type, role, distinct values and missing answers; `customer`
  /// is the column that names the customer for `.set repeats`.
  static func fields(_ catalog: Catalog, customer: Int? = nil) -> ResultTable {
    let dataset = catalog.dataset
    let rows = dataset.columns.enumerated().map { index, column -> [Cell] in
      let (distinct, missing) = counts(column)
      var role = roleName(index, dataset.roles)
      if role.isEmpty && index == customer { role = "customer" }
      if let scale = catalog.scale(ofColumn: index), role == "csat" || role == "nps" {
        role += " (\(scale.label))"
      }
      return [
        .text(column.name), .text(column.type.rawValue), .text(role),
        .integer(distinct), .integer(missing),
      ]
    }
    return ResultTable(
      columns: [
        ResultColumn(name: "field", isNumeric: false), ResultColumn(name: "type", isNumeric: false),
        ResultColumn(name: "role", isNumeric: false),
        ResultColumn(name: "distinct", isNumeric: true),
        ResultColumn(name: "missing", isNumeric: true),
      ], rows: rows)
  }

  static func roleName(_ index: Int, _ roles: Roles) -> String {
    if roles.csat == index { return "csat" }
    if roles.nps == index { return "nps" }
    if roles.time == index { return "time" }
    if roles.followUp == index { return "followup" }
    return ""
  }

  /// Distinct non-missing values and missing answers of a column.
  static func counts(_ column: Column) -> (distinct: Int, missing: Int) {
    switch column.data {
    case .text(let text):
      let counts = text.codes.histogram(entries: text.dictionary.count)
      return (counts.dropFirst().filter { $0 > 0 }.count, counts.first ?? 0)
    case .number(let numbers):
      let present = numbers.values.filter { !$0.isNaN }
      return (Set(present).count, numbers.count - present.count)
    case .boolean(let booleans):
      let missing = booleans.values.filter { $0 == BooleanColumn.missing }.count
      return (Set(booleans.values.filter { $0 != BooleanColumn.missing }).count, missing)
    case .timestamp(let times):
      let present = times.values.filter { $0 != TimestampColumn.missing }
      return (Set(present).count, times.values.count - present.count)
    }
  }

  /// The most frequent values of a column with their counts, blanks included.
  /// Times are shown in `timeZone`, the report time zone.
  static func values(_ catalog: Catalog, column index: Int, limit: Int, timeZone: TimeZone)
    -> ResultTable
  {
    let column = catalog.dataset.columns[index]
    var counted: [(cell: Cell, count: Int, order: Int)] = []
    switch column.data {
    case .text(let text):
      let counts = text.codes.histogram(entries: text.dictionary.count)
      for code in counts.indices where counts[code] > 0 {
        counted.append((code == 0 ? .blank : .text(text.dictionary[code]), counts[code], code))
      }
    default:
      var counts: [String: (cell: Cell, count: Int)] = [:]
      let span = catalog.timeRange ?? 0...0
      let zone = ZoneOffsets(timeZone: timeZone, from: span.lowerBound, to: span.upperBound)
      let evaluator = Evaluator(catalog: catalog, zone: zone)
      for row in 0..<catalog.dataset.rowCount {
        let cell = evaluator.cell(column, row: row)
        let key = Evaluator.text(cell) ?? "\(cell)"
        counts[key, default: (cell, 0)].count += 1
      }
      for (offset, entry) in counts.values.enumerated() {
        counted.append((entry.cell, entry.count, offset))
      }
    }
    counted.sort { left, right in
      if left.count != right.count { return left.count > right.count }
      return Evaluator.compareCells(left.cell, right.cell) < 0
    }
    let rows = counted.prefix(limit).map { [$0.cell, Cell.integer($0.count)] }
    let caption =
      counted.count > limit ? "\(limit) most frequent of \(counted.count) values" : nil
    return ResultTable(
      columns: [
        ResultColumn(name: column.name, isNumeric: column.type == .number),
        ResultColumn(name: "count", isNumeric: true),
      ], rows: rows, caption: caption)
  }
}
