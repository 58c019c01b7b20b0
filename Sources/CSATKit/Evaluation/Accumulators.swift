/// Per-group counts for every metric of a query.
///
/// Each score column read by a metric gets one histogram: counts per group and score point.
/// The work is split over the cores (see `Counter`) and the partial counts added up.
struct Accumulators {
  /// Matching rows per group.
  private(set) var rows: [Int]
  /// Per score column read by a metric (and per follow-up flag, as 0 or 1 on the negative
  /// responses): counts per group and score point.
  private(set) var histograms: [HistogramKey: Histogram] = [:]
  /// Per averaged column: sum and answers per group.
  private var sums: [Int: (sum: [Double], answers: [Int])] = [:]
  /// Per percentile of a number column that holds no scores: n and the figure per group.
  private(set) var quantiles: [QuantileKey: GroupQuantiles] = [:]
  /// Averaged score columns with stray answers (``ScaleFit``): averaged from their histogram,
  /// so that the strays are left out as they are of every other metric.
  private var averagedByScore: Set<Int> = []

  struct Histogram {
    var low: Int
    var width: Int
    /// Per group, its missing answers and then a count for each of the `width` points, as
    /// ``Counter`` leaves them: with millions of groups, a copy without the missing answers
    /// would cost about as much as the counting.
    var counts: [Int]

    /// Where the count of group `group`'s lowest point is in `counts`.
    private func start(of group: Int) -> Int {
      group * (width + 1) + 1
    }

    /// Answers in a group with a score in `scores`.
    func count(group: Int, scores: ClosedRange<Int>) -> Int {
      let lower = max(scores.lowerBound, low)
      let upper = min(scores.upperBound, low + width - 1)
      guard lower <= upper else { return 0 }
      let start = start(of: group) - low
      var total = 0
      for score in lower...upper { total += counts[start + score] }
      return total
    }

    func answers(group: Int) -> Int {
      pointCounts(group: group).reduce(0, +)
    }

    /// The counts of a group's points, lowest first.
    func pointCounts(group: Int) -> ArraySlice<Int> {
      counts[start(of: group)..<start(of: group) + width]
    }

    /// A group's answers, those scoring `hits` and those scoring `detractors`.
    func tally(group: Int, hits: ClosedRange<Int>, detractors: ClosedRange<Int>?) -> Tally {
      Tally(
        n: answers(group: group), hits: count(group: group, scores: hits),
        detractors: detractors.map { count(group: group, scores: $0) } ?? 0)
    }
  }

  /// With `rest` (`vs rest`), percentiles of number fields are also found over each group's
  /// complement, which cannot be had by subtracting counts.
  init(
    _ metrics: [BoundMetric], catalog: Catalog, groups: GroupIndex, selection: Selection,
    rest: Bool = false
  ) {
    let averagedColumns = Self.distinct(
      metrics.filter { $0.kind == .average }.compactMap(\.column))
    var sources: [(HistogramKey, ScoreCodes, ClosedRange<Int>)] = []
    averagedByScore = Set(
      averagedColumns.filter { column in
        (catalog.fits[column]?.outsideCount ?? 0) > 0
          && catalog.answerRange(ofColumn: column) != nil
      })
    let keys = metrics.compactMap(Self.key) + averagedByScore.sorted().map(HistogramKey.column)
    for key in keys where !sources.contains(where: { $0.0 == key }) {
      switch key {
      case .column(let column):
        // Only the answers within the column's scale count (``Catalog/answerRange(ofColumn:)``).
        guard let codes = catalog.scores[column], let range = catalog.answerRange(ofColumn: column)
        else { continue }
        sources.append((key, codes, range))
      case .followUp(let flag, let score, let negative):
        let codes = Self.followUpCodes(catalog, flag: flag, score: score, negative: negative)
        sources.append((key, codes, 0...1))
      }
    }
    let averaged = averagedColumns.map { column -> NumberColumn in
      guard case .number(let numbers) = catalog.dataset.columns[column].data else {
        return NumberColumn(storage: .real([]))
      }
      return numbers
    }
    let counter = Counter(
      groups: groups, selection: selection, scores: sources.map { ($0.1, $0.2) },
      averaged: averaged)
    // Each worker counts into arrays as large as the groups: with millions of groups (a
    // grouping by customer) those cost more to make than the rows to count, so one does.
    let rowCount = selection.range.count
    let counters = Self.slotsPerGroup(sources.map { $0.2.count }, averaged: averaged.count)
    let (size, overflow) = groups.count.multipliedReportingOverflow(by: counters)
    var partials =
      overflow || size > rowCount
      ? [counter.count(0..<rowCount)] : Parallel.map(rows: rowCount, counter.count)
    // The first partial becomes the total, moved out so that adding to it copies nothing.
    var total = partials.removeFirst()
    for partial in partials { Counter.merge(&total, partial) }
    rows = total.rows
    for (index, source) in sources.enumerated() {
      histograms[source.0] = Histogram(
        low: source.2.lowerBound, width: source.2.count, counts: total.histograms[index])
    }
    quantiles = Self.quantiles(
      metrics, catalog: catalog, groups: groups, selection: selection, rest: rest)
    for (index, column) in averagedColumns.enumerated() {
      sums[column] = (
        Array(total.sums[index].prefix(groups.count)),
        Array(total.answers[index].prefix(groups.count))
      )
    }
  }

