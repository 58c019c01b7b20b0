// MARK: - list: the responses behind a number

extension Evaluator {
  /// Runs a `list` statement: the chosen fields of matching rows.
  public func run(_ list: BoundList) -> ResultTable {
    let selection = select(condition: list.condition, window: list.window)
    var rowIndices = selection.matchingRows()
    if !list.order.isEmpty {
      let columns = catalog.dataset.columns
      rowIndices.sort { left, right in
        for (column, descending) in list.order {
          let comparison = Self.compareCells(
            cell(columns[column], row: left), cell(columns[column], row: right))
          if comparison == 0 { continue }
          if comparison == 2 { return false }
          if comparison == -2 { return true }
          return descending ? comparison > 0 : comparison < 0
        }
        return left < right
      }
    }
    if let limit = list.limit { rowIndices = Array(rowIndices.prefix(limit)) }
    let columns = list.columns.map { catalog.dataset.columns[$0] }
    let rows = rowIndices.map { row in columns.map { cell($0, row: row) } }
    let resultColumns = columns.map { ResultColumn(name: $0.name, isNumeric: $0.type == .number) }
    return ResultTable(columns: resultColumns, rows: rows, caption: caption(list.window))
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
      return value == TimestampColumn.missing ? .blank : .time(localTimeText(value))
    }
  }
}
