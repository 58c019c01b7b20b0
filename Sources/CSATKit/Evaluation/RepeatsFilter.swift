/// `.set repeats first|latest`: one response per customer among the selected rows.
extension Evaluator {
  /// The rows of `selection` left when each customer keeps only its earliest (or latest)
  /// response by the time column; a row with a blank customer stays, as a customer of its
  /// own. With `split`, rows at or after that instant and rows before it are collapsed
  /// apart (the two windows of `vs previous`).
  ///
  /// One pass over the selected rows (a chunk per core) keeps, per customer code, the row
  /// that wins so far and its time; no text is hashed. The chunks' winners are then merged
  /// in file order. Ties in time go to the earlier row in the file for `first` and to the
  /// later one for `latest`; a row without a time loses to any row with one.
  func collapsingRepeats(
    _ selection: Selection, _ repeats: BoundRepeats?, split: Int64? = nil
  ) -> Selection {
    guard let repeats, case .text(let customers) = catalog.dataset.columns[repeats.customer].data,
      case .timestamp(let times) = catalog.dataset.columns[repeats.time].data
    else { return selection }
    if catalog.timeIsSorted && repeats.time == catalog.dataset.roles.time {
      let keep = Self.keepingFirstSeen(
        selection, codes: customers.codes, customers: customers.dictionary.count,
        times: times.values, latest: repeats.keepLatest, split: split)
      return Selection(
        range: selection.range, condition: nil, interruptible: selection.interruptible,
        rowMask: keep)
    }
    let sweep = RepeatsSweep(
      codes: customers.codes, times: times.values, latest: repeats.keepLatest,
      customers: customers.dictionary.count, split: split, selection: selection)
    let parts = Parallel.map(rows: selection.range.count, sweep.run)
    var keep = [UInt8](repeating: 0, count: selection.range.count)
    for part in parts {
      for offset in part.blank { keep[offset] = 1 }
    }
    // Chunks in file order: a later chunk's winner replaces an earlier one's only when it
    // wins outright (first) or ties or wins (latest), as rows do within a chunk.
    var winner = parts.first?.best ?? []
    var winnerTime = parts.first?.time ?? []
    for part in parts.dropFirst() {
      for slot in part.best.indices where part.best[slot] >= 0 {
        if winner[slot] < 0 || sweep.replaces(part.time[slot], winnerTime[slot]) {
          winner[slot] = part.best[slot]
          winnerTime[slot] = part.time[slot]
        }
      }
    }
    for offset in winner where offset >= 0 { keep[Int(offset)] = 1 }
    return Selection(
      range: selection.range, condition: nil, interruptible: selection.interruptible,
      rowMask: keep)
  }

  /// With rows in time order (no time missing), a customer's earliest response is the first
  /// of its selected rows in the file and its latest the last one, ties included: one bit
  /// per customer says whether it was seen, scanning forward for `first` and backward for
  /// `latest`.
  private static func keepingFirstSeen(
    _ selection: Selection, codes: TextCodes, customers: Int, times: ColumnValues<Int64>,
    latest: Bool,
    split: Int64?
  ) -> [UInt8] {
    var keep = [UInt8](repeating: 0, count: selection.range.count)
    keep.withUnsafeMutableBufferPointer { keep in
      selection.forEachBlock(0..<selection.range.count) { block, mask in
        for index in 0..<block.count {
          keep[block.lowerBound + index] = mask.map { $0[index] } ?? 1
        }
      }
    }
    var seen = [UInt64](repeating: 0, count: ((split == nil ? 1 : 2) * customers + 63) / 64)
    let base = selection.range.lowerBound
    let count = selection.range.count
    let order = latest ? stride(from: count - 1, to: -1, by: -1) : stride(from: 0, to: count, by: 1)
    keep.withUnsafeMutableBufferPointer { keep in
      seen.withUnsafeMutableBufferPointer { seen in
        codes.visit(
          FirstSeenPass(
            keep: keep, seen: seen, order: order, base: base, customers: customers,
            times: times, split: split))
      }
    }
    return keep
  }

