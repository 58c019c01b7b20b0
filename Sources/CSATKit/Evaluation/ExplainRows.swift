/// `explain change`: one row per segment with its shares, rates and effects, then a `total`
/// row. See `ChangeDecomposition` for the arithmetic and README.md for the columns.
extension Evaluator {
  /// The segments of an `explain change`, their figures written with `places` decimals in
  /// CSV and JSON (the terminal and Markdown show one).
  ///
  /// Shares, rate effects and mix effects are rounded so that, as shown, the shares add up
  /// to 100, and the effects to the total row's, which add up to the total change: each
  /// lies within one unit of the last decimal of its exact value.
  public func run(_ explain: BoundExplain, places: Int) -> ResultTable {
    let query = BoundQuery(
      metrics: [explain.metric], groupings: explain.groupings, condition: explain.condition,
      window: explain.window, having: nil, order: [], rank: nil, limit: nil,
      baseline: .window(explain.earlier), confidence: .ninetyFive, minimumN: 0, columns: [],
      repeats: explain.repeats)
    // Segments without respondents in either window add nothing: they are left out.
    let rows = comparedRows(query, window: explain.window, earlier: explain.earlier).filter {
      $0.figures[0].n > 0 || ($0.baselines?[0].n ?? 0) > 0
    }
    let decomposition = ChangeDecomposition(
      segments: rows.map { row in
        ChangeDecomposition.Segment(
          earlier: row.baselines?[0].tally ?? .empty, current: row.figures[0].tally ?? .empty)
      })
    let scale = (0..<places).reduce(1) { scale, _ in scale * 10 }
    let segments = decomposition.segments
    let earlierShares = Self.shares(segments.map(\.earlier.n), scale: scale)
    let currentShares = Self.shares(segments.map(\.current.n), scale: scale)
    let effects = Self.effectUnits(decomposition, scale: scale)
    let inUnits = { (units: Int?) in units.map { Cell.figure(.ratio($0, scale)) } ?? .notApplicable
    }

    var table: [[Cell]] = []
    for (index, segment) in segments.enumerated() {
      let rate = effects.map { $0.rate[index] }
      let mix = effects.map { $0.mix[index] }
      let change = effects.map { $0.change[index] }
      table.append(
        rows[index].labels + [
          .integer(segment.earlier.n), .integer(segment.current.n), inUnits(earlierShares[index]),
          inUnits(currentShares[index]), Self.rateCell(segment.earlier),
          Self.rateCell(segment.current), inUnits(rate), inUnits(mix), inUnits(change),
        ])
    }
    let earlier = decomposition.earlierTotal
    let current = decomposition.currentTotal
    let hundred = { (n: Int) in n > 0 ? 100 * scale : nil }
    let labels = [Cell.text("total")] + explain.groupings.dropFirst().map { _ in Cell.text("") }
    table.append(
      labels + [
        .integer(earlier.n), .integer(current.n), inUnits(hundred(earlier.n)),
        inUnits(hundred(current.n)), Self.rateCell(earlier), Self.rateCell(current),
        inUnits(effects?.rateTotal), inUnits(effects?.mixTotal),
        inUnits(effects.map { $0.rateTotal + $0.mixTotal }),
      ])

    let columns =
      explain.groupings.map { ResultColumn(name: $0.name, isNumeric: false) }
      + ExplainLayout.figureColumns(explain.metric.name).map {
        ResultColumn(name: $0, isNumeric: true, places: places)
      }
    var result = ResultTable(
      columns: columns, rows: table,
      caption: caption(explain.window).map {
        [$0, baselineCaption(explain.earlier), explain.repeats?.note].compactMap { $0 }
          .joined(separator: "; ")
      })
    result.notes = Self.explainNotes(decomposition, explained: effects != nil)
    return result
  }

  /// A tally's figure in percent, n/a without respondents.
  private static func rateCell(_ tally: Tally) -> Cell {
    guard tally.n > 0 else { return .notApplicable }
    return .figure(.ratio(100 * (tally.hits - tally.detractors), tally.n))
  }

  /// Each segment's share of the respondents, in units of 1/`scale` percent adding up to
  /// 100; nil for every segment when the window has no respondents.
  private static func shares(_ counts: [Int], scale: Int) -> [Int?] {
    let total = counts.reduce(0, +)
    guard total > 0 else { return counts.map { _ in nil } }
    let exact = counts.map { 100 * Double($0) / Double(total) }
    return ChangeDecomposition.apportioned(exact, scale: scale, total: 100 * scale)
  }

  /// The effects in units of 1/`scale` point: first the total change split between all
  /// rate effects and all mix effects, then each of those split between the segments. Each
  /// segment's change is its own exact change rounded to the nearest unit.
  private static func effectUnits(
    _ decomposition: ChangeDecomposition, scale: Int
  ) -> (rate: [Int], mix: [Int], change: [Int], rateTotal: Int, mixTotal: Int)? {
    guard let effects = decomposition.effects(),
      let total = decomposition.totalChange(scale: scale)
    else { return nil }
    let rates = effects.map(\.rate)
    let mixes = effects.map(\.mix)
    let sums = ChangeDecomposition.apportioned(
      [rates.reduce(0, +), mixes.reduce(0, +)], scale: scale, total: total)
    return (
      ChangeDecomposition.apportioned(rates, scale: scale, total: sums[0]),
      ChangeDecomposition.apportioned(mixes, scale: scale, total: sums[1]),
      effects.map { Figure.roundedHalfAway($0.change * Double(scale)) },
      sums[0], sums[1]
    )
  }

  /// What the terminal table says under an `explain change`.
  private static func explainNotes(
    _ decomposition: ChangeDecomposition, explained: Bool
  ) -> [String] {
    guard explained else {
      return [
        "a window has no respondents, so there are no shares and the change cannot be split"
      ]
    }
    var notes = [
      "share, rates: %; rate_effect = rate change × average share, mix_effect = share change"
        + " × average rate, in points; they add up to the total change"
    ]
    let oneSided = decomposition.segments.contains { ($0.earlier.n == 0) != ($0.current.n == 0) }
    if oneSided {
      notes.append(
        "a segment with no respondents in one window takes there its rate in the other: its"
          + " whole contribution is mix_effect")
    }
    return notes
  }
}
