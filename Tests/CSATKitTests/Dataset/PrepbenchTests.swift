import Foundation
import Testing

@testable import CSATKit

/// The public survey exports in `../shared/data/prepbench`, next to the package root.
enum Prepbench {
  /// The package root: three folders above this file (Tests/CSATKitTests/Dataset).
  static let folder: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("shared/data/prepbench")

  static var isPresent: Bool {
    let present = FileManager.default.fileExists(
      atPath: folder.appendingPathComponent("README.md").path)
    if !present {
      print("skipped: the prepbench tests need \(folder.path), which is absent")
    }
    return present
  }

  static func path(_ name: String) -> String {
    folder.appendingPathComponent(name).path
  }
}

// These tests read real exports kept outside the package; without the folder they are
// skipped (the trait disables them and `isPresent` prints why).
@Suite("prepbench exports", .enabled(if: Prepbench.isPresent))
struct PrepbenchTests {
  @Test func eventSurvey() throws {
    let result = try DatasetLoader.load(
      paths: [Prepbench.path("event_survey.csv")], options: LoadOptions())
    let dataset = result.dataset
    // Counted with Python's csv module: 40 records, the header and 39 responses.
    #expect(dataset.rowCount == 39)
    #expect(dataset.columns.count == 11)
    #expect(dataset.roles.nps == 1)
    #expect(dataset.columns[1].name == "On a scale of 0-10, how would you rate Sudzilla?")
    #expect(dataset.roles.csat == nil)
    #expect(dataset.roles.time == 0)
    // 11/1/2019 8:51:12 is month first: 1 November 2019. 2019-01-01 is day 17,897
    // (49 × 365 + 12 leap days), November adds 304: 18,201 × 86,400 + 31,872 s.
    #expect(try dataset.timestamps("Timestamp")[0] == 1_572_598_272_000)
    // Every date is 11/1…11/4, so the order is ambiguous and the column says so.
    #expect(result.warnings.count == 1)
    #expect(result.warnings.first?.message.contains("'Timestamp'") == true)
  }

  @Test func eventSurveyISO() throws {
    let result = try DatasetLoader.load(
      paths: [Prepbench.path("event_survey_iso.csv")], options: LoadOptions())
    #expect(result.dataset.rowCount == 39)
    #expect(try result.dataset.timestamps("Timestamp")[0] == 1_572_598_272_402)
    #expect(result.warnings.isEmpty)
  }

  @Test func airlinesAppended() throws {
    let paths = [Prepbench.path("airlines_nps.csv"), Prepbench.path("prep_air_nps.csv")]
    let dataset = try DatasetLoader.load(paths: paths, options: LoadOptions()).dataset
    // 5,723 + 184 = 5,907 responses (README, and Python's csv module).
    #expect(dataset.rowCount == 5_907)
    #expect(dataset.roles.nps == 2)
    #expect(dataset.columns[2].name == "How likely are you to recommend this airline?")
    // 98 airlines in the first file plus Prep Air.
    #expect(try dataset.column("Airline").summary.distinctCount == 99)
    #expect(try dataset.texts("Airline")[0] == "Schmeler, Schimmel and Collier")
  }

  @Test func storeWithByteOrderMarkAndDayFirstDates() throws {
    let result = try DatasetLoader.load(
      paths: [Prepbench.path("store_nps_bom.csv")], options: LoadOptions())
    let dataset = result.dataset
    #expect(dataset.rowCount == 24)
    // The byte-order mark is not part of the first name.
    #expect(dataset.columns[0].name == "Country")
    #expect(dataset.roles.nps == 5)
    #expect(dataset.columns[5].name.hasPrefix("Would you recommend"))
    #expect(dataset.roles.time == 3)
    // 05/01/2020 13:03:00 is 5 January 2020 (19/01/2020 elsewhere makes it day first):
    // day 18,262 + 4 = 18,266, plus 13:03 = 46,980 s.
    #expect(try dataset.timestamps("Completion Date")[0] == (18_266 * 86_400 + 46_980) * 1000)
    #expect(result.warnings.isEmpty)
  }

  @Test func summaryOfTheStoreExport() throws {
    var result = try DatasetLoader.load(
      paths: [Prepbench.path("store_nps_bom.csv")], options: LoadOptions())
    result.seconds = 0.25
    let summary = LoadSummary.render(result, timeZone: .utcZone)
    let lines = summary.split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines[0] == "loaded 24 rows from \(Prepbench.path("store_nps_bom.csv")) in 0.25 s")
    #expect(lines[1].hasPrefix("columns: Country text (4 values), Store text (9 values)"))
    #expect(lines[1].contains("Completion Date timestamp (time)"))
    // The earliest date is 08/01/2016 and the latest 24/01/2020, read day first.
    #expect(lines[2] == "responses from 2016-01-08 to 2020-01-24 (UTC)")
  }
}