  /// A result's caption with the repeats note after it.
  func caption(_ window: ResolvedWindow?, repeats: BoundRepeats?) -> String? {
    let text = caption(window)
    guard let repeats else { return text }
    return text.map { $0 + "; " + repeats.note } ?? repeats.note
  }
}

/// One chunk's pass of `collapsingRepeats`.
private struct RepeatsSweep: @unchecked Sendable {
  let codes: TextCodes
  let times: ColumnValues<Int64>
  let latest: Bool
  let customers: Int
  let split: Int64?
  let selection: Selection

  /// Per customer (and window, with a split): the winning row's offset (−1 for none) and its
  /// time; and the offsets of selected rows with a blank customer.
  struct Part {
    var best: [Int32]
    var time: [Int64]
    var blank: [Int]
  }

  /// A time as compared: a missing one sorts after every time for `first` and before every
  /// time for `latest`, so it loses to any row with a time.
  private var absent: Int64 { latest ? Int64.min : Int64.max }

  /// Whether a row at `time` replaces the winner at `held`, the row coming later in the file.
  func replaces(_ time: Int64, _ held: Int64) -> Bool {
    latest ? time >= held : time < held
  }

  func run(_ chunk: Range<Int>) -> Part {
    codes.visit(Pass(sweep: self, chunk: chunk))
  }

  /// ``run(_:)`` at the width of the customer codes.
  private struct Pass: TextCodesVisitor {
    let sweep: RepeatsSweep
    let chunk: Range<Int>

    func visit<Code: FixedWidthInteger & UnsignedInteger>(_ codes: UnsafeBufferPointer<Code>)
      -> Part
    {
      sweep.run(chunk, codes: codes)
    }
  }

  private func run<Code: FixedWidthInteger & UnsignedInteger>(
    _ chunk: Range<Int>, codes: UnsafeBufferPointer<Code>
  ) -> Part {
    let slots = (split == nil ? 1 : 2) * customers
    var part = Part(
      best: [Int32](repeating: -1, count: slots),
      time: [Int64](repeating: absent, count: slots), blank: [])
    let base = selection.range.lowerBound
    let absent = self.absent
    times.withUnsafeBufferPointer { times in
      part.best.withUnsafeMutableBufferPointer { best in
        part.time.withUnsafeMutableBufferPointer { bestTime in
          selection.forEachBlock(chunk) { block, mask in
            for index in 0..<block.count where mask.map({ $0[index] != 0 }) ?? true {
              let offset = block.lowerBound + index
              let code = Int(codes[base + offset])
              let raw = times[base + offset]
              let time = raw == TimestampColumn.missing ? absent : raw
              guard code != 0 else {
                part.blank.append(offset)
                continue
              }
              let slot = code + (split.map { time != absent && time >= $0 ? customers : 0 } ?? 0)
              if best[slot] < 0 || replaces(time, bestTime[slot]) {
                best[slot] = Int32(offset)
                bestTime[slot] = time
              }
            }
          }
        }
      }
    }
    return part
  }
}

/// The forward (or backward) pass of `keepingFirstSeen` at the width of the customer codes.
private struct FirstSeenPass: TextCodesVisitor {
  let keep: UnsafeMutableBufferPointer<UInt8>
  let seen: UnsafeMutableBufferPointer<UInt64>
  let order: StrideTo<Int>
  let base: Int
  let customers: Int
  let times: ColumnValues<Int64>
  let split: Int64?

  func visit<Code: FixedWidthInteger & UnsignedInteger>(_ codes: UnsafeBufferPointer<Code>) {
    for offset in order where keep[offset] != 0 {
      let code = Int(codes[base + offset])
      guard code != 0 else { continue }
      let slot = code + (split.map { times[base + offset] >= $0 ? customers : 0 } ?? 0)
      let bit = UInt64(1) << UInt64(slot & 63)
      if seen[slot >> 6] & bit != 0 {
        keep[offset] = 0
      } else {
        seen[slot >> 6] |= bit
      }
    }
  }
}
