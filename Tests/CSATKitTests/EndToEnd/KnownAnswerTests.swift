import Foundation
import Testing

/// Real survey exports whose answers are known independently (`prepbench/README.md`: computed
/// in Python from the raw files and consistent with the source project's expected outputs).
///
/// The files live outside the repository, next to the worktrees, in `../shared/data/prepbench`.
/// Where they are absent (a fresh clone, CI) the suite is skipped rather than failed, since
/// nothing is wrong with csat then; the skip is printed by the test runner with its reason.
@Suite(
  .enabled(
    if: FileManager.default.fileExists(atPath: EndToEnd.prepbench + "/README.md"),
    "the prepbench exports are not in ../shared/data/prepbench"))
struct KnownAnswerTests {
  private let recommend = "`On a scale of 0-10, how would you rate Sudzilla?`"

  private func run(_ files: [String], _ statements: [String]) throws -> RunResult {
    let scratch = Scratch()
    defer { scratch.remove() }
    let paths = files.map { EndToEnd.prepbench + "/" + $0 }
    let actions = statements.flatMap { ["-e", $0] }
    return try scratch.run(
      arguments: paths + ["--now", EndToEnd.now, "--format", "csv"] + actions)
  }

  @Test func eventSurveyRecommendQuestion() throws {
    // README: NPS −35.9 over 39 respondents, 8 promoters (20.5 %) and 22 detractors (56.4 %).
    let result = try run(
      ["event_survey.csv"],
      ["nps(\(recommend))", "promoters(\(recommend)) as p, detractors(\(recommend)) as d"])

    #expect(
      result.figures == """
        n,"nps(On a scale of 0-10, how would you rate Sudzilla?)"
        39,-35.9
        p_n,p,d_n,d
        39,20.5,39,56.4

        """)
    #expect(result.status == 0)
  }

  @Test func eventSurveyFindsTheRecommendColumnByItself() throws {
    let result = try run(["event_survey.csv"], ["nps"])

    #expect(result.figures == "n,nps\n39,-35.9\n")
    #expect(result.status == 0)
  }

  @Test func eventSurveyWithIsoTimestampsGivesTheSameAnswer() throws {
    let result = try run(["event_survey_iso.csv"], ["nps(\(recommend)) as nps"])

    #expect(result.figures == "n,nps\n39,-35.9\n")
    #expect(result.status == 0)
  }

  @Test func airlinesLoadedTogether() throws {
    // README: 5,907 responses, NPS 9.3 overall; 99 airlines, 59 with at least 50 answers;
    // Prep Air 21.2 over 184.
    let files = ["airlines_nps.csv", "prep_air_nps.csv"]
    let overall = try run(files, ["nps"])
    let airlines = try run(files, ["count by Airline"])
    let frequent = try run(files, ["nps by Airline having n >= 50"])
    let rows = frequent.figures.split(separator: "\n")

    #expect(overall.figures == "n,nps\n5907,9.3\n")
    #expect(airlines.stdout.split(separator: "\n").count == 1 + 99)
    #expect(rows.first == "Airline,n,nps")
    #expect(rows.count == 1 + 59)
    #expect(rows.contains("Prep Air,184,21.2"))
    #expect(frequent.status == 0)
  }

  @Test func airlineNamesWithCommasStayWhole() throws {
    // Python's csv module counts 65 rows whose Airline starts "Schmeler, Schimmel":
    //   sum(r['Airline'].startswith('Schmeler, Schimmel') for r in csv.DictReader(f))
    let result = try run(
      ["airlines_nps.csv"], ["count where Airline starts with \"Schmeler, Schimmel\""])

    #expect(result.figures == "count\n65\n")
    #expect(result.status == 0)
  }

  @Test func storeSurveyWithByteOrderMark() throws {
    // README: NPS −20.8 over 24 (6 promoters, 11 detractors); England −33.3 (15), Scotland
    // −33.3 (3), Netherlands 25.0 (4), United States 0.0 (2). The BOM must not stick to the
    // first header, or 'Country' would not be found.
    let result = try run(["store_nps_bom.csv"], ["nps", "nps by Country"])

    #expect(
      result.figures == """
        n,nps
        24,-20.8
        Country,n,nps
        England,15,-33.3
        Netherlands,4,25.0
        Scotland,3,-33.3
        United States,2,0.0

        """)
    #expect(result.status == 0)
  }

  @Test func storeSurveyReadsDayMonthDates() throws {
    // Completion dates run from 08/01/2016 to 24/01/2020, day first (24/01 cannot be
    // month/day). 20 of the 24 fall in January 2020; Python:
    //   sum(r['Completion Date'][3:10] == '01/2020' for r in csv.DictReader(f))
    let result = try run(["store_nps_bom.csv"], ["count during 2020-01"])

    #expect(result.figures == "count\n20\n")
    #expect(result.status == 0)
  }
}
