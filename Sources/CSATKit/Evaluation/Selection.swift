/// The rows a query reads: a contiguous range, and within it a mask of matching rows.
struct Selection {
  var range: Range<Int>
  /// One byte per row of `range`: 1 when the row matches; nil when every row matches.
  var mask: [UInt8]?

  /// Whether the row at `offset` within the range matches.
  @inline(__always)
  func contains(offset: Int) -> Bool {
    mask.map { $0[offset] != 0 } ?? true
  }
}

extension Evaluator {
  /// The rows inside `window` that meet `condition`.
  ///
  /// When the rows are in time order the window becomes a range by binary search; otherwise
  /// it is one more test in the mask.
  func select(condition: BoundCondition?, window: ResolvedWindow?) -> Selection {
    var range = 0..<catalog.dataset.rowCount
    var test = condition
    if let window, let time = catalog.dataset.roles.time {
      if catalog.timeIsSorted, case .timestamp(let times) = catalog.dataset.columns[time].data {
        range = Self.lowerIndex(times.values, window.lower)..<Self.lowerIndex(times.values, window.upper)
      } else {
        let inWindow = BoundCondition.timeRange(column: time, lower: window.lower, upper: window.upper)
        test = test.map { .and(inWindow, $0) } ?? inWindow
      }
    }
    guard let test else { return Selection(range: range, mask: nil) }
    return Selection(range: range, mask: mask(test, range))
  }

  /// The first index whose value is at least `value`, in ascending values.
  static func lowerIndex(_ values: [Int64], _ value: Int64) -> Int {
    var low = 0
    var high = values.count
    while low < high {
      let middle = (low + high) / 2
      if values[middle] < value { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// One byte per row of `range`: whether the row meets the condition.
  ///
  /// A test on a missing value is false; only `is missing` is true for it.
  func mask(_ condition: BoundCondition, _ range: Range<Int>) -> [UInt8] {
    let columns = catalog.dataset.columns
    var result = [UInt8](repeating: 0, count: range.count)
    let base = range.lowerBound
    switch condition {
    case .textCodes(let column, let accepted):
      guard case .text(let text) = columns[column].data else { return result }
      let table = accepted.map { UInt8($0 ? 1 : 0) }
      text.codes.withUnsafeBufferPointer { codes in
        for offset in 0..<range.count { result[offset] = table[Int(codes[base + offset])] }
      }
    case .numberCompare(let column, let op, let literal):
      if let scores = catalog.scores[column] {
        // Whole-number scores: one table lookup per row over the Int8 codes.
        let table = (0..<256).map { pattern -> UInt8 in
          let score = Int8(truncatingIfNeeded: pattern)
          if score == ScoreCodes.missing { return 0 }
          return Self.compare(Double(score), op, literal) ? 1 : 0
        }
        scores.values.withUnsafeBufferPointer { values in
          for offset in 0..<range.count {
            result[offset] = table[Int(UInt8(bitPattern: values[base + offset]))]
          }
        }
        return result
      }
      guard case .number(let numbers) = columns[column].data else { return result }
      numbers.values.withUnsafeBufferPointer { values in
        for offset in 0..<range.count {
          let value = values[base + offset]
          result[offset] = Self.compare(value, op, literal) ? 1 : 0
        }
      }
    case .numberIn(let column, let literals):
      guard case .number(let numbers) = columns[column].data else { return result }
      for offset in 0..<range.count where literals.contains(numbers.values[base + offset]) {
        result[offset] = 1
      }
    case .boolean(let column, let flag):
      guard case .boolean(let booleans) = columns[column].data else { return result }
      let wanted: UInt8 = flag ? 1 : 0
      for offset in 0..<range.count { result[offset] = booleans.values[base + offset] == wanted ? 1 : 0 }
    case .timeRange(let column, let lower, let upper):
      guard case .timestamp(let times) = columns[column].data else { return result }
      times.values.withUnsafeBufferPointer { values in
        for offset in 0..<range.count {
          let value = values[base + offset]
          result[offset] = value >= lower && value < upper && value != Int64.min ? 1 : 0
        }
      }
    case .missing(let column):
      for offset in 0..<range.count where columns[column].isMissing(base + offset) {
        result[offset] = 1
      }
    case .constant(let value):
      if value { result = [UInt8](repeating: 1, count: range.count) }
    case .not(let inner):
      result = mask(inner, range)
      for offset in 0..<range.count { result[offset] ^= 1 }
    case .and(let left, let right):
      result = mask(left, range)
      let other = mask(right, range)
      for offset in 0..<range.count { result[offset] &= other[offset] }
    case .or(let left, let right):
      result = mask(left, range)
      let other = mask(right, range)
      for offset in 0..<range.count { result[offset] |= other[offset] }
    }
    return result
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
