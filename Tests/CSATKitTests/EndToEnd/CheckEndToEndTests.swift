import Foundation
import Testing

/// `check` through the binary: the line it prints and exit status 3 once everything has run.
/// Figures from `SmallSurvey`: CSAT 62.5 over 8, since 30d 57.1 over 7 (rows 1–9); NPS 11.1
/// over 9; count 10, since 30d 9.
@Suite struct CheckEndToEndTests {
  private let csv = SmallSurvey.fileName

  private func scratch() -> Scratch {
    let scratch = Scratch()
    scratch.write(SmallSurvey.fileName, SmallSurvey.csv)
    return scratch
  }

  @Test func passingChecksExitZero() throws {
    let scratch = scratch()
    defer { scratch.remove() }

    // 62.5 >= 60 holds; 57.1 (4 of 7, since 30d) < 60 holds; count since 30d = 9 = 9.
    let result = try scratch.run(
      csv, "--now", EndToEnd.now, "-e", "check csat >= 60", "-e",
      "check csat < 60 since 30d", "-e", "check count = 9 since 30d")

    #expect(
      result.stdout == """
        ok: csat 62.5 >= 60 (n = 8)
        ok: csat 57.1 < 60 (n = 7, since 30d)
        ok: count 9 = 9 (n = 9, since 30d)

        """)
    #expect(result.status == 0)
  }

  @Test func aFailedCheckExitsThreeAfterTheRestHasRun() throws {
    let scratch = scratch()
    defer { scratch.remove() }

    // Ana's CSAT 5 4 2 5: 3 of 4 = 75.0 < 85: failed; count still runs and prints 10.
    let result = try scratch.run(
      csv, "--now", EndToEnd.now, "--format", "csv", "-e",
      "check csat >= 85 where rep = \"Ana\"", "-e", "count")

    #expect(
      result.stdout
        == "check,result,n,value\n\"csat >= 85 where rep = \"\"Ana\"\"\",failed,4,75.0\n"
        + "count\n10\n")
    #expect(result.messages == "")
    #expect(result.status == 3)
  }

  @Test func theFailedLineNamesTheCondition() throws {
    let scratch = scratch()
    defer { scratch.remove() }

    // NPS since 30d: rows 1–9 without 6: 3 promoters, 3 detractors of 8 → 0.0, not > 10.
    let result = try scratch.run(
      csv, "--now", EndToEnd.now, "-e", "check nps > 10 since 30d where channel != \"web\"")

    #expect(result.stdout == "failed: nps 0.0 > 10 (n = 8, where channel != \"web\", since 30d)\n")
    #expect(result.status == 3)
  }

  @Test func anErrorStillStopsAtOnceWithOne() throws {
    let scratch = scratch()
    defer { scratch.remove() }

    let result = try scratch.run(
      csv, "-e", "check csat >= 99", "-e", "csat by nosuch", "-e", "count")

    #expect(result.stdout == "failed: csat 62.5 >= 99 (n = 8)\n")
    #expect(result.messages.contains("no field named 'nosuch'"))
    #expect(result.status == 1)
  }

  @Test func scriptsAndPipesExitThreeToo() throws {
    let scratch = scratch()
    defer { scratch.remove() }
    scratch.write("checks.csatq", "check csat >= 99\ncheck csat >= 0\n")

    let script = try scratch.run(csv, "-f", "checks.csatq")
    // A group without respondents has no figure: the check fails.
    let piped = try scratch.run(csv, input: "check csat >= 0 where rep = \"Nobody\"\ncount\n")

    #expect(script.stdout == "failed: csat 62.5 >= 99 (n = 8)\nok: csat 62.5 >= 0 (n = 8)\n")
    #expect(script.status == 3)
    #expect(piped.stdout.hasPrefix("failed: csat n/a >= 0 (n = 0, where rep = \"Nobody\")\n"))
    #expect(piped.status == 3)
  }

  @Test func helpNamesExitStatusThree() throws {
    let scratch = scratch()
    defer { scratch.remove() }

    let result = try scratch.run("--help")

    #expect(result.stdout.contains("3 a 'check' failed"))
  }
}
