/// The counting loops behind `Accumulators`, run once per chunk of the selection.
///
/// Layout of one partial result: `rows` per group; for score column k, `width + 1` counters
/// per group (counter 0 for a missing answer); for averaged column k, a sum and a count per
/// group.
struct Counter: @unchecked Sendable {
  let groups: GroupIndex
  let selection: Selection
  let scores: [(codes: ScoreCodes, range: ClosedRange<Int>)]
  let averaged: [NumberColumn]
  /// The number of groups.
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
    averaged: [NumberColumn]
  ) {
    self.groups = groups
    self.selection = selection
    self.scores = scores.map { (codes: $0.0, range: $0.1) }
    self.averaged = averaged
    slots = groups.count
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
  ///
  /// Per block: the matching rows' offsets (a selection vector, built without branches),
  /// the group of each of those rows, then one loop per accumulator over them. Small
  /// counter arrays are kept in four lanes, so that runs of rows in one group do not wait on
  /// each other's increments; the lanes are added up at the end.
  func count(_ chunk: Range<Int>) -> Partial {
    if groups.dimensions.isEmpty && selection.selectsEveryRow && averaged.isEmpty {
      var result = empty()
      countUngrouped(chunk, into: &result)
      return result
    }
    // The rows and histograms come from the lanes below: only the sums are made here.
    var result = Partial(
      rows: [], histograms: [], sums: averaged.map { _ in [Double](repeating: 0, count: slots) },
      answers: averaged.map { _ in [Int](repeating: 0, count: slots) })
    let base = selection.range.lowerBound
    let lanes = slots * scores.reduce(1) { max($0, $1.range.count + 1) } <= 16_384 ? 4 : 1
    var rowLanes = [Int](repeating: 0, count: slots * lanes)
    var histogramLanes = scores.map {
      [Int](repeating: 0, count: slots * ($0.range.count + 1) * lanes)
    }
    selection.forEachSelected(chunk, groups: groups) { block, chosen, slotOf, selected in
      rowLanes.withUnsafeMutableBufferPointer { rows in
        for position in 0..<selected {
          let lane = (position & (lanes - 1)) * slots
          rows[lane + Int(slotOf[position])] += 1
        }
      }
      let first = base + block.lowerBound
      for (column, source) in scores.enumerated() {
        let stride = source.range.count + 1
        let laneSize = slots * stride
        tables[column].withUnsafeBufferPointer { table in
          source.codes.values.withUnsafeBufferPointer { values in
            histogramLanes[column].withUnsafeMutableBufferPointer { counts in
              for position in 0..<selected {
                let index = Int(chosen[position])
                let pattern = Int(UInt8(bitPattern: values[first + index]))
                let lane = (position & (lanes - 1)) * laneSize
                counts[lane + Int(slotOf[position]) * stride + table[pattern]] += 1
              }
            }
          }
        }
      }
      for (column, source) in averaged.enumerated() {
        result.sums[column].withUnsafeMutableBufferPointer { sums in
          result.answers[column].withUnsafeMutableBufferPointer { answers in
            source.visit(
              AnswerSums(
                first: first, chosen: chosen, slotOf: slotOf, selected: selected, sums: sums,
                answers: answers))
          }
        }
      }
    }
    guard lanes > 1 else {
      // One lane holds the counts as they are: no copy of arrays as large as the groups.
      result.rows = rowLanes
      result.histograms = histogramLanes
      return result
    }
    result.rows = [Int](repeating: 0, count: slots)
    result.histograms = scores.map { [Int](repeating: 0, count: slots * ($0.range.count + 1)) }
    for lane in 0..<lanes {
      for slot in 0..<slots { result.rows[slot] += rowLanes[lane * slots + slot] }
      for column in scores.indices {
        let laneSize = result.histograms[column].count
        for slot in 0..<laneSize {
          result.histograms[column][slot] += histogramLanes[column][lane * laneSize + slot]
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
      let points = source.range.count
      source.codes.values.withUnsafeBufferPointer { values in
        guard let base = values.baseAddress else { return }
        let start = base + first
        if points <= 11 {
          // Few score points: count each point's bytes sixteen at a time.
          var present = 0
          for (offset, score) in source.range.enumerated() {
            let matches = Self.countBytes(equalTo: Int8(score), start, chunk.count)
            result.histograms[column][offset + 1] += matches
            present += matches
          }
          result.histograms[column][0] += chunk.count - present
        } else {
          var bytes = [Int](repeating: 0, count: 256)
          for index in 0..<chunk.count { bytes[Int(UInt8(bitPattern: start[index]))] += 1 }
          for pattern in 0..<256 {
            result.histograms[column][tables[column][pattern]] += bytes[pattern]
          }
        }
      }
    }
  }

  /// How many of `count` bytes at `start` equal `value`, compared sixteen lanes at a time.
  ///
  /// Each lane counts up to 255 matches in a byte before the lanes are added up.
  static func countBytes(equalTo value: Int8, _ start: UnsafePointer<Int8>, _ count: Int) -> Int {
    let wanted = SIMD16<Int8>(repeating: value)
    let one = SIMD16<UInt8>(repeating: 1)
    let zero = SIMD16<UInt8>(repeating: 0)
    let raw = UnsafeRawPointer(start)
    var total = 0
    var index = 0
    while index + 16 <= count {
      var lanes = zero
      let stop = min(count, index + 255 * 16)
      while index + 16 <= stop {
        let chunk = raw.loadUnaligned(fromByteOffset: index, as: SIMD16<Int8>.self)
        lanes &+= zero.replacing(with: one, where: chunk .== wanted)
        index += 16
      }
      for lane in 0..<16 { total += Int(lanes[lane]) }
    }
    while index < count {
      if start[index] == value { total += 1 }
      index += 1
    }
    return total
  }
}

/// Adds the selected rows' answers of one averaged column to their groups' sums and counts,
/// one loop per stored form of the numbers.
private struct AnswerSums: NumberVisitor {
  let first: Int
  let chosen: UnsafePointer<Int32>
  let slotOf: UnsafePointer<Int32>
  let selected: Int
  let sums: UnsafeMutableBufferPointer<Double>
  let answers: UnsafeMutableBufferPointer<Int>

  func visit<Value: StoredNumber>(_ values: UnsafeBufferPointer<Value>) {
    for position in 0..<selected {
      let value = values[first + Int(chosen[position])].number
      if value.isNaN { continue }
      let slot = Int(slotOf[position])
      sums[slot] += value
      answers[slot] += 1
    }
  }
}
