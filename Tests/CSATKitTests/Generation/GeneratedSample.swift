@testable import CSATKit

/// Generated exports shared by the generator tests, parsed with the test's own CSV reader.
struct GeneratedSample {
  static let columnNames = [
    "response_id", "responded_at", "customer_id", "customer_type", "region", "country",
    "product", "interaction_type", "channel", "rep", "csat_score", "nps_score",
    "response_time_minutes", "followed_up", "comment",
  ]

  /// 20 000 rows over the default two years.
  static let twoYears = GeneratedSample(rows: 20_000, seed: 7)
  /// 20 000 rows over the 60 days that end 2026-11-30, to see the incident closely.
  static let lastSixtyDays = GeneratedSample(rows: 20_000, seed: 11, days: 60)

  let bytes: [UInt8]
  let header: [String]
  let rows: [[String]]

  init(rows: Int, seed: UInt64, days: Int = 730, threads: Int = 1, chunkRows: Int? = nil) {
    let options = GeneratorOptions(rows: rows, seed: seed, days: days, threads: threads)
    bytes = GeneratedSample.generate(options, chunkRows: chunkRows)
    // The reader is tested on its own; a failure here shows up as missing rows below.
    let records = (try? CSVTestReader.records(bytes)) ?? []
    header = records.first ?? []
    self.rows = Array(records.dropFirst())
  }

  /// The bytes for `options`; empty when the options are refused.
  static func generate(_ options: GeneratorOptions, chunkRows: Int? = nil) -> [UInt8] {
    let generator = try? ResponseGenerator(
      options: options, chunkRows: chunkRows ?? ResponseGenerator.defaultChunkRows)
    return generator?.makeCSV() ?? []
  }

  /// The values of one column, in row order.
  func column(_ name: String) -> [String] {
    guard let index = header.firstIndex(of: name) else { return [] }
    return rows.map { $0[index] }
  }

  /// Rows whose `name` column satisfies `matches`.
  func rows(where name: String, _ matches: (String) -> Bool) -> [[String]] {
    guard let index = header.firstIndex(of: name) else { return [] }
    return rows.filter { matches($0[index]) }
  }

  /// The share of answered CSAT scores that are 4 or 5, in percent.
  func csatPercent(_ selection: [[String]]) -> Double {
    guard let index = header.firstIndex(of: "csat_score") else { return .nan }
    let answered = selection.compactMap { Int($0[index]) }
    return 100 * Double(answered.filter { $0 >= 4 }.count) / Double(answered.count)
  }

  /// Promoters (9–10) minus detractors (0–6), in percent of answered NPS scores.
  func netPromoterScore(_ selection: [[String]]) -> Double {
    guard let index = header.firstIndex(of: "nps_score") else { return .nan }
    let answered = selection.compactMap { Int($0[index]) }
    let promoters = answered.filter { $0 >= 9 }.count
    let detractors = answered.filter { $0 <= 6 }.count
    return 100 * Double(promoters - detractors) / Double(answered.count)
  }
}
