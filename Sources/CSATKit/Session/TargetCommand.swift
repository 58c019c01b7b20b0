import Foundation

// MARK: - `.target`

extension Session {
  /// `.target` lists the targets; `.target csat 85 [where ...]` sets one, `.target csat off
  /// [where ...]` removes one, `.target reset` goes back to the defaults.
  func runTargetCommand(_ statement: ScriptStatement, inputName: String) -> StatementOutcome {
    // The text after the command word, and where it starts, so that errors point into it.
    let bytes = Array(statement.text.utf8)
    var start = 0
    while start < bytes.count && Self.isBlank(bytes[start]) { start += 1 }
    while start < bytes.count && !Self.isBlank(bytes[start]) { start += 1 }
    while start < bytes.count && Self.isBlank(bytes[start]) { start += 1 }
    let text = String(decoding: bytes[start...], as: UTF8.self)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    if text.isEmpty {
      render(targetTable())
      return .success
    }
    if text.lowercased() == "reset" {
      settings.targets.reset()
      return .success
    }
    do {
      let target = try Target.parse(text)
      let name = target.syntax.metric.name
      guard TargetDirection.of(metricName: name.name) != nil else {
        throw Binder.takesNoTarget(target.syntax.metric)
      }
      // With data loaded, the target must bind to it now rather than at 'targets'.
      if let catalog, target.syntax.threshold != nil {
        var binder = Binder(catalog: catalog, settings: settings, source: text, clock: clock())
        _ = try binder.bind(target: target)
        for warning in binder.warnings { report(warning, statement, inputName) }
      }
      settings.targets.apply(target)
      return .success
    } catch let error as QueryError {
      for diagnostic in error.diagnostics {
        var moved = diagnostic
        moved.range = diagnostic.range.map { SourceRange($0.start + start, $0.end + start) }
        report(moved, statement, inputName)
      }
      return .failure
    } catch {
      report(.error("\(error)"), statement, inputName)
      return .failure
    }
  }

  private static func isBlank(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
  }

  /// The targets in force: metric, condition, target, and whether csat set it by default.
  private func targetTable() -> ResultTable {
    let rows = settings.targets.effective(for: catalog?.dataset).map { target -> [Cell] in
      let metric = target.syntax.metric
      let direction = TargetDirection.of(metricName: metric.name.name) ?? .atLeast
      let number = target.syntax.threshold.map(Evaluator.numberText) ?? ""
      var name = metric.name.name.lowercased()
      if let argument = metric.argument { name += "(\(argument.name))" }
      return [
        .text(name), .text(target.conditionText ?? ""),
        .text(direction.symbol + " " + number), .text(target.isDefault ? "default" : "set"),
      ]
    }
    return ResultTable(
      columns: [
        ResultColumn(name: "metric", isNumeric: false),
        ResultColumn(name: "where", isNumeric: false),
        ResultColumn(name: "target", isNumeric: false),
        ResultColumn(name: "source", isNumeric: false),
      ], rows: rows)
  }
}
