/// Numbers every row's group densely, so that aggregation is array indexing.
///
/// The group of a row is the mixed-radix number of its keys in each dimension. When that
/// space is too large for arrays, the groups that occur are renumbered through a hash map;
/// when it does not even fit in 64 bits (four groupings of 70,000 values each), by their
/// tuples of keys.
struct GroupIndex: @unchecked Sendable {
  let dimensions: [GroupDimension]
  /// The number of groups (array size for accumulators).
  private(set) var count: Int
  /// When renumbered: the group of each row of the selection's range.
  private var renumbered: [Int32]?
  /// When renumbered: the mixed-radix number of each group, and back.
  private var radixOfGroup: [Int] = []
  private var groupOfRadix = RadixNumbering()
  /// When the space overflows: the keys of each group, and back.
  private var keysOfGroup: [[Int]]?
  private var groupOfKeys: [[Int]: Int] = [:]

  static let denseLimit = 1 << 22
  /// The most result rows that listing empty time buckets may add.
  static let fillLimit = 100_000

  /// With `interruptible`, Ctrl-C stops the renumbering of a large space early, leaving
  /// groups that the caller must not show.
  init(dimensions: [GroupDimension], count rows: Int, interruptible: Bool = false) {
    self.dimensions = dimensions
    let (space, overflow) = dimensions.reduce((1, false)) { partial, dimension in
      let (product, overflow) = partial.0.multipliedReportingOverflow(by: dimension.cardinality)
      return (product, partial.1 || overflow)
    }
    count = space
    guard overflow || space > Self.denseLimit else { return }
    if overflow {
      numberTuples(rows, interruptible: interruptible)
      return
    }
    var numbering = RadixNumbering()
    var radixes: [Int] = []
    var groups = [Int32](repeating: 0, count: rows)
    for row in 0..<rows {
      if row % 65_536 == 65_535 && interruptible && InterruptFlag.isRaised { break }
      let value = radix(ofOffset: row)
      let group = numbering.number(value)
      if Int(group) == radixes.count { radixes.append(value) }
      groups[row] = group
    }
    count = radixes.count
    renumbered = groups
    radixOfGroup = radixes
    groupOfRadix = numbering
  }

  /// Numbers the groups that occur by their tuples of keys, for a space whose mixed-radix
  /// numbers would overflow.
  private mutating func numberTuples(_ rows: Int, interruptible: Bool) {
    var tuples: [[Int]] = []
    var numbering: [[Int]: Int] = [:]
    var groups = [Int32](repeating: 0, count: rows)
    for row in 0..<rows {
      if row % 65_536 == 65_535 && interruptible && InterruptFlag.isRaised { break }
      let tuple = dimensions.map { Int($0.key(atOffset: row)) }
      if let group = numbering[tuple] {
        groups[row] = Int32(group)
      } else {
        numbering[tuple] = tuples.count
        groups[row] = Int32(tuples.count)
        tuples.append(tuple)
      }
    }
    count = tuples.count
    renumbered = groups
    keysOfGroup = tuples
    groupOfKeys = numbering
  }

  /// The mixed-radix number of the keys of the row at `offset` in the selection's range.
  private func radix(ofOffset offset: Int) -> Int {
    var value = 0
    for dimension in dimensions {
      value = value &* dimension.cardinality &+ Int(dimension.key(atOffset: offset))
    }
    return value
  }

  /// The group of the row at `offset` in the selection's range.
  func group(atOffset offset: Int) -> Int {
    if let renumbered { return Int(renumbered[offset]) }
    return radix(ofOffset: offset)
  }

  /// Writes the group of rows into `slots`: of each row of `chunk` (offsets in the
  /// selection's range) or, given `chosen`, of the rows `chunk.lowerBound + chosen[j]` for
  /// j below `slots.count`.
  func fill(
    _ slots: UnsafeMutableBufferPointer<Int32>, chunk: Range<Int>,
    chosen: UnsafePointer<Int32>? = nil
  ) {
    if let renumbered {
      for index in 0..<slots.count {
        let offset = chosen.map { Int($0[index]) } ?? index
        slots[index] = renumbered[chunk.lowerBound + offset]
      }
      return
    }
    for index in 0..<slots.count { slots[index] = 0 }
    for dimension in dimensions {
      dimension.accumulate(into: slots, chunk: chunk, chosen: chosen)
    }
  }

  /// The key in each dimension of a group.
  func keys(of group: Int) -> [Int] {
    if let keysOfGroup { return keysOfGroup[group] }
    var radix = renumbered == nil ? group : radixOfGroup[group]
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
    if keysOfGroup != nil { return groupOfKeys[keys] }
    var radix = 0
    for (dimension, key) in zip(dimensions, keys) { radix = radix * dimension.cardinality + key }
    guard renumbered != nil else { return radix }
    return groupOfRadix.group(of: radix)
  }

  /// Why a result lists no empty time buckets: listing every bucket for each of
  /// `combinations` (the other groupings' values that occur) would make `rows` rows, more
  /// than `fillLimit`.
  struct FillCut: Equatable {
    var combinations: Int
    var rows: Int

    /// The line a terminal table shows under the result.
    var note: String {
      "note: empty time buckets are not listed: every bucket for each of the \(combinations)"
        + " combinations of the other groupings that occur would make \(rows) rows, more than"
        + " \(GroupIndex.fillLimit)"
    }
  }

  /// The groups a result lists, in group order: those with rows, plus every bucket of each
  /// time dimension for each combination of the other keys that occurs.
  func resultGroups(_ rowsPerGroup: [Int]) -> [(keys: [Int], group: Int?)] {
    var cut: FillCut?
    return resultGroups(rowsPerGroup, cut: &cut)
  }

