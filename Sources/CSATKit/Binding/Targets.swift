/// Targets: the figure a metric should reach, the defaults csat starts with, and the bands
/// an NPS falls in. README.md, "Targets", states the rules.

/// Which way a metric improves: its target is met at or above the number, or at or below.
public enum TargetDirection: Sendable, Equatable {
  case atLeast
  case atMost

  /// `>=` or `<=`.
  public var symbol: String { self == .atLeast ? ">=" : "<=" }

  /// The direction of a metric named `name` as written; nil for those that take no target.
  static func of(metricName name: String) -> TargetDirection? {
    switch name.lowercased() {
    case "csat", "nps", "promoters", "followup": .atLeast
    case "dsat", "detractors": .atMost
    default: nil
    }
  }

  /// The direction of a metric that takes a target; nil for those that take none.
  static func of(_ kind: MetricKind) -> TargetDirection? {
    switch kind {
    case .csat, .nps, .promoters, .followUp: .atLeast
    case .dsat, .detractors: .atMost
    default: nil
    }
  }
}

/// The target a query's metric is measured against: the metric's target without a condition.
public struct MetricTarget: Sendable, Equatable {
  public var threshold: Double
  public var direction: TargetDirection
}

/// One target, as written after `.target` and parsed.
public struct Target: Sendable, Equatable {
  /// The text after `.target`, e.g. `csat 90 where interaction_type = "support"`.
  public var text: String
  public var syntax: TargetSyntax
  /// Whether csat set it by itself (see `TargetList.defaults`).
  public var isDefault: Bool

  /// Reads a target; throws the parser's error, with ranges in `text`.
  public static func parse(_ text: String, isDefault: Bool = false) throws -> Target {
    Target(text: text, syntax: try Parser.parseTarget(text), isDefault: isDefault)
  }

  /// Targets with the same key replace each other: the metric as written and the condition,
  /// in lower case with runs of white space made one.
  var key: String {
    let metric = syntax.metric
    var key = metric.name.name.lowercased()
    if let argument = metric.argument { key += "(" + argument.name.lowercased() + ")" }
    if let condition = syntax.condition { key += " where " + slice(condition.range) }
    return key.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// The condition as written, if there is one.
  var conditionText: String? {
    syntax.condition.map { slice($0.range) }
  }

  private func slice(_ range: SourceRange) -> String {
    let bytes = Array(text.utf8)
    let start = max(0, min(range.start, bytes.count))
    return String(decoding: bytes[start..<max(start, min(range.end, bytes.count))], as: UTF8.self)
  }
}

/// The targets set with `.target`, laid over the defaults.
public struct TargetList: Sendable, Equatable {
  /// What `.target` set, in order; `off` entries remove a target.
  public private(set) var changes: [Target] = []

  public init() {}

  /// Sets a target, replacing one with the same metric and condition.
  public mutating func apply(_ target: Target) {
    changes.removeAll { $0.key == target.key }
    changes.append(target)
  }

  /// Back to the defaults.
  public mutating func reset() {
    changes = []
  }

  /// The targets in force on a dataset: the defaults, then what was set, in order.
  public func effective(for dataset: Dataset?) -> [Target] {
    var targets = Self.defaults(for: dataset)
    for change in changes {
      targets.removeAll { $0.key == change.key }
      if change.syntax.threshold != nil { targets.append(change) }
    }
    return targets
  }

  /// CSAT 80; and CSAT 90 on support interactions, when the data has an interaction-type
  /// column: rows whose value contains `support` in any case.
  static func defaults(for dataset: Dataset?) -> [Target] {
    var texts = ["csat 80"]
    if let dataset, let column = interactionColumn(in: dataset) {
      texts.append("csat 90 where \(Binder.quotedIfNeeded(column)) contains \"support\"")
    }
    return texts.compactMap { try? Target.parse($0, isDefault: true) }
  }

  /// The text column named like `interaction_type`, `interaction` or `type of interaction`
  /// (letters compared in lower case, everything else ignored).
  static func interactionColumn(in dataset: Dataset) -> String? {
    let names = ["interactiontype", "interaction", "typeofinteraction"]
    return dataset.columns.first { column in
      guard column.type == .text else { return false }
      let letters = column.name.lowercased().filter { $0.isLetter }
      return names.contains(letters)
    }?.name
  }
}

/// The band an NPS falls in: below 0 poor, 0 up to 30 fair, 30 to 70 good (both included),
/// above 70 excellent.
public enum NPSBand: String, Sendable, Equatable {
  case poor, fair, good, excellent

  /// The band of the NPS `numerator / denominator`, compared exactly; `denominator` > 0.
  static func of(numerator: Int, denominator: Int) -> NPSBand {
    if numerator < 0 { return .poor }
    if numerator < 30 * denominator { return .fair }
    if numerator <= 70 * denominator { return .good }
    return .excellent
  }
}
