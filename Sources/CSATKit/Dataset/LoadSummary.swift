import Foundation

/// The few lines printed to stderr after a load.
///
/// ```
/// loaded 3,000 rows from responses.csv in 0.02 s
/// columns: response_id number, responded_at timestamp (time), csat_score number (csat, 1–5),
///   rep text (200 values), followed_up boolean (follow-up)
/// responses from 2024-12-01 to 2026-11-30 (UTC)
/// ```
/// (the columns stay on one line). The date line is left out without a time column or
/// without any time in it. Warnings are not part of it: print each ``LoadWarning`` apart.
public enum LoadSummary {
  /// `scale` gives a score column's scale (``Catalog/scale(ofColumn:)``); without it the
  /// smallest standard scale holding every answer is shown.
  public static func render(
    _ result: LoadResult, timeZone: TimeZone, scale: ((Int) -> ClosedRange<Int>?)? = nil
  ) -> String {
    let dataset = result.dataset
    let files =
      dataset.sources.count == 1
      ? dataset.sources[0]
      : "\(dataset.sources.count) files (\(dataset.sources.joined(separator: ", ")))"
    let rows = dataset.rowCount == 1 ? "1 row" : "\(groupedDigits(dataset.rowCount)) rows"
    var lines = ["loaded \(rows) from \(files) in \(String(format: "%.2f", result.seconds)) s"]

    let summaries = summaries(of: result)
    let described = dataset.columns.indices.map {
      describe(column: $0, in: dataset, summary: summaries[$0], scale: scale?($0))
    }
    if !described.isEmpty { lines.append("columns: " + described.joined(separator: ", ")) }

    if let time = dataset.roles.time, case let summary = summaries[time],
      let earliest = summary.earliest, let latest = summary.latest
    {
      let first = dateText(earliest, timeZone)
      let last = dateText(latest, timeZone)
      lines.append("responses from \(first) to \(last) (\(timeZone.displayName))")
    }
    return lines.joined(separator: "\n")
  }

  /// The summaries the load left in `result`, or new ones when they do not fit its dataset.
  private static func summaries(of result: LoadResult) -> [ColumnSummary] {
    let columns = result.dataset.columns
    let fits =
      result.summaries.count == columns.count
      && zip(result.summaries, columns).allSatisfy {
        $0.type == $1.type && $0.presentCount + $0.missingCount == $1.count
      }
    return fits ? result.summaries : columns.map(\.summary)
  }

  /// `name type`, then the role and scale or the number of distinct values in brackets.
  static func describe(column: Int, in dataset: Dataset) -> String {
    describe(column: column, in: dataset, summary: dataset.columns[column].summary, scale: nil)
  }

  /// ``describe(column:in:)`` with the column's summary at hand.
  private static func describe(
    column: Int, in dataset: Dataset, summary: ColumnSummary, scale: ClosedRange<Int>?
  ) -> String {
    let target = dataset.columns[column]
    let roles = Role.allCases.filter { dataset.roles[$0] == column }
    var notes: [String] = roles.map(\.rawValue)
    switch target.type {
    case .number where roles.contains(.nps):
      notes.append("0–10")
    case .number where roles.contains(.csat):
      if let scale = scale ?? summary.likelyScale {
        notes.append("\(scale.lowerBound)–\(scale.upperBound)")
      }
    case .text:
      if let count = summary.distinctCount {
        notes.append(count == 1 ? "1 value" : "\(groupedDigits(count)) values")
      } else {
        notes.append(
          "over \(groupedDigits(PlainText.distinctValuesForPlain)) values, not yet counted")
      }
    default:
      break
    }
    let suffix = notes.isEmpty ? "" : " (\(notes.joined(separator: ", ")))"
    return "\(target.name) \(target.type.rawValue)\(suffix)"
  }

  /// The local date of an instant in `timeZone`, as `YYYY-MM-DD`.
  static func dateText(_ milliseconds: Int64, _ timeZone: TimeZone) -> String {
    let seconds = CivilTime.floorDivide(milliseconds, 1000)
    let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
    let days = CivilTime.floorDivide(seconds + Int64(offset), 86_400)
    let (year, month, day) = CivilTime.date(fromDays: days)
    return String(format: "%04d-%02d-%02d", year, month, day)
  }

  /// `1234567` as `1,234,567`.
  static func groupedDigits(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var grouped = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
      grouped.append(digit)
    }
    return value < 0 ? "-" + grouped : grouped
  }
}
