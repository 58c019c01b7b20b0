/// A percentile of a number column, for the groups of a query.
struct QuantileKey: Hashable {
  var column: Int
  var percent: Int
}

/// Per group: the answers behind a percentile and its figure (nil without answers).
struct GroupQuantiles {
  var n: [Int]
  var values: [Double?]
}

// MARK: - Percentiles and distributions

extension Accumulators {
  /// The answers of a score column in a group counted per point, for a percentile or a
  /// distribution; zeros for a group of nil (no rows). nil when the column holds no scores.
  func points(_ metric: BoundMetric, group: Int?) -> ScorePoints? {
    guard let column = metric.column, let histogram = histograms[.column(column)] else {
      return nil
    }
    guard let group else {
      return ScorePoints(low: histogram.low, counts: [Int](repeating: 0, count: histogram.width))
    }
    let counts = histogram.counts[group * histogram.width..<(group + 1) * histogram.width]
    return ScorePoints(low: histogram.low, counts: Array(counts))
  }

  /// The answers and the figure of a percentile of a number column in a group; nil when the
  /// metric is no such percentile.
  func quantile(_ metric: BoundMetric, group: Int?) -> (n: Int, value: Double?)? {
    guard case .percentile(let percent) = metric.kind, let column = metric.column,
      let found = quantiles[QuantileKey(column: column, percent: percent)]
    else { return nil }
    guard let group else { return (0, nil) }
    return (found.n[group], found.values[group])
  }

  /// The percentiles of number columns that hold no scores (score columns are counted per
  /// point instead): each column's answers gathered per group, then selected per percentile.
  static func quantiles(
    _ metrics: [BoundMetric], catalog: Catalog, groups: GroupIndex, selection: Selection
  ) -> [QuantileKey: GroupQuantiles] {
    var wanted: [Int: [Int]] = [:]
    for metric in metrics {
      guard case .percentile(let percent) = metric.kind, let column = metric.column,
        catalog.scores[column] == nil, case .number = catalog.dataset.columns[column].data
      else { continue }
      wanted[column, default: []].append(percent)
    }
    var result: [QuantileKey: GroupQuantiles] = [:]
    for (column, percents) in wanted {
      guard case .number(let numbers) = catalog.dataset.columns[column].data else { continue }
      var answers = GroupValues.collect(numbers.values, groups: groups, selection: selection)
      let n = answers.map(\.count)
      for percent in Set(percents) {
        let values = answers.indices.map { Percentile.of(&answers[$0], percent: percent) }
        result[QuantileKey(column: column, percent: percent)] = GroupQuantiles(
          n: n, values: values)
      }
    }
    return result
  }
}

/// Gathers a number column's answers (blanks left out) per group of the selected rows.
enum GroupValues {
  /// One array per group, in no particular order; chunks of rows are read on every core.
  static func collect(
    _ values: [Double], groups: GroupIndex, selection: Selection
  ) -> [[Double]] {
    let parts = Parallel.map(rows: selection.range.count) { chunk in
      collect(values, groups: groups, selection: selection, chunk: chunk)
    }
    guard var total = parts.first else { return [] }
    for part in parts.dropFirst() {
      for group in total.indices { total[group] += part[group] }
    }
    return total
  }

  private static func collect(
    _ values: [Double], groups: GroupIndex, selection: Selection, chunk: Range<Int>
  ) -> [[Double]] {
    var answers = [[Double]](repeating: [], count: groups.count)
    let base = selection.range.lowerBound
    let blockSize = Selection.blockSize
    withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * blockSize) { buffer in
      guard let slotOf = buffer.baseAddress else { return }
      let chosen = slotOf + blockSize
      selection.forEachBlock(chunk) { block, mask in
        var selected = 0
        for index in 0..<block.count {
          chosen[selected] = Int32(index)
          selected &+= mask.map { Int($0[index]) } ?? 1
        }
        groups.fill(
          UnsafeMutableBufferPointer(start: slotOf, count: selected), chunk: block,
          chosen: chosen)
        let first = base + block.lowerBound
        for position in 0..<selected {
          let value = values[first + Int(chosen[position])]
          if !value.isNaN { answers[Int(slotOf[position])].append(value) }
        }
      }
    }
    return answers
  }
}