  /// The groups a result lists (see above); `cut` says when the empty buckets were left out
  /// because listing them would pass `fillLimit` rows (grammar.md, "Empty groups").
  func resultGroups(_ rowsPerGroup: [Int], cut: inout FillCut?) -> [(keys: [Int], group: Int?)] {
    // Without groupings there is always one row, even when no row matched.
    if dimensions.isEmpty { return [([], 0)] }
    let present = (0..<count).filter { rowsPerGroup[$0] > 0 }
    let timeDimensions = dimensions.indices.filter { dimensions[$0].filledKeys != nil }
    if timeDimensions.isEmpty, let ordered = orderedByRank(present) { return ordered }
    var tuples = present.map { keys(of: $0) }
    if !timeDimensions.isEmpty {
      var known = Set(tuples)
      var others: Set<[Int]> = []
      if dimensions.count == timeDimensions.count { others.insert(dimensions.map { _ in -1 }) }
      for tuple in tuples {
        var other = tuple
        for index in timeDimensions { other[index] = -1 }
        others.insert(other)
      }
      // Listing every bucket for every combination is bounded: past the cap only the
      // buckets that hold responses are listed.
      let buckets = timeDimensions.reduce(1) { $0 * (dimensions[$1].filledKeys?.count ?? 1) }
      let (rows, overflow) = others.count.multipliedReportingOverflow(by: buckets)
      if overflow || rows > Self.fillLimit {
        cut = FillCut(combinations: others.count, rows: overflow ? Int.max : rows)
        others = []
      }
      for var other in others {
        Self.fill(&other, timeDimensions[...], dimensions) { tuple in
          if known.insert(tuple).inserted { tuples.append(tuple) }
        }
      }
    }
    tuples.sort { left, right in
      for (index, dimension) in dimensions.enumerated() where left[index] != right[index] {
        return dimension.ranks[left[index]] < dimension.ranks[right[index]]
      }
      return false
    }
    return tuples.map { tuple in (tuple, group(ofKeys: tuple)) }
  }

  /// The groups in group order, sorted on one number per group (``rankNumbers(_:)``); nil
  /// when that number could overflow.
  private func orderedByRank(_ groups: [Int]) -> [(keys: [Int], group: Int?)]? {
    guard let numbers = rankNumbers(groups) else { return nil }
    var ranked = zip(numbers, groups).map { (rank: $0, group: $1) }
    ranked.sort { $0.rank < $1.rank }
    return ranked.map { (keys(of: $0.group), $0.group) }
  }

  /// For each of `groups`, a number that orders the groups in group order: the mixed-radix
  /// number of the ranks of its keys. Nil when that number could overflow.
  func rankNumbers(_ groups: [Int]) -> [Int]? {
    var space = 1
    for dimension in dimensions {
      let (product, overflow) = space.multipliedReportingOverflow(by: dimension.cardinality)
      if overflow { return nil }
      space = product
    }
    // Read each key straight off the group's number (no array per group: a grouping by
    // customer and rep has millions of groups).
    let sizes = dimensions.map(\.cardinality)
    let ranks = dimensions.map(\.ranks)
    return groups.map { group in
      var radix = renumbered == nil ? group : radixOfGroup[group]
      var rank = 0
      var scale = 1
      for index in sizes.indices.reversed() {
        rank += ranks[index][radix % sizes[index]] * scale
        scale *= sizes[index]
        radix /= sizes[index]
      }
      return rank
    }
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

/// Numbers mixed-radix group numbers (0 or more) densely, in order of first appearance:
/// open addressing with linear probing, at most half full. A grouping by customer and rep
/// meets about 9M pairs in 10M rows, which a `Dictionary` numbered in seconds.
struct RadixNumbering {
  /// The radix in each slot; `empty` for none.
  private var radixes = [Int](repeating: RadixNumbering.empty, count: 16)
  /// The group of the radix in the same slot.
  private var groups = [Int32](repeating: 0, count: 16)
  private(set) var count = 0

  private static let empty = -1

  /// The slot where the search for `radix` starts in a table of `mask + 1` slots.
  @inline(__always)
  private static func home(_ radix: Int, _ mask: Int) -> Int {
    let mixed = UInt64(bitPattern: Int64(radix)) &* 0x9E37_79B9_7F4A_7C15
    return Int(truncatingIfNeeded: mixed >> 29) & mask
  }

  /// The group of `radix`, numbered next if it has none yet.
  mutating func number(_ radix: Int) -> Int32 {
    let mask = radixes.count - 1
    var slot = Self.home(radix, mask)
    while radixes[slot] != Self.empty {
      if radixes[slot] == radix { return groups[slot] }
      slot = (slot + 1) & mask
    }
    let group = Int32(count)
    radixes[slot] = radix
    groups[slot] = group
    count += 1
    if count * 2 > radixes.count { grow() }
    return group
  }

  /// The group of `radix`, when it has one.
  func group(of radix: Int) -> Int? {
    let mask = radixes.count - 1
    var slot = Self.home(radix, mask)
    while radixes[slot] != Self.empty {
      if radixes[slot] == radix { return Int(groups[slot]) }
      slot = (slot + 1) & mask
    }
    return nil
  }

  /// Doubles the table and places every radix again.
  private mutating func grow() {
    let oldRadixes = radixes
    let oldGroups = groups
    radixes = [Int](repeating: Self.empty, count: oldRadixes.count * 2)
    groups = [Int32](repeating: 0, count: oldRadixes.count * 2)
    let mask = radixes.count - 1
    for (radix, group) in zip(oldRadixes, oldGroups) where radix != Self.empty {
      var slot = Self.home(radix, mask)
      while radixes[slot] != Self.empty { slot = (slot + 1) & mask }
      radixes[slot] = radix
      groups[slot] = group
    }
  }
}
