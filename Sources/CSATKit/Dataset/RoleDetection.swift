/// A part a column can play in the analysis.
public enum Role: String, Sendable, CaseIterable {
  case csat, nps, time
  case followUp = "follow-up"

  /// The column type the role needs.
  public var requiredType: ColumnType {
    switch self {
    case .csat, .nps: .number
    case .time: .timestamp
    case .followUp: .boolean
    }
  }
}

extension Roles {
  /// The column playing `role`.
  public subscript(role: Role) -> Int? {
    get {
      switch role {
      case .csat: csat
      case .nps: nps
      case .time: time
      case .followUp: followUp
      }
    }
    set {
      switch role {
      case .csat: csat = newValue
      case .nps: nps = newValue
      case .time: time = newValue
      case .followUp: followUp = newValue
      }
    }
  }
}

/// Finds the columns that play each role, from their names and values.
///
/// Names are compared as lower-case words of letters and digits, so `CSAT_Score`,
/// `csat score` and `CSAT-Score` read alike. In order:
/// - nps: whole numbers within 0–10; a name about recommending (`nps…`, `recommend`, `ltr`)
///   wins over a question that only says `0-10`; the first column among equals.
/// - csat: whole numbers within 0–10 reaching at least 3, not the nps column and not named
///   about recommending; `csat…`/`satisf…` beats `rating`, which beats `score`.
///
/// "Whole numbers within 0–10" allows the stray answers the score scales leave out: of 200
/// answers or more, at most one in 200 may be a fraction or lie outside 0–10.
/// - time: a timestamp column, preferring names about dates and times, else the first one.
/// - followUp: a boolean column named like `followed_up`, `follow-up` or `followup`.
public enum RoleDetection {
  /// The roles of `dataset`; roles set in `fixed` are kept and their columns taken.
  public static func detect(in dataset: Dataset, fixed: Roles = Roles()) -> Roles {
    detect(in: dataset, fixed: fixed, summaries: dataset.columns.map { ColumnSummary($0) })
  }

  /// ``detect(in:fixed:)`` with each column's summary already at hand.
  static func detect(in dataset: Dataset, fixed: Roles, summaries: [ColumnSummary]) -> Roles {
    var roles = fixed
    let names = dataset.columns.map { NameWords($0.name) }
    var taken = Set([fixed.csat, fixed.nps, fixed.time, fixed.followUp].compactMap { $0 })

    func best(_ score: (Int) -> Int) -> Int? {
      var choice: (column: Int, score: Int)?
      for column in dataset.columns.indices where !taken.contains(column) {
        let value = score(column)
        if value > 0 && value > (choice?.score ?? 0) { choice = (column, value) }
      }
      return choice?.column
    }
    // The highest score answer of each number column that holds scores (strays allowed).
    let highestScores = dataset.columns.indices.map { column -> Int? in
      let summary = summaries[column]
      guard summary.type == .number, let low = summary.minimum, let high = summary.maximum,
        case .number(let numbers) = dataset.columns[column].data
      else { return nil }
      if summary.allIntegers && low >= 0 && high <= 10 { return Int(high) }
      return ColumnSummary.scoreAnswers(numbers)?.range.upperBound
    }
    func isZeroToTen(_ column: Int) -> Bool { highestScores[column] != nil }
    func reachesThree(_ column: Int) -> Bool { (highestScores[column] ?? 0) >= 3 }

    if roles.nps == nil {
      roles.nps = best { column in
        guard isZeroToTen(column) else { return 0 }
        if names[column].aboutRecommending { return 2 }
        return names[column].saysZeroToTen ? 1 : 0
      }
      if let nps = roles.nps { taken.insert(nps) }
    }
    if roles.csat == nil {
      roles.csat = best { column in
        guard isZeroToTen(column), reachesThree(column),
          !names[column].aboutRecommending
        else { return 0 }
        return names[column].satisfactionScore
      }
      if let csat = roles.csat { taken.insert(csat) }
    }
    if roles.time == nil {
      roles.time = best { column in
        guard summaries[column].type == .timestamp else { return 0 }
        return names[column].aboutTime ? 2 : 1
      }
      if let time = roles.time { taken.insert(time) }
    }
    if roles.followUp == nil {
      roles.followUp = best { column in
        summaries[column].type == .boolean && names[column].aboutFollowUp ? 1 : 0
      }
    }
    return roles
  }
}

/// A column name as lower-case words of letters and digits, for matching role names.
struct NameWords {
  let words: [String]
  /// The words run together: `CSAT Score` gives `csatscore`.
  let joined: String

  init(_ name: String) {
    var words: [String] = []
    var current = ""
    for character in name.lowercased() {
      if character.isLetter || character.isNumber {
        current.append(character)
      } else if !current.isEmpty {
        words.append(current)
        current = ""
      }
    }
    if !current.isEmpty { words.append(current) }
    self.words = words
    joined = words.joined()
  }

  var aboutRecommending: Bool {
    joined.contains("recommend") || words.contains { $0.hasPrefix("nps") || $0 == "ltr" }
  }

  /// Whether the name mentions a 0-10 scale (`0-10`, `0 – 10`, `0 to 10`).
  var saysZeroToTen: Bool {
    for (index, word) in words.enumerated() where word == "0" {
      let rest = words.dropFirst(index + 1)
      if rest.first == "10" || (rest.first == "to" && rest.dropFirst().first == "10") {
        return true
      }
    }
    return false
  }

  /// 3 for csat or satisfaction, 2 for rating, 1 for score, 0 otherwise.
  var satisfactionScore: Int {
    if joined.contains("csat") || joined.contains("satisf") { return 3 }
    if words.contains(where: { $0.hasPrefix("rating") }) || joined.hasSuffix("rating") {
      return 2
    }
    return words.contains("score") || joined.hasSuffix("score") ? 1 : 0
  }

  var aboutTime: Bool {
    let hints = ["respond", "submit", "created", "date", "timestamp", "time", "complet", "when"]
    return hints.contains { joined.contains($0) } || words.contains("at")
  }

  var aboutFollowUp: Bool {
    joined.contains("followup") || joined.contains("followedup")
  }
}
