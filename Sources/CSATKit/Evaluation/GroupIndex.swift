/// Numbers every row's group densely, so that aggregation is array indexing.
///
/// The group of a row is the mixed-radix number of its keys in each dimension. When that
/// space is too large for arrays, the groups that occur are renumbered through a hash map.
struct GroupIndex {
  let dimensions: [GroupDimension]
  /// Per row of the selection's range: its group.
  private(set) var groupOfRow: [Int32]
  /// The number of groups (array size for accumulators).
  private(set) var count: Int
  /// When renumbered: the mixed-radix number of each group.
  private var radixOfGroup: [Int]?
  /// When renumbered: the group of each mixed-radix number that occurs.
  private var groupOfRadix: [Int: Int]?

  static let denseLimit = 1 << 22

  init(dimensions: [GroupDimension], count rows: Int) {
    self.dimensions = dimensions
    let space = dimensions.reduce(1) { $0.multipliedReportingOverflow(by: $1.cardinality).0 }
    if dimensions.isEmpty {
      groupOfRow = [Int32](repeating: 0, count: rows)
      count = 1
      return
    }
    if dimensions.count == 1 {
      groupOfRow = dimensions[0].keys
      count = dimensions[0].cardinality
      return
    }
    var radix = [Int](repeating: 0, count: rows)
    for dimension in dimensions {
      let size = dimension.cardinality
      dimension.keys.withUnsafeBufferPointer { keys in
        for row in 0..<rows { radix[row] = radix[row] &* size &+ Int(keys[row]) }
      }
    }
    if space > 0 && space <= Self.denseLimit {
      groupOfRow = radix.map { Int32($0) }
      count = space
      return
    }
    var numbering: [Int: Int32] = [:]
    var radixes: [Int] = []
    groupOfRow = radix.map { value in
      if let known = numbering[value] { return known }
      let group = Int32(radixes.count)
      numbering[value] = group
      radixes.append(value)
      return group
    }
    count = radixes.count
    radixOfGroup = radixes
    groupOfRadix = numbering.mapValues { Int($0) }
  }

  /// The key in each dimension of a group.
  func keys(of group: Int) -> [Int] {
    var radix = radixOfGroup.map { $0[group] } ?? group
    var keys = [Int](repeating: 0, count: dimensions.count)
    for index in dimensions.indices.reversed() {
      let size = dimensions[index].cardinality
      keys[index] = radix % size
      radix /= size
    }
    return keys
  }

  /// The group of a key tuple, when it has one.
  func group(ofKeys keys: [Int]) -> Int? {
    var radix = 0
    for (dimension, key) in zip(dimensions, keys) { radix = radix * dimension.cardinality + key }
    guard let groupOfRadix else { return radix }
    return groupOfRadix[radix]
  }

  /// The groups a result lists, in group order: those with rows, plus every bucket of each
  /// time dimension for each combination of the other keys that occurs.
  func resultGroups(_ rowsPerGroup: [Int]) -> [(keys: [Int], group: Int?)] {
    // Without groupings there is always one row, even when no row matched.
    if dimensions.isEmpty { return [([], 0)] }
    let present = (0..<count).filter { rowsPerGroup[$0] > 0 }
    let timeDimensions = dimensions.indices.filter { dimensions[$0].filledKeys != nil }
    var extraTuples: [[Int]] = []
    if !timeDimensions.isEmpty {
      var seen: Set<[Int]> = []
      var tuples = Set(present.map { keys(of: $0) })
      if dimensions.count == timeDimensions.count { seen.insert(dimensions.map { _ in -1 }) }
      for tuple in tuples {
        var others = tuple
        for index in timeDimensions { others[index] = -1 }
        seen.insert(others)
      }
      for var others in seen {
        Self.fill(&others, timeDimensions[...], dimensions) { tuple in
          if tuples.insert(tuple).inserted { extraTuples.append(tuple) }
        }
      }
    }
    var rows = present.map { keys(of: $0) } + extraTuples
    rows.sort { left, right in
      for (index, dimension) in dimensions.enumerated() where left[index] != right[index] {
        return dimension.ranks[left[index]] < dimension.ranks[right[index]]
      }
      return false
    }
    return rows.map { tuple in (tuple, group(ofKeys: tuple)) }
  }

  private static func fill(
    _ tuple: inout [Int], _ remaining: ArraySlice<Int>, _ dimensions: [GroupDimension],
    _ emit: ([Int]) -> Void
  ) {
    guard let index = remaining.first else {
      emit(tuple)
      return
    }
    for key in dimensions[index].filledKeys ?? 0..<0 {
      tuple[index] = key
      fill(&tuple, remaining.dropFirst(), dimensions, emit)
    }
  }
}
