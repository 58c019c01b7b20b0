/// The rows a query reads: a contiguous range, and a condition the rows in it must meet.
struct Selection: @unchecked Sendable {
  var range: Range<Int>
  /// nil when every row of the range matches.
  var condition: ConditionKernel?
  /// Whether Ctrl-C (`InterruptFlag`) stops the work between blocks: only in the
  /// interactive shell, so that queries elsewhere never see a signal meant for someone else.
  var interruptible = false
  /// One byte per row of the range (1: selected), replacing the condition: the rows left
  /// after repeat answers are collapsed.
  var rowMask: [UInt8]?

  /// Rows are processed in blocks of this many, so masks and group numbers stay in cache.
  static let blockSize = 8192

  /// Calls `body` for each block of `chunk` (offsets within the range) with the block and,
  /// when there is a condition, its mask.
  func forEachBlock(
    _ chunk: Range<Int>, _ body: (Range<Int>, UnsafeMutablePointer<UInt8>?) -> Void
  ) {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.blockSize) { buffer in
      var start = chunk.lowerBound
      // Ctrl-C stops the work between blocks; the session then discards the result.
      while start < chunk.upperBound && !(interruptible && InterruptFlag.isRaised) {
        let block = start..<min(start + Self.blockSize, chunk.upperBound)
        if let rowMask, let mask = buffer.baseAddress {
          rowMask.withUnsafeBufferPointer { source in
            for index in 0..<block.count { mask[index] = source[block.lowerBound + index] }
          }
          body(block, mask)
        } else if let condition, let mask = buffer.baseAddress {
          let rows = range.lowerBound + block.lowerBound..<range.lowerBound + block.upperBound
          condition.evaluate(rows, into: mask)
          body(block, mask)
        } else {
          body(block, nil)
        }
        start = block.upperBound
      }
    }
  }

  /// Calls `body` for each block of `chunk` (offsets within the range) with the offsets in
  /// the block of its selected rows, the group of each, and how many there are.
  ///
  /// The offsets are found without branches (a selection vector), then the groups of those
  /// rows only.
  func forEachSelected(
    _ chunk: Range<Int>, groups: GroupIndex,
    _ body: (Range<Int>, UnsafePointer<Int32>, UnsafePointer<Int32>, Int) -> Void
  ) {
    withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * Self.blockSize) { buffer in
      guard let slotOf = buffer.baseAddress else { return }
      let chosen = slotOf + Self.blockSize
      forEachBlock(chunk) { block, mask in
        var selected = 0
        if let mask {
          for index in 0..<block.count {
            chosen[selected] = Int32(index)
            selected &+= Int(mask[index])
          }
          groups.fill(
            UnsafeMutableBufferPointer(start: slotOf, count: selected), chunk: block,
            chosen: chosen)
        } else {
          for index in 0..<block.count { chosen[index] = Int32(index) }
          selected = block.count
          groups.fill(UnsafeMutableBufferPointer(start: slotOf, count: selected), chunk: block)
        }
        body(block, chosen, slotOf, selected)
      }
    }
  }

  /// Whether every row of the range is selected.
  var selectsEveryRow: Bool { condition == nil && rowMask == nil }

  /// The matching rows (absolute row numbers), in order.
  func matchingRows() -> [Int] {
    var rows: [Int] = []
    forEachBlock(0..<range.count) { block, mask in
      for offset in block where mask.map({ $0[offset - block.lowerBound] != 0 }) ?? true {
        rows.append(range.lowerBound + offset)
      }
    }
    return rows
  }
}

extension Evaluator {
  /// The rows inside `window` that meet `condition`.
  ///
  /// When the rows are in time order the window becomes a range by binary search; otherwise
  /// it is one more test in the condition. With `repeats`, each customer then keeps one row.
  func select(
    condition: BoundCondition?, window: ResolvedWindow?, repeats: BoundRepeats? = nil
  ) -> Selection {
    var range = 0..<catalog.dataset.rowCount
    var test = condition
    if let window, let time = catalog.dataset.roles.time {
      if catalog.timeIsSorted, case .timestamp(let times) = catalog.dataset.columns[time].data {
        range =
          Self.lowerIndex(times.values, window.lower)..<Self.lowerIndex(times.values, window.upper)
      } else {
        let inWindow = BoundCondition.timeRange(
          column: time, lower: window.lower, upper: window.upper)
        test = test.map { .and(inWindow, $0) } ?? inWindow
      }
    }
    let selection = Selection(
      range: range, condition: test.map { ConditionKernel($0, catalog: catalog) },
      interruptible: interruptible)
    return collapsingRepeats(selection, repeats)
  }

  /// The first index whose value is at least `value`, in ascending values.
  static func lowerIndex(_ values: ColumnValues<Int64>, _ value: Int64) -> Int {
    var low = 0
    var high = values.count
    while low < high {
      let middle = (low + high) / 2
      if values[middle] < value { low = middle + 1 } else { high = middle }
    }
    return low
  }

  @inline(__always)
  static func compare(_ value: Double, _ op: ComparisonOperator, _ literal: Double) -> Bool {
    switch op {
    case .equal: value == literal
    case .notEqual: value != literal && !value.isNaN
    case .less: value < literal
    case .lessOrEqual: value <= literal
    case .greater: value > literal
    case .greaterOrEqual: value >= literal
    }
  }
}
