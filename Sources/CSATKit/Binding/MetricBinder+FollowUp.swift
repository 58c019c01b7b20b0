// MARK: - followup

extension Binder {
  /// `followup`: the share of negative responses that were followed up. Negative means an
  /// NPS detractor (0–6) when the data has an NPS column on a 0–10 scale, else a CSAT score
  /// at the bottom two points of its scale. Only responses with a follow-up flag count.
  mutating func bindFollowUp(_ metric: MetricSyntax, name: String) throws -> BoundMetric {
    let roles = catalog.dataset.roles
    let flag: Int
    if let argument = metric.argument {
      flag = try field(argument)
      guard catalog.dataset.columns[flag].type == .boolean else {
        let column = catalog.dataset.columns[flag]
        throw QueryError(
          .error(
            "followup needs a true/false follow-up field, but '\(column.name)' is "
              + column.type.rawValue, at: argument.range))
      }
    } else if let role = roles.followUp {
      flag = role
    } else {
      throw QueryError(
        .error(
          "followup needs a follow-up column (true/false), and this data has none",
          at: metric.name.range,
          notes: [
            "name one with '.set followup COLUMN' or in the query: followup(`Column Name`)"
          ]))
    }
    if let nps = roles.nps, let range = catalog.answerRange(ofColumn: nps), range.lowerBound >= 0,
      range.upperBound <= 10, range.upperBound > 5
    {
      return BoundMetric(
        kind: .followUp(scoreColumn: nps, negative: 0...6), column: flag, name: name)
    }
    if let csat = roles.csat, let scale = catalog.scale(ofColumn: csat) {
      return BoundMetric(
        kind: .followUp(scoreColumn: csat, negative: scale.low...scale.low + 1), column: flag,
        name: name)
    }
    throw QueryError(
      .error(
        "followup needs an NPS or CSAT column to tell negative responses, and this data has "
          + "neither", at: metric.name.range,
        notes: ["name one with '.set nps COLUMN' or '.set csat COLUMN'"]))
  }
}
