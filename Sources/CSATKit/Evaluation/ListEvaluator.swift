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
    let columns = list.columns.map { catalog.dataset.columns[$0] }
    let rows = rowIndices.map { row in columns.map { cell($0, row: row) } }
    let resultColumns = columns.map { ResultColumn(name: $0.name, isNumeric: $0.type == .number) }
    return ResultTable(
      columns: resultColumns, rows: rows, caption: caption(list.window, repeats: list.repeats))
  }

  /// Rows in the order of the `order by` columns; missing values last in either direction,
  /// ties in row order.
  func sorted(_ rows: [Int], by order: [(column: Int, descending: Bool)]) -> [Int] {
    // One numeric key per row and order column: text sorts by its value's rank.
    let keys = order.map { item in sortKeys(catalog.dataset.columns[item.column], rows) }
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
      let order = (1..<text.dictionary.count).sorted { text.dictionary[$0] < text.dictionary[$1] }
      for (position, code) in order.enumerated() { rank[code] = Double(position) }
      return rows.map { rank[Int(text.codes[$0])] }
    case .number(let numbers):
      return rows.map { numbers.values[$0] }
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
      let value = numbers.values[row]
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
