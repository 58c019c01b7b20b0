import Foundation

@testable import CSATKit

/// Output with the confidence-interval, low-n, target and band columns left out, for the
/// tests whose subject is the figures themselves (written before those columns existed).
///
/// The columns left out are those named `low_n`, or ending in `_low`, `_high`, `_low_n`,
/// `_target`, `_met` or `_band`; their values are checked by `StatisticsTests`,
/// `IntervalQueryTests`, `BaselineQueryTests` and `TargetQueryTests`. Handles several CSV results one after another (each header starts a
/// new result) and JSON objects one per line, as the renderers write them; other lines pass
/// through unchanged.
enum FigureColumns {
  static func isStatistic(_ name: String) -> Bool {
    name == "low_n" || name.hasSuffix("_low") || name.hasSuffix("_high")
      || name.hasSuffix("_low_n") || name.hasSuffix("_target") || name.hasSuffix("_met")
      || name.hasSuffix("_band")
  }

  static func removed(from text: String) -> String {
    var kept: [Bool]?
    var lines: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      if line.hasPrefix("  {") || line == "[" || line.hasPrefix("]") {
        kept = nil
        lines.append(withoutJSONMembers(line))
        continue
      }
      guard !line.isEmpty,
        let fields = try? CSVTestReader.records(Array((line + "\n").utf8)).first
      else {
        lines.append(line)
        continue
      }
      if fields.contains(where: isStatistic) || kept?.count != fields.count {
        kept = fields.map { !isStatistic($0) }
      }
      let mask = kept ?? fields.map { _ in true }
      let shown = zip(fields, mask).filter(\.1).map { CSVRenderer.field($0.0) }
      lines.append(shown.joined(separator: ","))
    }
    return lines.joined(separator: "\n")
  }

  /// A JSON object line without its interval and low-n members.
  private static func withoutJSONMembers(_ line: String) -> String {
    let pattern =
      #", "(low_n|[^"]*_low|[^"]*_high|[^"]*_low_n|[^"]*_target|[^"]*_met|[^"]*_band)": "#
      + #"(null|true|false|-?[0-9.]+|"[a-z]+")"#
    guard let expression = try? NSRegularExpression(pattern: pattern) else { return line }
    let range = NSRange(line.startIndex..., in: line)
    return expression.stringByReplacingMatches(in: line, range: range, withTemplate: "")
  }
}
