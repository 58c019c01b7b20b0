/// One `by` entry turned into a dense key per row: 0 ..< cardinality.
struct GroupDimension {
  /// Where each row's key comes from.
  enum Keys {
    /// A text column's codes, read in place: the key of offset i is `codes[base + i]`.
    case codes(TextCodes, base: Int)
    /// Keys computed for the selection's range.
    case computed([Int32])
    /// Calendar buckets of a time column, computed as rows are read.
    case timeBuckets(TimeBucketKeys)
  }

  var keys: Keys
  var cardinality: Int
  /// The cell shown for each key.
  var labels: [Cell]
  /// The position of each key in group order (time and numbers in natural order, text
  /// alphabetically, the blank group last).
  var ranks: [Int]
  /// For a time bucket: the keys of every bucket the result lists, empty ones included.
  var filledKeys: Range<Int>?
}

extension GroupDimension {
  /// The key of the row at `offset` in the selection's range.
  @inline(__always)
  func key(atOffset offset: Int) -> Int32 {
    switch keys {
    case .codes(let codes, let base): Int32(truncatingIfNeeded: codes[base + offset])
    case .computed(let keys): keys[offset]
    case .timeBuckets(let buckets): buckets.key(atOffset: offset)
    }
  }

  /// `slots[j] = slots[j] × cardinality + key` for each row: the rows of `chunk` in order,
  /// or the rows `chunk.lowerBound + chosen[j]`.
  func accumulate(
    into slots: UnsafeMutableBufferPointer<Int32>, chunk: Range<Int>,
    chosen: UnsafePointer<Int32>?
  ) {
    let size = Int32(cardinality)
    switch keys {
    case .codes(let codes, let base):
      codes.visit(
        CodeKeys(slots: slots, start: base + chunk.lowerBound, chosen: chosen, size: size))
    case .computed(let keys):
      keys.withUnsafeBufferPointer { keys in
        for index in 0..<slots.count {
          let offset = chosen.map { Int($0[index]) } ?? index
          slots[index] = slots[index] &* size &+ keys[chunk.lowerBound + offset]
        }
      }
    case .timeBuckets(let buckets):
      buckets.accumulate(into: slots, chunk: chunk, chosen: chosen, size: size)
    }
  }
}

/// `slots[j] = slots[j] × size + code` over a text column's codes, one loop per code width.
private struct CodeKeys: TextCodesVisitor {
  let slots: UnsafeMutableBufferPointer<Int32>
  let start: Int
  let chosen: UnsafePointer<Int32>?
  let size: Int32

  func visit<Code: FixedWidthInteger & UnsignedInteger>(_ codes: UnsafeBufferPointer<Code>) {
    if let chosen {
      for index in 0..<slots.count {
        let code = codes[start + Int(chosen[index])]
        slots[index] = slots[index] &* size &+ Int32(truncatingIfNeeded: code)
      }
    } else {
      for index in 0..<slots.count {
        slots[index] = slots[index] &* size &+ Int32(truncatingIfNeeded: codes[start + index])
      }
    }
  }
}

/// Key 0 for a missing value, else 1 + the number of boundaries at or below the value, for
/// each row of a range; one loop per stored form of the numbers.
private struct BucketKeys: NumberVisitor {
  let range: Range<Int>
  let bounds: [Double]

  func visit<Value: StoredNumber>(_ values: UnsafeBufferPointer<Value>) -> [Int32] {
    var keys = [Int32](repeating: 0, count: range.count)
    for offset in 0..<range.count {
      let value = values[range.lowerBound + offset].number
      if value.isNaN { continue }
      // The number of boundaries at or below the value, found by halving.
      var low = 0
      var high = bounds.count
      while low < high {
        let middle = (low + high) / 2
        if bounds[middle] <= value { low = middle + 1 } else { high = middle }
      }
      keys[offset] = Int32(low + 1)
    }
    return keys
  }
}

/// The values of a range of rows as doubles, NaN for missing ones.
private struct DoublesOfRange: NumberVisitor {
  let range: Range<Int>

  func visit<Value: StoredNumber>(_ values: UnsafeBufferPointer<Value>) -> [Double] {
    range.map { values[$0].number }
  }
}

extension Evaluator {
  /// - Parameter fillTime: whether a time bucket lists its empty buckets too (in query
  ///   results, up to `GroupIndex.fillLimit` rows).
  func dimension(
    _ grouping: BoundGrouping, window: ResolvedWindow?, range: Range<Int>, fillTime: Bool
  )
    -> GroupDimension
  {
    switch grouping {
    case .column(let column, _):
      return columnDimension(column, range: range)
    case .timeBucket(let unit, let column):
      return timeDimension(unit, column: column, window: window, range: range, fill: fillTime)
    case .numberBuckets(let column, let bounds, _):
      return bucketDimension(column, bounds: bounds, range: range)
    }
  }

