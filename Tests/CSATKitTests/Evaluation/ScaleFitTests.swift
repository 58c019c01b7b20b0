import Foundation
import Testing

@testable import CSATKit

/// The scale of a score column with a few stray answers (README "Score scales").
@Suite struct ScaleFitTests {
  /// `count` copies of each score, in order, as doubles.
  func answers(_ counts: [(score: Double, count: Int)]) -> [Double] {
    counts.flatMap { Array(repeating: $0.score, count: $0.count) }
  }

  /// A dataset with one score column holding `values`, in the given role.
  func dataset(_ values: [Double], nps: Bool = false) -> Dataset {
    let column = Column(name: "score", data: .number(NumberColumn(values: values)))
    let roles = nps ? Roles(nps: 0) : Roles(csat: 0)
    return Dataset(columns: [column], rowCount: values.count, roles: roles, sources: ["test"])
  }

  /// Runs `script` on `dataset` with CSV output; the results and the messages.
  func run(_ script: String, on dataset: Dataset) -> (String, String) {
    let result = Fixtures.run(script, dataset: dataset)
    return (result.output, result.messages)
  }

  /// 99 ones, 100 threes, 100 fours, 100 fives and one 10 at row 250 (0-based 249).
  var strayTen: [Double] {
    var values = answers([(1, 99), (3, 100), (4, 100), (5, 100)])
    values.insert(10, at: 249)
    return values
  }

  @Test func aStrayAnswerIsLeftOutOfTheScale() throws {
    // 400 answers allow 400 / 200 = 2 strays; the one 10 is outside 1–5.
    let fit = try #require(Catalog(dataset: dataset(strayTen)).fits[0])
    #expect(fit.scale == 1...5)
    #expect(fit.outsideCount == 1)
    #expect(fit.examples == [ScaleFit.Stray(row: 249, value: 10)])
    #expect(
      fit.warning(column: "score")
        == "score: 1 value outside 1–5 left out (row 250: 10); they are not counted as "
        + "respondents")
  }

  @Test func strayAnswersAreNoRespondents() {
    // 399 respondents: satisfied (4–5) 200 / 399 = 50.125 % → 50.1; dissatisfied (1–2)
    // 99 / 399 = 24.812 % → 24.8. Read as 1–10, CSAT would count only the 10.
    let (output, _) = run("csat, dsat", on: dataset(strayTen))
    let row = output.split(separator: "\n")[1].split(separator: ",")
    #expect(row[0] == "399" && row[1] == "50.1")
    #expect(row[7] == "399" && row[8] == "24.8")
  }

  @Test func anAverageOfAScoreColumnLeavesTheStrayOut() {
    // 99 × 1 + 100 × 3 + 100 × 4 + 100 × 5 = 1299 over 399 answers = 3.2556 → 3.3; with the
    // 10 it would be 1309 / 400 = 3.2725 → 3.3 too, so the n tells: 399, not 400.
    let (output, _) = run("avg(score)", on: dataset(strayTen))
    let row = output.split(separator: "\n")[1].split(separator: ",")
    #expect(row[0] == "399" && row[1] == "3.3")
  }

  @Test func anAverageLeavesAFarStrayOut() {
    // 333 each of 1, 4 and 5 and one 45: (333 + 1332 + 1665) / 999 = 3.333 → 3.3, n 999;
    // with the 45, (3330 + 45) / 1000 = 3.375 → 3.4.
    var values = answers([(1, 333), (4, 333), (5, 333)])
    values.append(45)
    let (output, _) = run("avg(score)", on: dataset(values))
    let row = output.split(separator: "\n")[1].split(separator: ",")
    #expect(row[0] == "999" && row[1] == "3.3")
  }

  @Test func aStrayZeroOrSixIsLeftOutToo() {
    // One 0 (or one 6) in 400 answers: 1–5 holds all but 1 ≤ 2.
    for stray in [0.0, 6, 7, 45] {
      let values = answers([(stray, 1), (2, 199), (5, 200)])
      #expect(Catalog(dataset: dataset(values)).fits[0]?.scale == 1...5)
    }
  }

  @Test func aGenuineSevenPointColumnStaysSevenPoints() {
    // Three 7s in 400 answers: 3 > 400 / 200 = 2 left out, so 1–5 does not fit; 1–7 does.
    let three = answers([(1, 197), (5, 200), (7, 3)])
    #expect(Catalog(dataset: dataset(three)).scale(ofColumn: 0) == ScoreScale(low: 1, high: 7))
    // Two 7s: 2 ≤ 2, so they are strays of 1–5.
    let two = answers([(1, 198), (5, 200), (7, 2)])
    #expect(Catalog(dataset: dataset(two)).scale(ofColumn: 0) == ScoreScale(low: 1, high: 5))
  }

  @Test func fewAnswersAllowNoStray() {
    // 199 answers: 199 / 200 = 0 strays allowed; the one 10 makes the scale 1–10.
    let values = answers([(1, 98), (5, 100), (10, 1)])
    #expect(Catalog(dataset: dataset(values)).fits[0]?.scale == 1...10)
  }

  @Test func aRareZeroStaysOnTheTenPointScale() {
    // One 0 among 1–10 answers is a real answer on 0–10, not a stray of 1–10.
    let values = answers([(0, 1), (3, 199), (10, 200)])
    let fit = Catalog(dataset: dataset(values)).fits[0]
    #expect(fit?.scale == 0...10 && fit?.outsideCount == 0)
  }

  @Test func theNPSColumnIsZeroToTenEverywhere() {
    // No 0 among the answers: still 0–10 in `.fields`, as in the load summary.
    let values = answers([(1, 2), (9, 3), (10, 3)])
    #expect(Catalog(dataset: dataset(values, nps: true)).scale(ofColumn: 0)?.label == "0–10")
    let (output, _) = run(".fields", on: dataset(values, nps: true))
    #expect(output.contains("score,number,nps (0–10),"))
  }

  @Test func theLoadWarnsAboutStrayAnswers() throws {
    let folder = try temporaryDirectory()
    let path = folder.appendingPathComponent("stray.csv").path
    let lines = strayTen.map { "\(Int($0))" }
    try ("csat_score\n" + lines.joined(separator: "\n") + "\n").write(
      toFile: path, atomically: true, encoding: .utf8)
    let messages = Collected()
    let session = Session(sink: OutputSink(result: { _ in }, message: messages.append))
    #expect(session.load(paths: [path]))
    #expect(
      messages.text.contains(
        "warning: csat_score: 1 value outside 1–5 left out (row 250: 10)"))
    #expect(messages.text.contains("csat_score number (csat, 1–5)"))
  }
}

