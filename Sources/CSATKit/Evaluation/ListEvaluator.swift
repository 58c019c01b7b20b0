// MARK: - list: the responses behind a number

extension Evaluator {
  /// Runs a `list` statement: the chosen fields of matching rows.
  public func run(_ list: BoundList) -> ResultTable {
    let selection = select(
      condition: list.condition, window: list.window, repeats: list.repeats)
    var rowIndices = selection.matchingRows()
    if !list.order.isEmpty {
      rowIndices = sorted(rowIndices, by: list.order)
    }
    if let limit = list.limit { rowIndices = Array(rowIndices.prefix(limit)) }
    let rows = rowIndices.map { row in list.fields.map { cell($0, row: row) } }
    let resultColumns = list.fields.map { field in
      switch field {
      case .column(let index):
        let column = catalog.dataset.columns[index]
        return ResultColumn(name: column.name, isNumeric: column.type == .number)
      case .age:
        return ResultColumn(name: "age", isNumeric: true)
      }
    }
    return ResultTable(
      columns: resultColumns, rows: rows, caption: caption(list.window, repeats: list.repeats))
  }

  /// A list field's value in a row.
  private func cell(_ field: BoundListField, row: Int) -> Cell {
    switch field {
    case .column(let index):
      return cell(catalog.dataset.columns[index], row: row)
    case .age(let timeColumn, let now):
      guard let days = Self.age(catalog.dataset.columns[timeColumn], row: row, now: now) else {
        return .blank
      }
      return .integer(days)
    }
  }

  /// The whole days from a row's time to `now`, rounded down; nil without a time.
  static func age(_ column: Column, row: Int, now: Int64) -> Int? {
    guard case .timestamp(let times) = column.data, times.values[row] != TimestampColumn.missing
    else { return nil }
    let day: Int64 = 86_400_000
    let elapsed = now - times.values[row]
    let days = elapsed >= 0 ? elapsed / day : -((-elapsed + day - 1) / day)
    return Int(days)
  }

  /// Rows in the order of the `order by` columns; missing values last in either direction,
  /// ties in row order.
  func sorted(_ rows: [Int], by order: [(field: BoundListField, descending: Bool)]) -> [Int] {
    // One numeric key per row and order column: text sorts by its value's rank.
    let keys = order.map { item in
      switch item.field {
      case .column(let index): sortKeys(catalog.dataset.columns[index], rows)
      case .age(let timeColumn, let now):
        rows.map { row in
          Self.age(catalog.dataset.columns[timeColumn], row: row, now: now).map(Double.init) ?? .nan
        }
      }
    }
    var positions = Array(rows.indices)
    positions.sort { left, right in
      for (index, item) in order.enumerated() {
        let a = keys[index][left]
        let b = keys[index][right]
        if a == b || (a.isNaN && b.isNaN) { continue }
        if a.isNaN { return false }
        if b.isNaN { return true }
        return item.descending ? a > b : a < b
      }
      return left < right
    }
    return positions.map { rows[$0] }
  }

  /// A number per row that sorts like the column's values; NaN for a missing value.
  private func sortKeys(_ column: Column, _ rows: [Int]) -> [Double] {
    switch column.data {
    case .text(let text):
      var rank = [Double](repeating: .nan, count: text.dictionary.count)
      for (position, code) in text.codesByValue().enumerated() { rank[code] = Double(position) }
      return text.codes.gather(rows, through: rank)
    case .number(let numbers):
      return rows.map { numbers[$0] }
    case .boolean(let booleans):
      return rows.map {
        booleans.values[$0] == BooleanColumn.missing ? .nan : Double(booleans.values[$0])
      }
    case .timestamp(let times):
      return rows.map {
        times.values[$0] == TimestampColumn.missing ? .nan : Double(times.values[$0])
      }
    }
  }

  /// One value of a column as a cell; timestamps in the report time zone.
  func cell(_ column: Column, row: Int) -> Cell {
    switch column.data {
    case .text(let text):
      let code = Int(text.codes[row])
      return code == 0 ? .blank : .text(text.dictionary[code])
    case .number(let numbers):
      let value = numbers[row]
      if value.isNaN { return .blank }
      return value == value.rounded() && abs(value) < 1e15
        ? .integer(Int(value)) : .figure(.real(value))
    case .boolean(let booleans):
      let value = booleans.values[row]
      return value == BooleanColumn.missing ? .blank : .boolean(value == 1)
    case .timestamp(let times):
      let value = times.values[row]
      return value == TimestampColumn.missing ? .blank : .time(isoTimeText(value))
    }
  }
}
