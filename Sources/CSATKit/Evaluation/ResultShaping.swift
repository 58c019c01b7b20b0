// MARK: - Having, ranking and ordering of result rows

extension Evaluator {
  /// A cell as a number, for comparisons; nil for n/a, blanks and text.
  static func number(_ cell: Cell) -> Double? {
    switch cell {
    case .integer(let value): Double(value)
    case .figure(let figure): figure.value
    case .boolean(let value): value ? 1 : 0
    default: nil
    }
  }

  static func text(_ cell: Cell) -> String? {
    switch cell {
    case .text(let value), .time(let value): value
    case .boolean(let value): value ? "true" : "false"
    case .integer(let value): String(value)
    default: nil
    }
  }

  /// Whether a result row meets a `having` condition; n/a never does.
  static func holds(_ condition: BoundHaving, _ row: [Cell]) -> Bool {
    holds(condition) { row[$0] }
  }

  /// ``holds(_:_:)`` for a row whose cells `cell` gives by column, asked only for those the
  /// condition names.
  static func holds(_ condition: BoundHaving, _ cell: (Int) -> Cell) -> Bool {
    switch condition {
    case .compare(let column, let op, let literal):
      // Groups of a number field that holds no scores are labelled with the number's text.
      let value = cell(column)
      let parsed = text(value).flatMap { Double($0) }
      guard let number = number(value) ?? parsed else { return false }
      return compare(number, op, literal)
    case .textCompare(let column, let op, let literal):
      guard let value = text(cell(column)) else { return false }
      return Binder.holds(value, op, literal)
    case .not(let inner): return !holds(inner, cell)
    case .and(let left, let right): return holds(left, cell) && holds(right, cell)
    case .or(let left, let right): return holds(left, cell) || holds(right, cell)
    }
  }

  /// `top N` / `bottom N`: by the first metric, ties kept in group order, n/a last.
  ///
  /// Each row's number is read once, before the sort: a result may have millions of groups.
  static func ranked(_ rows: [[Cell]], by column: Int, top: Bool, groupingCount: Int) -> [[Cell]] {
    let keys = rows.map { number($0[column]) }
    return rankOrder(keys, top: top).map { rows[$0] }
  }

  /// The positions of `keys` in `top N` / `bottom N` order: by value, positions without one
  /// last, ties by position.
  static func rankOrder(_ keys: [Double?], top: Bool) -> [Int] {
    keys.indices.sorted { comesFirst(keys[$0], keys[$1], top: top) ?? ($0 < $1) }
  }

  /// Whether a row with `left` comes before one with `right` in `top N` / `bottom N` order
  /// (rows without a value last); nil on a tie, which their order breaks.
  @inline(__always)
  static func comesFirst(_ left: Double?, _ right: Double?, top: Bool) -> Bool? {
    switch (left, right) {
    case (nil, nil): return nil
    case (nil, _): return false
    case (_, nil): return true
    case (let a?, let b?): return a == b ? nil : (top ? a > b : a < b)
    }
  }

  /// The first `count` of the positions `0..<total` in the order `precedes` (a strict
  /// total order), in no particular order: a heap keeps the ones found so far, so that the
  /// top few of millions of groups cost one pass rather than a sort.
  static func first(_ count: Int, of total: Int, by precedes: (Int, Int) -> Bool) -> [Int] {
    guard count < total else { return Array(0..<total) }
    guard count > 0 else { return [] }
    // A heap whose root is the last in order of those kept.
    var heap: [Int] = []
    heap.reserveCapacity(count)
    func siftDown(_ start: Int) {
      var parent = start
      while true {
        var latest = parent
        for child in [2 * parent + 1, 2 * parent + 2]
        where child < heap.count && precedes(heap[latest], heap[child]) {
          latest = child
        }
        if latest == parent { return }
        heap.swapAt(parent, latest)
        parent = latest
      }
    }
    for position in 0..<total {
      if heap.count < count {
        heap.append(position)
        var child = heap.count - 1
        while child > 0, precedes(heap[(child - 1) / 2], heap[child]) {
          heap.swapAt(child, (child - 1) / 2)
          child = (child - 1) / 2
        }
      } else if precedes(position, heap[0]) {
        heap[0] = position
        siftDown(0)
      }
    }
    return heap
  }

  /// `order by`: a stable sort on the named result columns; n/a and blanks last. A grouping
  /// column sorts in its grouping's order (`ranks`: time buckets and number ranges in their
  /// order, numbers by value, text alphabetically), not by its labels' text.
  static func ordered(
    _ rows: [(cells: [Cell], ranks: [Int])], by order: [BoundOrder], columns: [BoundColumn]
  ) -> [[Cell]] {
    let indexed = rows.enumerated().map { (position: $0.offset, row: $0.element) }
    return indexed.sorted { left, right in
      for item in order {
        var comparison = compareCells(left.row.cells[item.column], right.row.cells[item.column])
        if abs(comparison) < 2, case .grouping(let index) = columns[item.column].content,
          index < left.row.ranks.count, index < right.row.ranks.count
        {
          let (a, b) = (left.row.ranks[index], right.row.ranks[index])
          comparison = a < b ? -1 : (a > b ? 1 : 0)
        }
        if comparison == 0 { continue }
        // Missing values stay last in both directions.
        if comparison == 2 { return false }
        if comparison == -2 { return true }
        return item.descending ? comparison > 0 : comparison < 0
      }
      return left.position < right.position
    }.map(\.row.cells)
  }

  /// −1, 0 or 1; 2 when only the left is missing, −2 when only the right is.
  static func compareCells(_ left: Cell, _ right: Cell) -> Int {
    let leftMissing = left == .notApplicable || left == .blank
    let rightMissing = right == .notApplicable || right == .blank
    if leftMissing || rightMissing {
      return leftMissing == rightMissing ? 0 : (leftMissing ? 2 : -2)
    }
    if let a = number(left), let b = number(right) { return a < b ? -1 : (a > b ? 1 : 0) }
    let a = text(left) ?? ""
    let b = text(right) ?? ""
    return a < b ? -1 : (a > b ? 1 : 0)
  }
}