  /// The counters a worker keeps per group: its rows, each score column's points and
  /// missing answers, and each averaged column's sum and count.
  private static func slotsPerGroup(_ widths: [Int], averaged: Int) -> Int {
    1 + widths.reduce(0) { $0 + $1 + 1 } + 2 * averaged
  }

  private static func distinct(_ columns: [Int]) -> [Int] {
    var seen: Set<Int> = []
    return columns.filter { seen.insert($0).inserted }
  }

  // MARK: - Counts behind a figure (intervals and comparisons; see Statistics.swift)

  /// The counts behind a share or NPS figure in a group (empty when the group has no rows);
  /// nil for `avg` and `count`.
  func tally(_ metric: BoundMetric, group: Int?) -> Tally? {
    guard let (hits, detractors) = Self.scores(metric.kind) else { return nil }
    guard let group, let key = Self.key(metric), let histogram = histograms[key] else {
      return .empty
    }
    return histogram.tally(group: group, hits: hits, detractors: detractors)
  }

  /// `each` of `metric`'s tally in each of `groups`, with the histogram looked up once
  /// rather than per group and no array of tallies in between; nil for a metric that has no
  /// tally. A group without the histogram has an empty tally.
  func tallies<Result>(_ metric: BoundMetric, groups: [Int], _ each: (Tally) -> Result)
    -> [Result]?
  {
    guard let (hits, detractors) = Self.scores(metric.kind) else { return nil }
    guard let key = Self.key(metric), let histogram = histograms[key] else {
      return groups.map { _ in each(.empty) }
    }
    return groups.map { each(histogram.tally(group: $0, hits: hits, detractors: detractors)) }
  }

  /// The score points a metric of `kind` counts as hits and, for NPS, as detractors; nil
  /// for a metric that has no tally.
  private static func scores(_ kind: MetricKind) -> (
    hits: ClosedRange<Int>, detractors: ClosedRange<Int>?
  )? {
    switch kind {
    case .csat(let from): (from...Int(Int8.max), nil)
    case .dsat(let to): (Int(Int8.min)...to, nil)
    case .nps: (9...10, 0...6)
    case .promoters: (9...10, nil)
    case .passives: (7...8, nil)
    case .detractors: (0...6, nil)
    case .followUp: (1...1, nil)
    case .average, .count, .percentile, .distribution: nil
    }
  }

  /// The sum and the number of answers behind an `avg` in a group; nil for other metrics.
  func averageTotals(_ metric: BoundMetric, group: Int?) -> (sum: Double, n: Int)? {
    guard metric.kind == .average else { return nil }
    guard let group, let column = metric.column else { return (0, 0) }
    if averagedByScore.contains(column), let histogram = histograms[.column(column)] {
      let sum = histogram.pointCounts(group: group).enumerated().reduce(0) { total, point in
        total + (histogram.low + point.offset) * point.element
      }
      return (Double(sum), histogram.answers(group: group))
    }
    guard let totals = sums[column] else { return (0, 0) }
    return (totals.sum[group], totals.answers[group])
  }
}
