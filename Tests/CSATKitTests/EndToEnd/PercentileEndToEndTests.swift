import Foundation
import Testing

/// Percentiles and distributions through the built binary: on the small survey (worked by
/// hand) and on examples/responses.csv (checked with Python).
@Suite struct PercentileEndToEndTests {
  private func small(_ statement: String) throws -> RunResult {
    let scratch = Scratch()
    defer { scratch.remove() }
    scratch.write(SmallSurvey.fileName, SmallSurvey.csv)
    return try scratch.run(
      SmallSurvey.fileName, "--now", EndToEnd.now, "--format", "csv", "-e", statement)
  }

  private func example(_ statement: String) throws -> RunResult {
    try EndToEnd.onExamples(statement)
  }

  /// wait_minutes reaches 240, so it is no score column: its answers are selected, not counted
  /// per point. Answers 30 5 12 240 90 3 20 60 8 (row 4 blank), sorted
  /// 3 5 8 12 20 30 60 90 240, n 9: median h = 4 → 20; p90 h = 7.2 → 90 + 0.2 × 150 = 120;
  /// p25 h = 2 → 8.
  @Test func percentilesOfANumberField() throws {
    let result = try small("median(wait_minutes), p90(wait_minutes), p25(wait_minutes)")

    #expect(
      result.figures
        == "median(wait_minutes)_n,median(wait_minutes),p90(wait_minutes)_n,p90(wait_minutes),"
        + "p25(wait_minutes)_n,p25(wait_minutes)\n9,20.0,9,120.0,9,8.0\n")
    #expect(result.status == 0)
  }

  /// By channel: chat 5 12 3 8 → sorted 3 5 8 12: median h = 1.5 → 5 + 0.5 × 3 = 6.5, p90
  /// h = 2.7 → 8 + 0.7 × 4 = 10.8; email 30 240 60 → median 60, p90 h = 1.8 → 60 + 0.8 × 180
  /// = 204; phone 20 (row 4 blank), n 1; web 90.
  @Test func percentilesByGroup() throws {
    let result = try small("median(wait_minutes) as m, p90(wait_minutes) as p by channel")

    #expect(
      result.figures
        == "channel,m_n,m,p_n,p\nchat,4,6.5,4,10.8\nemail,3,60.0,3,204.0\nphone,1,20.0,1,20.0\n"
        + "web,1,90.0,1,90.0\n")
  }

  /// since 7d: 11-24 00:00 to now, rows 7 8 9, waits 3 20 60 → median 20. The 7 days before
  /// (11-17 00:00 to 11-23 12:00): rows 5 6, waits 240 90 → h = 0.5 → 90 + 0.5 × 150 = 165.
  /// Change 20 − 165 = −145.
  @Test func percentileAgainstAnEarlierWindow() throws {
    let result = try small("median(wait_minutes) since 7d vs previous")

    #expect(
      result.figures
        == "n,median(wait_minutes),n_previous,median(wait_minutes)_previous,"
        + "median(wait_minutes)_change\n3,20.0,2,165.0,-145.0\n")
  }

  /// Each channel against the others' waits: chat's rest 30 240 20 90 60 → sorted
  /// 20 30 60 90 240, median 60; email's rest 5 12 3 8 20 90 → 3 5 8 12 20 90, h = 2.5 →
  /// 8 + 0.5 × 4 = 10; phone's rest (all but 20) 3 5 8 12 30 60 90 240, h = 3.5 → 12 + 0.5 ×
  /// 18 = 21; web's rest (all but 90) 3 5 8 12 20 30 60 240 → 12 + 0.5 × 8 = 16.
  @Test func percentileAgainstTheRest() throws {
    let result = try small("median(wait_minutes) as m by channel vs rest")

    #expect(
      result.figures
        == "channel,n,m,n_rest,m_rest\nchat,4,6.5,5,60.0\nemail,3,60.0,6,10.0\n"
        + "phone,1,20.0,8,21.0\nweb,1,90.0,8,16.0\n")
  }

  /// Python, on examples/responses.csv, blanks left out:
  /// `statistics.quantiles(values, n=100, method='inclusive')[p - 1]` per channel, which is
  /// the same rule (h = (n − 1)·p/100, linear between the closest ranks); the median as
  /// `statistics.median`. p25 of email is 172.75, shown rounded half away from zero.
  @Test func agreesWithPythonOnTheExample() throws {
    let result = try example(
      "median(response_time_minutes) as m, p90(response_time_minutes) as p90, "
        + "p25(response_time_minutes) as p25 by channel")

    #expect(
      result.figures
        == "channel,m_n,m,p90_n,p90,p25_n,p25\n"
        + "chat,930,3.0,930,8.0,930,1.0\n"
        + "email,944,329.0,944,1239.5,944,172.8\n"
        + "phone,695,10.0,695,25.0,695,5.0\n"
        + "web,431,271.0,431,1166.0,431,126.0\n")
  }

  /// Python, as above, over the answers of every other channel: p90 of the rest 935.1,
  /// 283.0, 884.6, 630.4 (n 2070, 2056, 2305, 2569).
  @Test func restAgreesWithPythonOnTheExample() throws {
    let result = try example("p90(response_time_minutes) as p by channel vs rest")

    #expect(
      result.figures
        == "channel,n,p,n_rest,p_rest\nchat,930,8.0,2070,935.1\n"
        + "email,944,1239.5,2056,283.0\nphone,695,25.0,2305,884.6\n"
        + "web,431,1166.0,2569,630.4\n")
  }

  /// Python, as above, on the score columns: p10 of csat_score per channel 3, 2, 3, 3 (n 825,
  /// 847, 615, 392); shares per point from the csv module's counts, e.g. chat 6 ones of 825
  /// → 0.7.
  @Test func scoreColumnsAgreeWithPython() throws {
    let result = try example("p10(csat_score) as p, distribution(csat) by channel")

    #expect(
      result.figures
        == "channel,p_n,p,distribution(csat)_n,csat_1,csat_2,csat_3,csat_4,csat_5\n"
        + "chat,825,3.0,825,0.7,2.9,8.7,29.2,58.4\n"
        + "email,847,2.0,847,5.2,10.4,19.1,32.3,32.9\n"
        + "phone,615,3.0,615,1.6,2.8,10.1,29.4,56.1\n"
        + "web,392,3.0,392,2.8,6.4,18.6,35.2,37.0\n")
  }

  @Test func aTextFieldIsRefusedWithACaret() throws {
    let result = try example("p90(channel) by rep")

    #expect(result.status == 1)
    #expect(
      result.messages
        == "-e:1:5: error: p90 needs a number or score field, but 'channel' is text\n"
        + "p90(channel) by rep\n    ^~~~~~~\n")
  }
}
