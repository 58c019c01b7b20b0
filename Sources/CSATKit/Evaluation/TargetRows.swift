/// Targets and checks: one figure per target or check, compared with its number.

extension MetricFigure {
  /// Whether the figure meets a target, compared before rounding; nil without respondents.
  func meets(_ target: MetricTarget) -> Bool? {
    guard let percent else { return nil }
    let scaled = target.threshold * Double(percent.denominator)
    switch target.direction {
    case .atLeast: return Double(percent.numerator) >= scaled
    case .atMost: return Double(percent.numerator) <= scaled
    }
  }

  /// By how many points the figure beats (positive) or falls short of (negative) a target;
  /// n/a without respondents.
  func gap(to target: MetricTarget) -> Cell {
    guard let percent else { return .notApplicable }
    let sign = target.direction == .atLeast ? 1 : -1
    let tenths = target.threshold * 10
    // A target in tenths keeps the gap an exact ratio: a/n − t/10 = (10a − t·n) / 10n.
    if tenths == tenths.rounded(), abs(tenths) < 1e9 {
      let numerator = 10 * percent.numerator - Int(tenths) * percent.denominator
      return .figure(.ratio(sign * numerator, 10 * percent.denominator))
    }
    let value = Double(percent.numerator) / Double(percent.denominator) - target.threshold
    return .figure(.real(Double(sign) * value))
  }

  /// The band of an NPS figure; nil for other metrics and without respondents.
  var band: NPSBand? {
    guard kind == .nps, let percent else { return nil }
    return NPSBand.of(numerator: percent.numerator, denominator: percent.denominator)
  }
}

/// What a `check` found: whether it holds, the line a terminal shows, and the same as a table.
public struct CheckResult: Sendable, Equatable {
  public var holds: Bool
  public var line: String
  public var table: ResultTable
}

extension Evaluator {
  /// The figure of one metric over the rows in `window` that meet `condition`.
  func figure(
    of metric: BoundMetric, condition: BoundCondition?, window: ResolvedWindow?,
    repeats: BoundRepeats?
  ) -> MetricFigure {
    let query = BoundQuery(
      metrics: [metric], groupings: [], condition: condition, window: window, having: nil,
      order: [], rank: nil, limit: nil, baseline: nil, confidence: .ninetyFive, minimumN: 0,
      columns: [], repeats: repeats)
    return groupedRows(query).first?.figures.first
      ?? MetricFigure(kind: metric.kind, n: 0, tally: nil)
  }

  /// `targets`: one row per target with its figure, n, whether it is met and the gap, and
  /// the band of NPS.
  public func run(_ statement: BoundTargets) -> ResultTable {
    var rows: [[Cell]] = []
    for target in statement.targets {
      let both: BoundCondition?
      switch (statement.condition, target.condition) {
      case (let left?, let right?): both = .and(left, right)
      case (let left, let right): both = left ?? right
      }
      let figure = self.figure(
        of: target.metric, condition: both, window: statement.window,
        repeats: statement.repeats)
      let goal = target.target
      rows.append([
        .text(target.metric.name), .text(target.conditionText ?? ""),
        .text(goal.direction.symbol + " " + Self.numberText(goal.threshold)), .integer(figure.n),
        figure.value, figure.meets(goal).map { .boolean($0) } ?? .notApplicable,
        figure.gap(to: goal), .text(figure.band?.rawValue ?? ""),
      ])
    }
    if let band = statement.band {
      let figure = self.figure(
        of: band, condition: statement.condition, window: statement.window,
        repeats: statement.repeats)
      rows.append([
        .text(band.name), .text(""), .text(""), .integer(figure.n), figure.value, .text(""),
        .text(""), figure.band.map { .text($0.rawValue) } ?? .notApplicable,
      ])
    }
    let columns = [
      ResultColumn(name: "metric", isNumeric: false),
      ResultColumn(name: "where", isNumeric: false),
      ResultColumn(name: "target", isNumeric: false),
      ResultColumn(name: "n", isNumeric: true),
      ResultColumn(name: "value", isNumeric: true),
      ResultColumn(name: "met", isNumeric: false, role: .verdict),
      ResultColumn(name: "gap", isNumeric: true),
      ResultColumn(name: "band", isNumeric: false),
    ]
    return ResultTable(
      columns: columns, rows: rows,
      caption: caption(statement.window, repeats: statement.repeats))
  }

  /// `check`: whether the figure stands in the relation to the number, compared before
  /// rounding; a figure without respondents fails.
  public func run(_ check: BoundCheck) -> CheckResult {
    let figure = self.figure(
      of: check.metric, condition: check.condition, window: check.window,
      repeats: check.repeats)
    let value = figure.value
    let exact: (numerator: Double, denominator: Double)?
    switch value {
    case .figure(.ratio(let numerator, let denominator)) where denominator > 0:
      exact = (Double(numerator), Double(denominator))
    case .figure(.real(let real)) where real.isFinite: exact = (real, 1)
    case .integer(let count): exact = (Double(count), 1)
    default: exact = nil
    }
    let holds =
      exact.map {
        Self.compare($0.numerator, check.comparison, check.threshold * $0.denominator)
      } ?? false
    var context = ["n = \(figure.n)"]
    if let condition = check.conditionText { context.append("where " + condition) }
    if let window = check.windowText { context.append(window) }
    if let repeats = check.repeats { context.append(repeats.note) }
    let line =
      (holds ? "ok: " : "failed: ")
      + "\(check.metricText) \(CellText.display(value)) \(check.comparison.rawValue) "
      + "\(check.thresholdText) (\(context.joined(separator: ", ")))"
    let table = ResultTable(
      columns: [
        ResultColumn(name: "check", isNumeric: false),
        ResultColumn(name: "result", isNumeric: false),
        ResultColumn(name: "n", isNumeric: true),
        ResultColumn(name: "value", isNumeric: true),
      ],
      rows: [[.text(check.text), .text(holds ? "ok" : "failed"), .integer(figure.n), value]],
      caption: caption(check.window, repeats: check.repeats))
    return CheckResult(holds: holds, line: line, table: table)
  }
}
