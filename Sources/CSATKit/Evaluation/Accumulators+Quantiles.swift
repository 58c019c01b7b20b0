import Dispatch

/// A percentile of a number column, for the groups of a query.
struct QuantileKey: Hashable {
  var column: Int
  var percent: Int
}

/// Per group: the answers behind a percentile and its figure (nil without answers).
struct GroupQuantiles {
  var n: [Int]
  var values: [Double?]
  /// With `vs rest`: per group, the percentile of every other group's answers together;
  /// and of all answers, for a group with none.
  var rest: [Double?]?
  var all: Double?
}

// MARK: - Percentiles and distributions

extension Accumulators {
  /// The answers of a score column in a group counted per point, for a percentile or a
  /// distribution; zeros for a group of nil (no rows). nil for other metrics and when the
  /// column holds no scores.
  func points(_ metric: BoundMetric, group: Int?) -> ScorePoints? {
    switch metric.kind {
    case .percentile, .distribution: break
    default: return nil
    }
    guard let column = metric.column, let histogram = histograms[.column(column)] else {
      return nil
    }
    guard let group else {
      return ScorePoints(low: histogram.low, counts: [Int](repeating: 0, count: histogram.width))
    }
    return ScorePoints(low: histogram.low, counts: Array(histogram.pointCounts(group: group)))
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

  /// A percentile of a number column over every group but `group` (all answers for a group
  /// of nil), found with `rest`; nil for other metrics and without such answers.
  func restQuantile(_ metric: BoundMetric, group: Int?) -> Double? {
    guard case .percentile(let percent) = metric.kind, let column = metric.column,
      let found = quantiles[QuantileKey(column: column, percent: percent)]
    else { return nil }
    guard let group else { return found.all }
    return found.rest?[group]
  }

  /// The percentiles of number columns that hold no scores (score columns are counted per
  /// point instead): each column's answers gathered per group, then selected per percentile.
  ///
  /// With `rest`, each group's percentile of the other groups' answers too.
  static func quantiles(
    _ metrics: [BoundMetric], catalog: Catalog, groups: GroupIndex, selection: Selection,
    rest: Bool
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
      var answers = GroupValues(numbers, groups: groups, selection: selection)
      for percent in Set(percents) {
        var found = GroupQuantiles(
          n: answers.counts, values: answers.percentiles(percent), rest: nil, all: nil)
        if rest { (found.rest, found.all) = answers.restPercentiles(percent) }
        result[QuantileKey(column: column, percent: percent)] = found
      }
    }
    return result
  }
}

/// A number column's answers (blanks left out) for the selected rows, laid out group after
/// group in one array, so that each group's percentiles are found in place.
struct GroupValues {
  /// Group g's answers are `values[starts[g]..<starts[g + 1]]`, in no particular order.
  var values: [Double]
  private(set) var starts: [Int]

  /// The answers per group.
  var counts: [Int] { (0..<starts.count - 1).map { starts[$0 + 1] - starts[$0] } }

  /// Gathers the answers in two passes over the selected rows, a chunk per core: the first
  /// counts each chunk's answers per group, which places every chunk's share of each group;
  /// the second writes the answers there.
  init(_ column: NumberColumn, groups: GroupIndex, selection: Selection) {
    let counts = Parallel.map(rows: selection.range.count) { chunk in
      var counts = [Int](repeating: 0, count: groups.count)
      counts.withUnsafeMutableBufferPointer { counts in
        Self.forEachAnswer(column, groups: groups, selection: selection, chunk: chunk) {
          slot, _ in counts[Int(slot)] += 1
        }
      }
      return (chunk: chunk, counts: counts)
    }
    var starts = [Int](repeating: 0, count: groups.count + 1)
    for part in counts {
      for group in 0..<groups.count { starts[group + 1] += part.counts[group] }
    }
    for group in 0..<groups.count { starts[group + 1] += starts[group] }
    // Where each chunk's answers of each group begin: after those of the chunks before it.
    var firsts: [Range<Int>: [Int]] = [:]
    var next = Array(starts.dropLast())
    for part in counts {
      firsts[part.chunk] = next
      for group in 0..<groups.count { next[group] += part.counts[group] }
    }
    // Every place is written below (the counts say how many); only an interrupted query,
    // whose result is thrown away, leaves some unwritten.
    let total = starts[groups.count]
    let values = [Double](unsafeUninitializedCapacity: total) { values, initialized in
      let shared = UncheckedBox(values)
      _ = Parallel.map(rows: selection.range.count) { chunk in
        var next = firsts[chunk] ?? []
        let target = shared.value
        next.withUnsafeMutableBufferPointer { next in
          Self.forEachAnswer(column, groups: groups, selection: selection, chunk: chunk) {
            slot, value in
            let position = next[Int(slot)]
            target[position] = value
            next[Int(slot)] = position + 1
          }
        }
      }
      initialized = total
    }
    self.values = values
    self.starts = starts
  }

  /// The p-th percentile of each group's answers (nil without any), reordering them within
  /// their group; groups are shared out over the cores.
  mutating func percentiles(_ percent: Int) -> [Double?] {
    var found = [Double?](repeating: nil, count: starts.count - 1)
    found.withUnsafeMutableBufferPointer { found in
      let shared = UncheckedBox(found)
      forEachGroup { group, answers in
        shared.value[group] = Percentile.of(answers, percent: percent)
      }
    }
    return found
  }

  /// Calls `body` with each group and its answers, groups shared out over the cores (each
  /// worker takes every workers-th group, so the slices it touches are its own).
  mutating func forEachGroup(_ body: (Int, UnsafeMutableBufferPointer<Double>) -> Void) {
    let groupCount = starts.count - 1
    let workers = Parallel.workers(for: values.count)
    let starts = self.starts
    values.withUnsafeMutableBufferPointer { values in
      let shared = UncheckedBox(values)
      withoutActuallyEscaping(body) { body in
        let work = UncheckedBox(body)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
          for group in stride(from: worker, to: groupCount, by: workers) {
            work.value(
              group,
              UnsafeMutableBufferPointer(rebasing: shared.value[starts[group]..<starts[group + 1]]))
          }
        }
      }
    }
  }

  /// Calls `body` with the group and the value of each answer (blanks left out) among the
  /// selected rows of `chunk`, in row order.
  @inline(__always)
  private static func forEachAnswer(
    _ column: NumberColumn, groups: GroupIndex, selection: Selection, chunk: Range<Int>,
    _ body: (Int32, Double) -> Void
  ) {
    switch column.storage {
    case .small(let values): forEachAnswer(values, groups, selection, chunk, body)
    case .whole(let values): forEachAnswer(values, groups, selection, chunk, body)
    case .real(let values): forEachAnswer(values, groups, selection, chunk, body)
    }
  }

  /// ``forEachAnswer(_:groups:selection:chunk:_:)`` for one stored form of the numbers.
  private static func forEachAnswer<Value: StoredNumber>(
    _ column: ColumnValues<Value>, _ groups: GroupIndex, _ selection: Selection,
    _ chunk: Range<Int>,
    _ body: (Int32, Double) -> Void
  ) {
    let base = selection.range.lowerBound
    column.withUnsafeBufferPointer { column in
      selection.forEachSelected(chunk, groups: groups) { block, chosen, slotOf, selected in
        let first = base + block.lowerBound
        for position in 0..<selected {
          let value = column[first + Int(chosen[position])].number
          if !value.isNaN { body(slotOf[position], value) }
        }
      }
    }
  }
}
