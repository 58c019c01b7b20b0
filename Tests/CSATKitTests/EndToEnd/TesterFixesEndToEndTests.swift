import Foundation
import Testing

/// Fixes from a tester's report, through the built binary: halves of real figures and their
/// changes, and the messages of statements that were refused with the wrong advice.
@Suite struct TesterFixesEndToEndTests {
  private func example(_ statement: String) throws -> RunResult {
    try EndToEnd.onExamples(statement)
  }

  /// Rows on 2026-11-10 (since 30d) and 2026-10-10 (the previous window): region a answers
  /// 67.1 now and 9.35 then, region b 1.0 now and 1.15 then.
  private func halves(_ statement: String) throws -> RunResult {
    let scratch = Scratch()
    defer { scratch.remove() }
    scratch.write(
      "halves.csv",
      """
      id,responded_at,region,response_time_minutes
      1,2026-11-10T09:00:00Z,a,67.1
      2,2026-10-10T09:00:00Z,a,9.35
      3,2026-11-10T09:00:00Z,b,1.0
      4,2026-10-10T09:00:00Z,b,1.15

      """)
    return try scratch.run(
      "halves.csv", "--now", EndToEnd.now, "--format", "csv", "-e", statement)
  }

  // One answer per group and window, so the average and every percentile are that answer.
  // a: 67.1 − 9.35 = 57.75 → 57.8 (57.749999… in binary); 9.35 → 9.4 (9.3499… in binary).
  // b: 1.0 − 1.15 = −0.15 → −0.2 (−0.149999… in binary); 1.15 → 1.2 (1.1499… in binary).
  @Test(arguments: ["avg", "p35"])
  func halvesOfRealFiguresAndChangesRoundAwayFromZero(metric: String) throws {
    let result = try halves("\(metric)(response_time_minutes) by region since 30d vs previous")

    let name = "\(metric)(response_time_minutes)"
    #expect(
      result.figures == """
        region,n,\(name),n_previous,\(name)_previous,\(name)_change
        a,1,67.1,1,9.4,57.8
        b,1,1.0,1,1.2,-0.2

        """)
    #expect(result.status == 0)
  }

  // Checked with Python (csv module, fractions, linear interpolation h = (n − 1)·0.35) on the
  // answers from 2026-06-03 to 07-02 and from 05-04 to 06-02: DACH n 7, p35 671/10 = 67.1,
  // previous n 10, 187/20 = 9.35 → 9.4, change 57.75 → 57.8; Latin America n 10, 123/20 =
  // 6.15 → 6.2, previous n 17, 53/5 = 10.6, change −4.45 → −4.5.
  @Test func thePercentileChangesTheTesterFound() throws {
    let result = try example(
      "p35(response_time_minutes) by region where region in (\"DACH\",\"Latin America\")"
        + " between 2026-06-03 and 2026-07-02 vs previous")

    let name = "p35(response_time_minutes)"
    #expect(
      result.figures == """
        region,n,\(name),n_previous,\(name)_previous,\(name)_change
        DACH,7,67.1,10,9.4,57.8
        Latin America,10,6.2,17,10.6,-4.5

        """)
    #expect(result.status == 0)
  }

  // Checked with Python (csv module) on all csat answers: chat 825 answers, 6 24 72 241 482
  // at 1–5 (0.727 2.909 8.727 29.212 58.424 %), phone 615, 10 17 62 181 345 (1.626 2.764
  // 10.081 29.431 56.098 %), web 36.99 % and email 32.94 % at 5: the first two by csat_5.
  @Test func aDistributionTakesTopAfterOrderBy() throws {
    let result = try example("distribution(csat) by channel order by csat_5 desc top 2")

    #expect(
      result.figures == """
        channel,n,csat_1,csat_2,csat_3,csat_4,csat_5
        chat,825,0.7,2.9,8.7,29.2,58.4
        phone,615,1.6,2.8,10.1,29.4,56.1

        """)
    #expect(result.status == 0)
  }

  @Test(arguments: [
    (
      "explain change in csat by channel, channel since 30d vs previous",
      "-e:1:1: error: the result would have two columns named 'channel'",
      "note: group by each field once"
    ),
    (
      "chart coverage by channel", "-e:1:7: error: 'chart' takes a query, not 'coverage'",
      "note: chart a query's first metric, e.g. chart csat by month"
    ),
    ("chart targets", "-e:1:7: error: 'chart' takes a query, not 'targets'", "  ^~~~~~~"),
    (
      "chart explain change in csat by channel since 30d vs previous",
      "-e:1:7: error: 'chart' takes a query, not 'explain'", "  ^~~~~~~"
    ),
    ("chart check csat > 3", "-e:1:7: error: 'chart' takes a query, not 'check'", "  ^~~~~\n"),
    (
      "p9999999999999999999(response_time_minutes)",
      "-e:1:1: error: 'p9999999999999999999' is no percentile: write p1 to p99",
      "^~~~~~~~~~~~~~~~~~~~\n"
    ),
    (
      "p05(response_time_minutes)", "-e:1:1: error: 'p05' is no percentile: write p1 to p99",
      "^~~\n"
    ),
  ])
  func refusalsSayWhatToDo(statement: String, message: String, detail: String) throws {
    let result = try example(statement)

    #expect(result.messages.contains(message))
    #expect(result.messages.contains(detail))
    #expect(!result.messages.contains("separate metrics"))
    #expect(!result.messages.contains("unknown metric"))
    #expect(result.stdout == "")
    #expect(result.status == 1)
  }
}

extension EndToEnd {
  /// Runs `statement` on examples/responses.csv with the fixed now, in CSV.
  static func onExamples(_ statement: String) throws -> RunResult {
    let scratch = Scratch()
    defer { scratch.remove() }
    return try scratch.run(
      examples + "/responses.csv", "--now", now, "--format", "csv", "-e", statement)
  }
}
