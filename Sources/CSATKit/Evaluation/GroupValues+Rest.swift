/// `vs rest` for a percentile of a number field: each group against every other group's
/// answers together, found without copying those answers for each group.
extension GroupValues {
  /// Per group, the p-th percentile of the other groups' answers (nil when there are none),
  /// and the p-th percentile of all answers (the rest of a group without answers).
  ///
  /// Each group's answers are sorted, and all answers together. The k-th smallest of a
  /// group's rest is then the least answer v with (answers ≤ v) − (the group's ≤ v) > k, found
  /// by binary search: O(log² n) per rank after the sorts.
  mutating func restPercentiles(_ percent: Int) -> (byGroup: [Double?], all: Double?) {
    forEachGroup { _, answers in
      var answers = answers
      answers.sort()
    }
    let everything = values.sorted()
    let starts = self.starts
    let total = everything.count
    let byGroup = (0..<starts.count - 1).map { group -> Double? in
      let own = values[starts[group]..<starts[group + 1]]
      return Percentile.interpolate(n: total - own.count, percent: percent) { k in
        Self.smallest(k, of: everything, without: own)
      }
    }
    let all = Percentile.interpolate(n: total, percent: percent) { everything[$0] }
    return (byGroup, all)
  }

  /// The k-th smallest (0-based) of `everything` once the answers in `own` (sorted, a part
  /// of `everything`) are taken out; k must be below their difference in size.
  static func smallest(_ k: Int, of everything: [Double], without own: ArraySlice<Double>)
    -> Double
  {
    var low = 0
    var high = everything.count - 1
    while low < high {
      let middle = (low + high) / 2
      let value = everything[middle]
      let others = upperBound(everything[...], value) - upperBound(own, value)
      if others > k { high = middle } else { low = middle + 1 }
    }
    return everything[low]
  }

  /// How many of the sorted `values` are at most `value`.
  private static func upperBound(_ values: ArraySlice<Double>, _ value: Double) -> Int {
    var low = values.startIndex
    var high = values.endIndex
    while low < high {
      let middle = (low + high) / 2
      if values[middle] <= value { low = middle + 1 } else { high = middle }
    }
    return low - values.startIndex
  }
}
