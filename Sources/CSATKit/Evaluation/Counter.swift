/// The counting loops behind `Accumulators`, run once per chunk of the selection.
///
/// Layout of one partial result: array 0 holds rows per slot; array k + 1 holds, for score
/// column k, `width + 1` counters per slot (counter 0 for a missing answer). Slots are the
/// groups plus one sink slot for rows the mask rejects.
struct Counter: @unchecked Sendable {
  let groups: GroupIndex
  let selection: Selection
  let scores: [(codes: ScoreCodes, range: ClosedRange<Int>)]
  /// Groups plus the sink.
  let slots: Int
  /// Per score column: the counter of each Int8 bit pattern (0 for missing).
  let tables: [[Int32]]

  init(groups: GroupIndex, selection: Selection, scores: [(ScoreCodes, ClosedRange<Int>)]) {
    self.groups = groups
    self.selection = selection
    self.scores = scores.map { (codes: $0.0, range: $0.1) }
    slots = groups.count + 1
    tables = scores.map { _, range in
      (0..<256).map { pattern -> Int32 in
        let score = Int(Int8(truncatingIfNeeded: pattern))
        return range.contains(score) ? Int32(score - range.lowerBound + 1) : 0
      }
    }
  }

  func empty() -> [[Int]] {
    [[Int](repeating: 0, count: slots)]
      + scores.map { [Int](repeating: 0, count: slots * ($0.range.count + 1)) }
  }

  /// Counts one chunk (offsets within the selection's range).
  func count(_ chunk: Range<Int>) -> [[Int]] {
    var result = empty()
    let base = selection.range.lowerBound
    if groups.dimensions.isEmpty && selection.mask == nil {
      // One group and every row: count score points straight from the codes.
      result[0][0] = chunk.count
      for (column, source) in scores.enumerated() {
        let stride = source.range.count + 1
        var points = [Int](repeating: 0, count: stride)
        tables[column].withUnsafeBufferPointer { table in
          source.codes.values.withUnsafeBufferPointer { values in
            for index in chunk {
              points[Int(table[Int(UInt8(bitPattern: values[base + index]))])] += 1
            }
          }
        }
        for point in 0..<stride { result[column + 1][point] = points[point] }
      }
      return result
    }
    withSlots(chunk) { slotOf in
      result[0].withUnsafeMutableBufferPointer { rows in
        for index in 0..<slotOf.count { rows[Int(slotOf[index])] += 1 }
      }
      for (column, source) in scores.enumerated() {
        let stride = source.range.count + 1
        tables[column].withUnsafeBufferPointer { table in
          source.codes.values.withUnsafeBufferPointer { values in
            result[column + 1].withUnsafeMutableBufferPointer { counts in
              for index in 0..<slotOf.count {
                let pattern = Int(UInt8(bitPattern: values[base + chunk.lowerBound + index]))
                counts[Int(slotOf[index]) * stride + Int(table[pattern])] += 1
              }
            }
          }
        }
      }
    }
    return result
  }

  /// Calls `body` with the slot of each row of the chunk: its group, or the sink.
  private func withSlots(_ chunk: Range<Int>, _ body: (UnsafeBufferPointer<Int32>) -> Void) {
    let sink = Int32(groups.count)
    var slotOf = [Int32](repeating: 0, count: chunk.count)
    slotOf.withUnsafeMutableBufferPointer { slots in
      groups.fill(slots, chunk: chunk)
      if let mask = selection.mask {
        mask.withUnsafeBufferPointer { mask in
          for index in 0..<chunk.count where mask[chunk.lowerBound + index] == 0 {
            slots[index] = sink
          }
        }
      }
    }
    slotOf.withUnsafeBufferPointer(body)
  }

  /// Rows per group (the sink dropped).
  func rowsPerGroup(_ total: [[Int]]) -> [Int] {
    Array(total[0].prefix(groups.count))
  }

  /// The histogram of score column `index` without the missing counter and the sink.
  func histogram(_ total: [[Int]], index: Int, range: ClosedRange<Int>)
    -> Accumulators.Histogram
  {
    let width = range.count
    var counts = [Int](repeating: 0, count: groups.count * width)
    for group in 0..<groups.count {
      for point in 0..<width {
        counts[group * width + point] = total[index + 1][group * (width + 1) + point + 1]
      }
    }
    return Accumulators.Histogram(low: range.lowerBound, width: width, counts: counts)
  }
}
