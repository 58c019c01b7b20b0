// MARK: - Metrics

extension Binder {
  /// Binds one metric of the metric list (grammar.md: `metric`).
  mutating func bind(metric: MetricSyntax) throws -> BoundMetric {
    let keyword = metric.name.name.lowercased()
    let name = metric.alias?.name ?? outputName(metric, keyword: keyword)
    switch keyword {
    case "csat", "dsat":
      let column = try scoreColumn(metric, role: catalog.dataset.roles.csat, roleName: "csat")
      guard let scale = catalog.scale(ofColumn: column) else {
        throw notAScore(metric, column: column)
      }
      checkScaleIsUsed(scale, column: column, metric: metric)
      warnStrays(column: column, metric: metric)
      if keyword == "csat" {
        let from = settings.satisfiedFrom ?? scale.high - 1
        guard from > scale.low && from <= scale.high else {
          throw QueryError(
            .error(
              "'.set satisfied >= \(from)' is outside the \(scale.label) scale of "
                + "'\(catalog.dataset.columns[column].name)'", at: metric.name.range,
              notes: [
                "choose a score from \(scale.low + 1) to \(scale.high), or '.set satisfied default'"
              ]))
        }
        return BoundMetric(kind: .csat(satisfiedFrom: from), column: column, name: name)
      }
      return BoundMetric(kind: .dsat(dissatisfiedTo: scale.low + 1), column: column, name: name)
    case "nps", "promoters", "passives", "detractors":
      let column = try scoreColumn(metric, role: catalog.dataset.roles.nps, roleName: "nps")
      try checkRecommendScale(metric, column: column)
      warnStrays(column: column, metric: metric)
      let kind: MetricKind =
        switch keyword {
        case "nps": .nps
        case "promoters": .promoters
        case "passives": .passives
        default: .detractors
        }
      return BoundMetric(kind: kind, column: column, name: name)
    case "avg":
      guard let argument = metric.argument else {
        throw QueryError(
          .error(
            "'avg' needs a number field, e.g. avg(response_time_minutes)", at: metric.range))
      }
      let column = try field(argument)
      guard catalog.dataset.columns[column].type == .number else {
        throw QueryError(
          .error(
            "avg needs a number field, but '\(catalog.dataset.columns[column].name)' is "
              + catalog.dataset.columns[column].type.rawValue, at: argument.range))
      }
      return BoundMetric(kind: .average, column: column, name: name)
    case "followup", "follow_up", "followed_up":
      return try bindFollowUp(metric, name: name)
    case "count":
      if let argument = metric.argument {
        throw QueryError(
          .error("'count' counts rows and takes no field", at: argument.range))
      }
      return BoundMetric(kind: .count, column: nil, name: name)
    case "distribution":
      return try bindDistribution(metric, name: name)
    default:
      if let percent = try Self.percentile(named: metric) {
        return try bindPercentile(metric, percent: percent, name: name)
      }
      throw unknownMetric(metric)
    }
  }

  /// Warns when a score column's values stop short of the scale read from them, e.g. one 6
  /// in a 1–5 column makes a 1–7 scale whose top point no answer reaches.
  private mutating func checkScaleIsUsed(_ scale: ScoreScale, column: Int, metric: MetricSyntax) {
    guard let range = catalog.scores[column]?.range, range.upperBound < scale.high else { return }
    let name = catalog.dataset.columns[column].name
    let note = "if the scale is wrong, '.set satisfied >= N' sets the lowest satisfied score"
    warnings.append(
      .warning(
        "'\(name)' holds scores from \(range.lowerBound) to \(range.upperBound), read as a "
          + "\(scale.label) scale; check for values outside the survey's scale",
        at: metric.name.range, notes: [note]))
  }

  /// Warns when a column named in the query (not the csat or nps column, whose stray answers
  /// the load reports) has answers outside its scale, which the metric leaves out.
  private mutating func warnStrays(column: Int, metric: MetricSyntax) {
    let roles = catalog.dataset.roles
    guard metric.argument != nil, column != roles.csat, column != roles.nps,
      let text = catalog.fits[column]?.warning(column: catalog.dataset.columns[column].name)
    else { return }
    warnings.append(.warning(text, at: metric.argument?.range ?? metric.name.range))
  }

