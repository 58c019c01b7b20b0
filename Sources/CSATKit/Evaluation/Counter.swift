/// The counting loops behind `Accumulators`, run once per chunk of the selection.
///
/// Layout of one partial result: `rows` per slot; for score column k, `width + 1` counters
/// per slot (counter 0 for a missing answer); for averaged column k, a sum and a count per
/// slot. Slots are the groups plus one sink slot for rows the condition rejects, so the
/// inner loops have no branch on the mask.
struct Counter: @unchecked Sendable {
  let groups: GroupIndex
  let selection: Selection
  let scores: [(codes: ScoreCodes, range: ClosedRange<Int>)]
  let averaged: [[Double]]
  /// Groups plus the sink.
  let slots: Int
  /// Per score column: the counter of each Int8 bit pattern (0 for missing).
  let tables: [[Int]]

  struct Partial {
    var rows: [Int]
    var histograms: [[Int]]
    var sums: [[Double]]
    var answers: [[Int]]
  }

  init(
    groups: GroupIndex, selection: Selection, scores: [(ScoreCodes, ClosedRange<Int>)],
    averaged: [[Double]]
  ) {
    self.groups = groups
    self.selection = selection
    self.scores = scores.map { (codes: $0.0, range: $0.1) }
    self.averaged = averaged
    slots = groups.count + 1
    tables = scores.map { _, range in
      (0..<256).map { pattern -> Int in
        let score = Int(Int8(truncatingIfNeeded: pattern))
        return range.contains(score) ? score - range.lowerBound + 1 : 0
      }
    }
  }

  func empty() -> Partial {
    Partial(
      rows: [Int](repeating: 0, count: slots),
      histograms: scores.map { [Int](repeating: 0, count: slots * ($0.range.count + 1)) },
      sums: averaged.map { _ in [Double](repeating: 0, count: slots) },
      answers: averaged.map { _ in [Int](repeating: 0, count: slots) })
  }

  /// Adds one chunk's counts to another's.
  static func merge(_ total: inout Partial, _ part: Partial) {
    for slot in total.rows.indices { total.rows[slot] += part.rows[slot] }
    for index in total.histograms.indices {
      for slot in total.histograms[index].indices {
        total.histograms[index][slot] += part.histograms[index][slot]
      }
    }
    for index in total.sums.indices {
      for slot in total.sums[index].indices {
        total.sums[index][slot] += part.sums[index][slot]
        total.answers[index][slot] += part.answers[index][slot]
      }
    }
  }

  /// Counts one chunk (offsets within the selection's range).
  func count(_ chunk: Range<Int>) -> Partial {
    var result = empty()
    if groups.dimensions.isEmpty && selection.condition == nil && averaged.isEmpty {
      countUngrouped(chunk, into: &result)
      return result
    }
    let base = selection.range.lowerBound
    let sink = Int32(groups.count)
    withUnsafeTemporaryAllocation(of: Int32.self, capacity: Selection.blockSize) { buffer in
      guard let slotOf = buffer.baseAddress else { return }
      selection.forEachBlock(chunk) { block, mask in
        groups.fill(UnsafeMutableBufferPointer(start: slotOf, count: block.count), chunk: block)
        if let mask {
          for index in 0..<block.count where mask[index] == 0 { slotOf[index] = sink }
        }
        result.rows.withUnsafeMutableBufferPointer { rows in
          for index in 0..<block.count { rows[Int(slotOf[index])] += 1 }
        }
        let first = base + block.lowerBound
        for (column, source) in scores.enumerated() {
          let stride = source.range.count + 1
          tables[column].withUnsafeBufferPointer { table in
            source.codes.values.withUnsafeBufferPointer { values in
              result.histograms[column].withUnsafeMutableBufferPointer { counts in
                for index in 0..<block.count {
                  let pattern = Int(UInt8(bitPattern: values[first + index]))
                  counts[Int(slotOf[index]) * stride + table[pattern]] += 1
                }
              }
            }
          }
        }
        for (column, source) in averaged.enumerated() {
          source.withUnsafeBufferPointer { values in
            for index in 0..<block.count {
              let value = values[first + index]
              if value.isNaN { continue }
              let slot = Int(slotOf[index])
              result.sums[column][slot] += value
              result.answers[column][slot] += 1
            }
          }
        }
      }
    }
    return result
  }

  /// One group, every row: byte histograms of the scores, four interleaved to keep the
  /// increments independent, folded through the score table at the end.
  private func countUngrouped(_ chunk: Range<Int>, into result: inout Partial) {
    result.rows[0] = chunk.count
    let first = selection.range.lowerBound + chunk.lowerBound
    for (column, source) in scores.enumerated() {
      var bytes = [Int](repeating: 0, count: 4 * 256)
      bytes.withUnsafeMutableBufferPointer { counts in
        source.codes.values.withUnsafeBufferPointer { values in
          var index = 0
          let count = chunk.count
          while index + 4 <= count {
            counts[Int(UInt8(bitPattern: values[first + index]))] += 1
            counts[256 + Int(UInt8(bitPattern: values[first + index + 1]))] += 1
            counts[512 + Int(UInt8(bitPattern: values[first + index + 2]))] += 1
            counts[768 + Int(UInt8(bitPattern: values[first + index + 3]))] += 1
            index += 4
          }
          while index < count {
            counts[Int(UInt8(bitPattern: values[first + index]))] += 1
            index += 1
          }
        }
      }
      for pattern in 0..<256 {
        let total = bytes[pattern] + bytes[256 + pattern] + bytes[512 + pattern]
          + bytes[768 + pattern]
        result.histograms[column][tables[column][pattern]] += total
      }
    }
  }
}
