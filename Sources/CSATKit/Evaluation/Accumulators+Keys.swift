/// Which histogram a metric reads: a score column's, or the follow-up flag of the negative
/// responses.
enum HistogramKey: Hashable {
  case column(Int)
  /// The flag as 1 (followed up) or 0 (not) on rows whose score in `score` lies in
  /// `negative`; missing on every other row and where the flag is blank.
  case followUp(flag: Int, score: Int, negative: ClosedRange<Int>)
}

extension Accumulators {
  /// The histogram a metric reads; nil for `avg` and `count`, which read none.
  static func key(_ metric: BoundMetric) -> HistogramKey? {
    guard let column = metric.column else { return nil }
    switch metric.kind {
    case .average, .count: return nil
    case .followUp(let score, let negative):
      return .followUp(flag: column, score: score, negative: negative)
    default: return .column(column)
    }
  }

  /// The follow-up flag as a 0–1 score on the negative responses, for counting like scores.
  static func followUpCodes(
    _ catalog: Catalog, flag: Int, score: Int, negative: ClosedRange<Int>
  ) -> ScoreCodes {
    var values = [Int8](repeating: ScoreCodes.missing, count: catalog.dataset.rowCount)
    guard case .boolean(let flags) = catalog.dataset.columns[flag].data,
      let scores = catalog.scores[score]
    else { return ScoreCodes(values: values, range: 0...1) }
    for row in values.indices {
      let code = scores.values[row]
      let followed = flags.values[row]
      guard code != ScoreCodes.missing, negative.contains(Int(code)),
        followed != BooleanColumn.missing
      else { continue }
      values[row] = Int8(followed)
    }
    return ScoreCodes(values: values, range: 0...1)
  }
}