/// The example data with one csat_score typed as 10, checked against Python's csv module:
///
/// ```python
/// import csv
/// rows = list(csv.DictReader(open('stray10.csv', encoding='utf-8', newline='')))
/// a = [int(r['csat_score']) for r in rows
///      if r['csat_score'] != '' and 1 <= int(r['csat_score']) <= 5]
/// print(len(a), sum(v >= 4 for v in a), sum(v <= 2 for v in a))  # 2678 2084 225
/// ```
///
/// 2084 / 2678 = 77.819 % → 77.8 and 225 / 2678 = 8.402 % → 8.4.
@Suite struct StrayAnswerExampleTests {
  @Test func oneStrayTenKeepsTheExampleOnItsScale() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let path = root.appendingPathComponent("examples/responses.csv").path
    let text = try String(contentsOfFile: path, encoding: .utf8)
    // Response 453 answered 4; make it 10 (its csat, nps and minutes are 4, 7, 12).
    let row = "453,2025-04-14T02:42:40Z,"
    let start = try #require(text.range(of: row))
    let cells = try #require(text.range(of: ",4,7,12,", range: start.upperBound..<text.endIndex))
    let changed = text.replacingCharacters(in: cells, with: ",10,7,12,")
    let result = try DatasetLoader.load(
      csv: Array(changed.utf8), name: "stray10.csv", options: LoadOptions())
    let run = Fixtures.run("csat, dsat", dataset: result.dataset)
    let figures = run.output.split(separator: "\n")[1].split(separator: ",")
    #expect(figures[0] == "2678" && figures[1] == "77.8")
    #expect(figures[7] == "2678" && figures[8] == "8.4")
  }
}
