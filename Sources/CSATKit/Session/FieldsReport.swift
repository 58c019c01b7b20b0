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
      switch numbers.storage {
      case .small(let values): return DistinctCount.whole(values, missing: Int8.min)
      case .whole(let values): return DistinctCount.whole(values, missing: Int32.min)
      case .real(let values):
        let present = values.filter { !$0.isNaN }
        return (Set(present).count, values.count - present.count)
      }
    case .boolean(let booleans):
      return DistinctCount.whole(booleans.values, missing: BooleanColumn.missing)
    case .timestamp(let times):
      return DistinctCount.whole(times.values, missing: TimestampColumn.missing)
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
    // The blank is listed among the values but not counted as one, as in `.fields`.
    let distinct = counted.filter { $0.cell != .blank }.count
    let blanks = distinct < counted.count ? " (and blanks)" : ""
    let caption =
      counted.count > limit
      ? "\(limit) most frequent of \(LoadSummary.groupedDigits(distinct)) values\(blanks)" : nil
    return ResultTable(
      columns: [
        ResultColumn(name: column.name, isNumeric: column.type == .number),
        ResultColumn(name: "count", isNumeric: true),
      ], rows: rows, caption: caption)
  }
}

/// Counts the distinct values of a column of whole numbers (or instants) without hashing
/// each: a column of 10M timestamps took 2 s to count with a `Set`.
enum DistinctCount {
  /// The most values a bitmap over a column's range may cover (8 MB of bits).
  static let bitmapRange: Int64 = 1 << 26

  /// Distinct values other than `missing`, and how many are `missing`: counted as changes
  /// along the values when they are in order (as times often are), else marked in a bitmap
  /// when they span a small range, else counted as changes along a sorted copy.
  static func whole<Value: FixedWidthInteger>(_ values: ColumnValues<Value>, missing: Value) -> (
    distinct: Int, missing: Int
  ) {
    var low = Value.max
    var high = Value.min
    var absent = 0
    var ordered = true
    var changes = 0
    var previous: Value?
    for value in values {
      if value == missing {
        absent += 1
        continue
      }
      low = min(low, value)
      high = max(high, value)
      if let previous, value < previous { ordered = false }
      if value != previous { changes += 1 }
      previous = value
    }
    guard absent < values.count else { return (0, absent) }
    // In order, each value that differs from the one before is new.
    if ordered { return (changes, absent) }
    if Int64(high) - Int64(low) < bitmapRange {
      var seen = [UInt64](repeating: 0, count: Int((Int64(high) - Int64(low)) / 64) + 1)
      var distinct = 0
      for value in values where value != missing {
        let offset = Int(Int64(value) - Int64(low))
        let bit = UInt64(1) << UInt64(offset % 64)
        if seen[offset / 64] & bit == 0 {
          seen[offset / 64] |= bit
          distinct += 1
        }
      }
      return (distinct, absent)
    }
    let present = values.filter { $0 != missing }.sorted()
    var distinct = 1
    for index in present.indices.dropFirst() where present[index] != present[index - 1] {
      distinct += 1
    }
    return (distinct, absent)
  }
}
