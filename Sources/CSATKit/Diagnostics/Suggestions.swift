/// Finds the nearest candidates to a misspelt name, for "did you mean" hints.
public enum Suggestions {
  /// The candidates within a small edit distance of `word`, nearest first (case-insensitive).
  public static func nearest(to word: String, in candidates: [String], limit: Int = 3) -> [String] {
    let target = Array(word.lowercased())
    var scored: [(distance: Int, candidate: String)] = []
    for candidate in candidates {
      let lowered = Array(candidate.lowercased())
      let allowed = max(1, min(target.count, lowered.count) / 3)
      let isPrefix =
        lowered.count > target.count && lowered.starts(with: target) && target.count >= 3
      // Lengths further apart than the allowed distance cannot be near: skip the work.
      if !isPrefix && abs(lowered.count - target.count) > allowed { continue }
      let distance = editDistance(target, lowered)
      if distance <= allowed || isPrefix {
        scored.append((isPrefix ? min(distance, 1) : distance, candidate))
      }
    }
    scored.sort {
      $0.distance != $1.distance ? $0.distance < $1.distance : $0.candidate < $1.candidate
    }
    return scored.prefix(limit).map(\.candidate)
  }

  /// Edit distance over characters, counting a swap of two neighbours as one edit (optimal
  /// string alignment), so `csta` is one edit from `csat`.
  public static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var beforePrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
          current[j] = min(current[j], beforePrevious[j - 2] + 1)
        }
      }
      (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[b.count]
  }
}