  private func outputName(_ metric: MetricSyntax, keyword: String) -> String {
    guard let argument = metric.argument else { return keyword }
    return "\(keyword)(\(argument.name))"
  }

  func scoreColumn(_ metric: MetricSyntax, role: Int?, roleName: String) throws -> Int {
    if let argument = metric.argument { return try field(argument) }
    if let role { return role }
    let what = roleName == "csat" ? "satisfaction-score" : "likelihood-to-recommend (NPS)"
    if let (column, example) = textColumnLikeScore(roleName) {
      throw QueryError(
        .error(
          "no \(what) column was found: '\(column)' looks like one but holds text such as "
            + "\"\(example)\"", at: metric.name.range,
          notes: ["a score column must hold only numbers and blanks (NA, N/A, - count as blank)"]))
    }
    throw QueryError(
      .error(
        "no \(what) column was found in this data", at: metric.name.range,
        notes: [
          "name it in the query, e.g. \(roleName)(`Column Name`), or with "
            + "'.set \(roleName) COLUMN' or '--\(roleName)-column COLUMN'"
        ]))
  }

  /// A text column whose name says it holds the score, with a value that is not a number.
  private func textColumnLikeScore(_ roleName: String) -> (String, String)? {
    let words = roleName == "csat" ? ["csat", "satisf", "rating"] : ["nps", "recommend"]
    for column in catalog.dataset.columns {
      let lowered = column.name.lowercased()
      guard words.contains(where: { lowered.contains($0) }), case .text(let text) = column.data
      else { continue }
      let example = text.dictionary.dropFirst().first { Double($0) == nil } ?? ""
      return (column.name, example)
    }
    return nil
  }

  func notAScore(_ metric: MetricSyntax, column: Int) -> QueryError {
    let columnName = catalog.dataset.columns[column].name
    return QueryError(
      .error(
        "'\(columnName)' does not hold whole-number scores, so \(metric.name.name.lowercased()) "
          + "cannot be computed from it", at: metric.argument?.range ?? metric.name.range))
  }

  /// NPS needs 0–10 answers: refuse columns that look like 1–5 satisfaction scores.
  private func checkRecommendScale(_ metric: MetricSyntax, column: Int) throws {
    let columnName = catalog.dataset.columns[column].name
    guard catalog.scores[column] != nil else { throw notAScore(metric, column: column) }
    guard let range = catalog.answerRange(ofColumn: column) else { return }
    if range.lowerBound < 0 || range.upperBound > 10 {
      throw QueryError(
        .error(
          "\(metric.name.name.lowercased()) needs 0–10 likelihood-to-recommend scores, but "
            + "'\(columnName)' holds values from \(range.lowerBound) to \(range.upperBound)",
          at: metric.argument?.range ?? metric.name.range))
    }
    if range.upperBound <= 5 {
      throw QueryError(
        .error(
          "\(metric.name.name.lowercased()) needs 0–10 likelihood-to-recommend scores, but "
            + "'\(columnName)' holds values from \(range.lowerBound) to \(range.upperBound), "
            + "which looks like a satisfaction scale",
          at: metric.argument?.range ?? metric.name.range,
          notes: ["use csat or dsat for satisfaction scores"]))
    }
  }

  private func unknownMetric(_ metric: MetricSyntax) -> QueryError {
    let word = metric.name.name
    let nearest = Suggestions.nearest(to: word, in: Self.metricNames, limit: 1).first
    var notes = ["metrics: " + Self.metricNames.joined(separator: ", ")]
    if catalog.dataset.columnIndex(named: word) != nil {
      notes.insert("'\(word)' is a field: to split results by it, write '... by \(word)'", at: 0)
    }
    return QueryError(
      .error("unknown metric '\(word)'", at: metric.name.range, notes: notes, suggestion: nearest))
  }
}
