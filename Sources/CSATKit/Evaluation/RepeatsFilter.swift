/// `.set repeats first|latest`: one response per customer among the selected rows.
extension Evaluator {
  /// The rows of `selection` left when each customer keeps only its earliest (or latest)
  /// response by the time column; a row with a blank customer stays, as a customer of its
  /// own. With `split`, rows at or after that instant and rows before it are collapsed
  /// apart (the two windows of `vs previous`).
  ///
  /// One pass over the selected rows keeps, per customer code, the row that wins so far; no
  /// text is hashed. Ties in time go to the earlier row in the file for `first` and to the
  /// later one for `latest`; a row without a time loses to any row with one.
  func collapsingRepeats(
    _ selection: Selection, _ repeats: BoundRepeats?, split: Int64? = nil
  ) -> Selection {
    guard let repeats, case .text(let customers) = catalog.dataset.columns[repeats.customer].data,
      case .timestamp(let times) = catalog.dataset.columns[repeats.time].data
    else { return selection }
    let latest = repeats.keepLatest
    // A missing time sorts after every time for `first` and before every time for `latest`.
    let absent = latest ? Int64.min : Int64.max
    let customerCount = customers.dictionary.count
    var best = [Int32](repeating: -1, count: (split == nil ? 1 : 2) * customerCount)
    var keep = [UInt8](repeating: 0, count: selection.range.count)
    let base = selection.range.lowerBound
    customers.codes.withUnsafeBufferPointer { codes in
      times.values.withUnsafeBufferPointer { times in
        let timeOf = { (row: Int) -> Int64 in
          let time = times[row]
          return time == TimestampColumn.missing ? absent : time
        }
        selection.forEachBlock(0..<selection.range.count) { block, mask in
          for index in 0..<block.count where mask.map({ $0[index] != 0 }) ?? true {
            let offset = block.lowerBound + index
            let code = Int(codes[base + offset])
            guard code != 0 else {
              keep[offset] = 1
              continue
            }
            let time = timeOf(base + offset)
            let slot = split.map { time != absent && time >= $0 ? customerCount : 0 } ?? 0
            let held = Int(best[slot + code])
            if held < 0 {
              best[slot + code] = Int32(offset)
              continue
            }
            let other = timeOf(base + held)
            if latest ? time >= other : time < other { best[slot + code] = Int32(offset) }
          }
        }
      }
    }
    for offset in best where offset >= 0 { keep[Int(offset)] = 1 }
    return Selection(
      range: selection.range, condition: nil, interruptible: selection.interruptible,
      rowMask: keep)
  }

  /// A result's caption with the repeats note after it.
  func caption(_ window: ResolvedWindow?, repeats: BoundRepeats?) -> String? {
    let text = caption(window)
    guard let repeats else { return text }
    return text.map { $0 + "; " + repeats.note } ?? repeats.note
  }
}