  /// Key 0 for a blank answer; key k for the k-th range: below the first boundary, then
  /// from each boundary (included) to the next, then from the last one up. Every range is
  /// listed, empty ones too.
  private func bucketDimension(_ column: Int, bounds: [Double], range: Range<Int>)
    -> GroupDimension
  {
    var keys = [Int32](repeating: 0, count: range.count)
    if case .number(let numbers) = catalog.dataset.columns[column].data {
      keys = numbers.visit(BucketKeys(range: range, bounds: bounds))
    }
    let texts = bounds.map(Self.numberText)
    var labels: [Cell] = [.blank, .text("<" + (texts.first ?? ""))]
    for index in texts.indices.dropFirst() {
      labels.append(.text(texts[index - 1] + "–" + texts[index]))
    }
    labels.append(.text("≥" + (texts.last ?? "")))
    let count = bounds.count + 2
    return GroupDimension(
      keys: .computed(keys), cardinality: count, labels: labels,
      ranks: Self.ranks(from: Array(1..<count) + [0]), filledKeys: 1..<count)
  }

  private func columnDimension(_ column: Int, range: Range<Int>) -> GroupDimension {
    switch catalog.dataset.columns[column].data {
    case .text(let text):
      let keys = GroupDimension.Keys.codes(text.codes, base: range.lowerBound)
      let dictionary = text.dictionary
      let labels = dictionary.enumerated().map {
        $0.offset == 0 ? Cell.blank : .text($0.element)
      }
      let order = text.codesByValue() + [0]
      return GroupDimension(
        keys: keys, cardinality: dictionary.count, labels: labels,
        ranks: Self.ranks(from: order), filledKeys: nil)
    case .boolean(let booleans):
      let keys = GroupDimension.Keys.computed(booleans.values[range].map { Int32($0) })
      return GroupDimension(
        keys: keys, cardinality: 3, labels: [.boolean(false), .boolean(true), .blank],
        ranks: [0, 1, 2], filledKeys: nil)
    case .number(let numbers):
      if let scores = catalog.scores[column], let scoreRange = scores.range {
        // Key 0 is the blank group; key k is the score lowerBound + k − 1.
        let low = scoreRange.lowerBound
        let keys = GroupDimension.Keys.computed(
          scores.values[range].map {
            $0 == ScoreCodes.missing ? Int32(0) : Int32(Int($0) - low + 1)
          })
        let count = scoreRange.count + 1
        let labels = [Cell.blank] + scoreRange.map { Cell.integer($0) }
        return GroupDimension(
          keys: keys, cardinality: count, labels: labels,
          ranks: Self.ranks(from: Array(1..<count) + [0]), filledKeys: nil)
      }
      let values = numbers.visit(DoublesOfRange(range: range))
      let distinct = Array(Set(values.filter { !$0.isNaN })).sorted()
      var index: [Double: Int32] = [:]
      for (offset, value) in distinct.enumerated() { index[value] = Int32(offset + 1) }
      let keys = GroupDimension.Keys.computed(
        values.map { value -> Int32 in value.isNaN ? 0 : index[value] ?? 0 })
      let labels = [Cell.blank] + distinct.map { Cell.text(Self.numberText($0)) }
      return GroupDimension(
        keys: keys, cardinality: distinct.count + 1, labels: labels,
        ranks: Self.ranks(from: Array(1..<distinct.count + 1) + [0]), filledKeys: nil)
    case .timestamp:
      // The binder turns timestamp groupings into calendar buckets.
      return GroupDimension(
        keys: .computed([Int32](repeating: 0, count: range.count)), cardinality: 1,
        labels: [.blank],
        ranks: [0], filledKeys: nil)
    }
  }

  private func timeDimension(
    _ unit: CalendarUnit, column: Int, window: ResolvedWindow?, range: Range<Int>, fill: Bool
  ) -> GroupDimension {
    guard case .timestamp(let times) = catalog.dataset.columns[column].data else {
      return GroupDimension(
        keys: .computed([Int32](repeating: 0, count: range.count)), cardinality: 1,
        labels: [.blank], ranks: [0], filledKeys: nil)
    }
    let (firstDay, lastDay) = GroupDimension.bucketDays(
      window: window, timeRange: catalog.timeRange, today: now.map(zone.localDay), zone: zone)
    let firstOrdinal = TimeBucket.ordinal(unit, day: firstDay)
    let lastOrdinal =
      lastDay < firstDay ? firstOrdinal - 1 : TimeBucket.ordinal(unit, day: lastDay)
    let count = lastOrdinal - firstOrdinal + 2
    let keys = TimeBucketKeys(
      values: times.values, base: range.lowerBound, zone: zone, unit: unit,
      firstOrdinal: firstOrdinal, count: count)
    let labels =
      [Cell.blank]
      + (firstOrdinal...max(firstOrdinal, lastOrdinal)).prefix(count - 1).map {
        Cell.text(TimeBucket.label(unit, ordinal: $0))
      }
    return GroupDimension(
      keys: .timeBuckets(keys), cardinality: count, labels: labels,
      ranks: Self.ranks(from: Array(1..<count) + [0]), filledKeys: fill ? 1..<count : nil)
  }

  /// Ranks from keys listed in order.
  static func ranks(from order: [Int]) -> [Int] {
    var ranks = [Int](repeating: 0, count: order.count)
    for (rank, key) in order.enumerated() { ranks[key] = rank }
    return ranks
  }

  /// A number as text: whole numbers without a decimal point.
  static func numberText(_ value: Double) -> String {
    if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
  }
}
