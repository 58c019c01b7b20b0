/// Percentiles by linear interpolation between the closest ranks (Excel's PERCENTILE.INC,
/// numpy's default): for n sorted answers x₀ ≤ … ≤ xₙ₋₁ and percent p, h = (n − 1)·p/100,
/// and the percentile is x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋).
enum Percentile {
  /// The p-th percentile of `n` answers, given the k-th smallest (0-based) of them.
  static func interpolate(n: Int, percent: Int, smallest: (Int) -> Double) -> Double? {
    guard n > 0 else { return nil }
    // h = (n − 1)·p/100 in whole hundredths: its rank and the fraction beyond it.
    let rank = (n - 1) * percent / 100
    let hundredths = (n - 1) * percent % 100
    let lower = smallest(rank)
    guard hundredths > 0 else { return lower }
    let upper = smallest(rank + 1)
    return lower + Double(hundredths) / 100 * (upper - lower)
  }

  /// The p-th percentile of `values`, reordering them (quickselect; no full sort).
  static func of(_ values: inout [Double], percent: Int) -> Double? {
    values.withUnsafeMutableBufferPointer { of($0, percent: percent) }
  }

  /// The p-th percentile of the values in `buffer`, reordering them.
  static func of(_ buffer: UnsafeMutableBufferPointer<Double>, percent: Int) -> Double? {
    let n = buffer.count
    guard n > 0 else { return nil }
    let rank = (n - 1) * percent / 100
    select(buffer, rank)
    return interpolate(n: n, percent: percent) { k in
      // After selecting `rank`, the next smallest is the least of the values above it.
      k == rank ? buffer[rank] : buffer[(rank + 1)...].min() ?? buffer[rank]
    }
  }

  /// Moves the k-th smallest value to index k, smaller ones before it and larger after it
  /// (Hoare's selection with a median-of-three pivot).
  static func select(_ values: UnsafeMutableBufferPointer<Double>, _ k: Int) {
    var low = 0
    var high = values.count - 1
    while high > low {
      let middle = low + (high - low) / 2
      // Order low, middle, high so that the middle one is the pivot.
      if values[middle] < values[low] { values.swapAt(middle, low) }
      if values[high] < values[low] { values.swapAt(high, low) }
      if values[high] < values[middle] { values.swapAt(high, middle) }
      let pivot = values[middle]
      var left = low
      var right = high
      while left <= right {
        while values[left] < pivot { left += 1 }
        while pivot < values[right] { right -= 1 }
        if left <= right {
          values.swapAt(left, right)
          left += 1
          right -= 1
        }
      }
      if k <= right {
        high = right
      } else if k >= left {
        low = left
      } else {
        return
      }
    }
  }
}

/// The answers of one group counted per score point, for percentiles and distributions of
/// score columns.
struct ScorePoints: Sendable, Equatable {
  /// The score of `counts[0]`.
  var low: Int
  var counts: [Int]

  var total: Int { counts.reduce(0, +) }

  /// Answers at `score`.
  func count(at score: Int) -> Int {
    let index = score - low
    return counts.indices.contains(index) ? counts[index] : 0
  }

  /// The p-th percentile, walking the counts to the ranks it needs.
  func percentile(_ percent: Int) -> Double? {
    Percentile.interpolate(n: total, percent: percent) { k in
      var seen = 0
      for (index, count) in counts.enumerated() {
        seen += count
        if seen > k { return Double(low + index) }
      }
      return Double(low + counts.count - 1)
    }
  }

  static func + (lhs: ScorePoints, rhs: ScorePoints) -> ScorePoints {
    ScorePoints(low: lhs.low, counts: zip(lhs.counts, rhs.counts).map { $0 + $1 })
  }

  static func - (lhs: ScorePoints, rhs: ScorePoints) -> ScorePoints {
    ScorePoints(low: lhs.low, counts: zip(lhs.counts, rhs.counts).map { $0 - $1 })
  }
}
