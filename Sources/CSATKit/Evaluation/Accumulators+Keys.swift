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
    let rows = catalog.dataset.rowCount
    guard case .boolean(let flags) = catalog.dataset.columns[flag].data,
      let scores = catalog.scores[score]
    else {
      let values = ColumnValues<Int8>(count: rows) {
        $0.initialize(repeating: ScoreCodes.missing, count: rows)
      }
      return ScoreCodes(values: values, range: 0...1)
    }
    let values = ColumnValues<Int8>(count: rows) { values in
      for row in 0..<rows {
        let code = scores.values[row]
        let followed = flags.values[row]
        let counted =
          code != ScoreCodes.missing && negative.contains(Int(code))
          && followed != BooleanColumn.missing
        values[row] = counted ? Int8(followed) : ScoreCodes.missing
      }
    }
    return ScoreCodes(values: values, range: 0...1)
  }
}
