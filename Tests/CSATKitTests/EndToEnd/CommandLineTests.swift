import Foundation
import Testing

/// The command line as a user meets it: `-e`, `-f`, stdin, flags, exit statuses and messages.
/// Figures come from `SmallSurvey` (overall count 10, CSAT 62.5 over 8, NPS 11.1 over 9).
@Suite struct CommandLineTests {
  private let csv = SmallSurvey.fileName

  private func scratch() -> Scratch {
    let scratch = Scratch()
    scratch.write(SmallSurvey.fileName, SmallSurvey.csv)
    return scratch
  }

  // MARK: - Where statements come from

  @Test func repeatedExecuteRunsInOrder() throws {
    let scratch = scratch()
    defer { scratch.remove() }

    let result = try scratch.run(
      csv, "--now", EndToEnd.now, "--format", "csv", "-e", "nps", "-e", "count", "-e", "csat")

    #expect(result.figures == "n,nps\n9,11.1\ncount\n10\nn,csat\n8,62.5\n")
    #expect(result.messages == "")
    #expect(result.status == 0)
  }

  @Test func scriptSplitsAtNewlinesAndSemicolonsAndSkipsComments() throws {
    let scratch = scratch()
    defer { scratch.remove() }
    scratch.write(
      "review.csatq",
      """
      # weekly review; this whole line is a comment
      count; csat   # the share of 4 and 5

      .format json
      nps by rep where rep in ("Ana", "Bo")

      """)

    let result = try scratch.run(
      csv, "--now", EndToEnd.now, "--format", "csv", "-f", "review.csatq")

    // NPS by rep: Ana 10 9 3 9 → 50.0 over 4; Bo 7 0 → −50.0 over 2.
    #expect(
      result.figures == """
        count
        10
        n,csat
        8,62.5
        [
          {"rep": "Ana", "n": 4, "nps": 50.0},
          {"rep": "Bo", "n": 2, "nps": -50.0}
        ]

        """)
    #expect(result.messages == "")
    #expect(result.status == 0)
  }

  @Test func executeAndScriptRunInCommandLineOrder() throws {
    let scratch = scratch()
    defer { scratch.remove() }
    scratch.write("one.csatq", "csat\n")

    let result = try scratch.run(
      csv, "--format", "csv", "-e", "count", "-f", "one.csatq", "-e", "dsat")

    #expect(result.figures == "count\n10\nn,csat\n8,62.5\nn,dsat\n8,25.0\n")
    #expect(result.status == 0)
  }

  @Test func pipedStdinPrintsResultsOnly() throws {
    let scratch = scratch()
    defer { scratch.remove() }

    let result = try scratch.run(csv, "--format", "csv", input: "csat\ncount\n")

    #expect(result.figures == "n,csat\n8,62.5\ncount\n10\n")
    // No banner and no prompt: nothing but the load summary on stderr.
    #expect(result.messages == "")
    #expect(result.status == 0)
  }

  @Test func aDashReadsTheDataFromStandardInput() throws {
    let scratch = scratch()
    defer { scratch.remove() }

    // The small survey: 10 responses, 5 of the 8 csat answers satisfied.
    let result = try scratch.run(
      "-", "--format", "csv", "-e", "count", "-e", "csat", input: SmallSurvey.csv)

    #expect(result.figures == "count\n10\nn,csat\n8,62.5\n")
    #expect(result.status == 0)
  }

  @Test func pipedStdinTableHasNoPromptOrBanner() throws {
    let scratch = scratch()
    defer { scratch.remove() }

    let result = try scratch.run(csv, input: "csat\n")

    // 5 of 8 satisfied; Wilson with z = 1.959964: z²/n = 3.841459 / 8 = 0.480182, divisor
    // 1.480182; centre (0.625 + 0.240091) / 1.480182 = 0.584449; half-width
    // 1.959964·√(0.625·0.375/8 + 3.841459/256) / 1.480182 = 1.959964·√0.044303 / 1.480182 =
    // 0.278707 → [30.6, 86.3]; n = 8 < 30, so marked. 62.5 misses the default target 80: ✗.
    #expect(
      result.stdout == """
        all responses: 2026-11-02 to 2026-11-30 (UTC)
        n  csat
        ─  ─────────────────────
        8  62.5 [30.6, 86.3] * ✗
        (1 row)
        * n < 30: too few responses to trust
        ±, [low, high]: 95% confidence interval
        ✓ target met, ✗ target missed ('targets' lists the targets)

        """)
    #expect(result.status == 0)
  }

  @Test func quitStopsLaterStatements() throws {
    let scratch = scratch()
    defer { scratch.remove() }

    let result = try scratch.run(csv, "--format", "csv", "-e", "count", "-e", ".quit", "-e", "csat")

    #expect(result.figures == "count\n10\n")
    #expect(result.status == 0)
  }

  // MARK: - Errors in statements

  @Test func errorInExecuteNamesItsColumnWithACaret() throws {
    let scratch = scratch()
    defer { scratch.remove() }

    let result = try scratch.run(csv, "--format", "csv", "-e", "csat by rep wher rep = \"Ana\"")

    #expect(result.figures == "")
    #expect(
      result.messages == """
        -e:1:13: error: expected 'where', a window ('since', 'between', 'during', 'this', \
        'last'), 'having', 'order by', 'top', 'bottom', 'vs', 'limit' or the end of the statement, \
        but found 'wher'
        csat by rep wher rep = "Ana"
                    ^~~~
        did you mean 'where'?

        """)
    #expect(result.status == 1)
  }

  @Test func errorInSecondExecuteKeepsTheFirstOutput() throws {
    let scratch = scratch()
    defer { scratch.remove() }

    let result = try scratch.run(
      csv, "--format", "csv", "-e", "count", "-e", "csat by nobody", "-e", "nps")

    #expect(result.figures == "count\n10\n")
    #expect(
      result.messages == """
        -e:1:9: error: no field named 'nobody'
        csat by nobody
                ^~~~~~
        note: '.fields' lists the fields

        """)
    #expect(result.status == 1)
  }

  @Test func errorInScriptNamesTheLineAndStopsTheScript() throws {
    let scratch = scratch()
    defer { scratch.remove() }
    scratch.write("script.csatq", "# line 1\ncount\nnps by rep sinse 7d\ncsat\n")

    let result = try scratch.run(csv, "--format", "csv", "-f", "script.csatq")

    #expect(result.figures == "count\n10\n")
    #expect(
      result.messages == """
        script.csatq:3:12: error: expected 'where', a window ('since', 'between', 'during', \
        'this', 'last'), 'having', 'order by', 'top', 'bottom', 'vs', 'limit' or the end of the \
        statement, but found 'sinse'
        nps by rep sinse 7d
                   ^~~~~
        did you mean 'since'?

        """)
    #expect(result.status == 1)
  }

  @Test func errorOnStdinNamesTheLine() throws {
    let scratch = scratch()
    defer { scratch.remove() }

    let result = try scratch.run(
      csv, "--format", "csv", input: "count\n\ncsat since 6m\ncsat\n")

    #expect(result.figures == "count\n10\n")
    #expect(
      result.messages == """
        <stdin>:3:12: error: ambiguous duration unit 'm' in '6m': write 'mo' for months
        csat since 6m
                   ^~
        did you mean '6mo'?

        """)
    #expect(result.status == 1)
  }

  @Test func statementWithoutDataIsAnError() throws {
    let scratch = Scratch()
    defer { scratch.remove() }

    let result = try scratch.run("-e", "csat")

    #expect(result.figures == "")
    #expect(
      result.stderr == """
        -e:1: error: no data is loaded
        note: load a file with '.load FILE' or 'csat FILE'

        """)
    #expect(result.status == 1)
  }

  @Test func windowWithoutTimeColumnIsAnError() throws {
    let scratch = Scratch()
    defer { scratch.remove() }
    scratch.write("plain.csv", "rep,csat_score\nAna,5\nBo,2\n")

    let result = try scratch.run("plain.csv", "-e", "csat since 7d")

    #expect(result.figures == "")
    #expect(
      result.stderr.hasSuffix(
        """
        -e:1:6: error: a time window needs a time column, and this data has none
        csat since 7d
             ^~~~~~~~
        note: name one with '.set time COLUMN' or '--time-column COLUMN'

        """))
    #expect(result.status == 1)
  }

  // MARK: - Files that cannot be used

  @Test func missingDataFileNamesTheFile() throws {
    let scratch = Scratch()
    defer { scratch.remove() }

    let result = try scratch.run("nosuch.csv", "-e", "csat")

    #expect(result.figures == "")
    #expect(result.stderr == "nosuch.csv: error: cannot read file: no such file or directory\n")
    #expect(result.status == 1)
  }

  @Test func unclosedQuoteNamesFileAndLineAndPrintsNothing() throws {
    let scratch = Scratch()
    defer { scratch.remove() }
    scratch.write("broken.csv", "id,csat_score,comment\n1,4,fine\n2,5,\"never closed\n3,2,x\n")

    let result = try scratch.run("broken.csv", "-e", "csat")

    #expect(result.figures == "")
    #expect(
      result.stderr
        == "broken.csv:3: error: unclosed quote: the quoted field starting here never ends\n")
    #expect(result.status == 1)
  }

  @Test func raggedRowsWarnOrFailWithStrict() throws {
    let scratch = Scratch()
    defer { scratch.remove() }
    scratch.write("ragged.csv", "a,csat_score,b\n1,5\n2,4,x,y\n3,1,z\n")

    let lenient = try scratch.run("ragged.csv", "--format", "csv", "-e", "list a, b")
    let strict = try scratch.run("ragged.csv", "--strict", "-e", "count")

    #expect(lenient.stdout == "a,b\n1,\n2,x\n3,z\n")
    #expect(
      lenient.stderr.hasPrefix(
        """
        ragged.csv:2: warning: row has 2 fields but the header has 3; the missing fields are \
        left blank
        ragged.csv:3: warning: row has 4 fields but the header has 3; the extra fields are \
        dropped

        """))
    #expect(lenient.status == 0)
    #expect(strict.stdout == "")
    #expect(strict.stderr == "ragged.csv:2: error: row has 2 fields but the header has 3\n")
    #expect(strict.status == 1)
  }

  @Test func filesWithDifferentHeadersAreNotAppended() throws {
    let scratch = Scratch()
    defer { scratch.remove() }
    scratch.write("first.csv", "d,a\n2026-11-01,5\n")
    scratch.write("second.csv", "x,y\n1,2\n")

    let result = try scratch.run("first.csv", "second.csv", "-e", "count")

    #expect(result.figures == "")
    #expect(
      result.stderr == """
        second.csv:1: error: header does not match first.csv: column 1 is 'x' here but 'd' in \
        first.csv; files are appended only when their headers match

        """)
    #expect(result.status == 1)
  }

  @Test func sameFileTwiceIsAppended() throws {
    let scratch = scratch()
    defer { scratch.remove() }

    let result = try scratch.run(csv, csv, "--format", "csv", "-e", "count", "-e", "csat")

    // Every row twice: count 20, CSAT 10 of 16 = 62.5.
    #expect(result.figures == "count\n20\nn,csat\n16,62.5\n")
    #expect(result.status == 0)
  }

  @Test func roleFlagsNameTheColumns() throws {
    let scratch = Scratch()
    defer { scratch.remove() }
    // Names that no detection would guess: a is CSAT (5, 2), b is NPS (9, 3), d the time.
    scratch.write("plain.csv", "d,a,b\n2026-11-01,5,9\n2026-11-02,2,3\n")

    let result = try scratch.run(
      "plain.csv", "--csat-column", "a", "--nps-column", "b", "--time-column", "d", "--now",
      EndToEnd.now, "--format", "csv", "-e", "csat, nps", "-e", "count since 30d")

    // CSAT: one of two answers is 4–5 → 50.0; NPS: one promoter, one detractor → 0.0.
    #expect(result.figures == "csat_n,csat,nps_n,nps\n2,50.0,2,0.0\ncount\n2\n")
    #expect(result.messages == "")
    #expect(result.status == 0)
  }

  @Test func missingScriptIsAUsageError() throws {
    let scratch = scratch()
    defer { scratch.remove() }

    let result = try scratch.run(csv, "-f", "nope.csatq")

    #expect(result.figures == "")
    #expect(
      result.messages == "csat: cannot read script 'nope.csatq': no such file or not readable\n")
    #expect(result.status == 2)
  }

  @Test func aMissingScriptStopsTheRunBeforeAnyStatement() throws {
    let scratch = scratch()
    defer { scratch.remove() }

    // `-e count` comes first but must not run: the script after it cannot be read.
    let result = try scratch.run(csv, "-e", "count", "-f", "nope.csatq")

    #expect(result.figures == "")
    #expect(
      result.messages == "csat: cannot read script 'nope.csatq': no such file or not readable\n")
    #expect(result.status == 2)
  }

  // MARK: - Flags

  @Test(arguments: [
    (["--formt", "csv"], "csat: unknown option '--formt'; did you mean '--format'?\n"),
    (["--format", "xml"], "csat: unknown format 'xml'; use table, csv, json or markdown\n"),
    (["-e"], "csat: option '-e' needs a value\n"),
    (["--date-format", "ymd"], "csat: unknown date format 'ymd'; use mdy or dmy\n"),
    (["generate"], "csat: 'generate' needs '--rows N'\n"),
    (["generate", "--rows", "x"], "csat: '--rows' needs a whole number, not 'x'\n"),
  ])
  func usageErrorsExitTwoWithAHint(arguments: [String], message: String) throws {
    let scratch = Scratch()
    defer { scratch.remove() }

    let result = try scratch.run(arguments: arguments)

    #expect(result.figures == "")
    #expect(result.stderr == message + "Try 'csat --help'.\n")
    #expect(result.status == 2)
  }

  @Test(arguments: [["--tz", "Mars/Olympus"], ["--now", "yesterday-ish"]])
  func badTimeSettingsAreUsageErrors(arguments: [String]) throws {
    let scratch = Scratch()
    defer { scratch.remove() }

    let result = try scratch.run(arguments: arguments + ["-e", "csat"])

    #expect(result.figures == "")
    #expect(result.stderr.hasPrefix("csat: "))
    #expect(result.status == 2)
  }

  @Test func helpPrintsUsageAndExitsZero() throws {
    let scratch = Scratch()
    defer { scratch.remove() }

    let long = try scratch.run("--help")
    let short = try scratch.run("-h")

    #expect(long.stdout.hasPrefix("usage: csat [FILE...] [options]"))
    #expect(
      long.stdout.contains("exit status: 0 ok, 1 query or data error, 2 usage error, 3 a 'check'"))
    #expect(short.stdout == long.stdout)
    #expect(long.stderr == "")
    #expect(long.status == 0)
  }

  @Test func versionPrintsTheVersion() throws {
    let scratch = Scratch()
    defer { scratch.remove() }

    let result = try scratch.run("--version")

    #expect(result.figures.hasPrefix("csat "))
    #expect(result.figures.hasSuffix("\n"))
    #expect(result.status == 0)
  }

  @Test func helpMetaCommandGoesToStdout() throws {
    let scratch = Scratch()
    defer { scratch.remove() }

    let result = try scratch.run("-e", ".help")

    #expect(result.figures.hasPrefix("Queries\n"))
    #expect(result.figures.contains(".quit"))
    #expect(result.status == 0)
  }

  // MARK: - generate

  @Test func generateWritesAHeaderAndOneRecordPerRow() throws {
    let scratch = Scratch()
    defer { scratch.remove() }

    let first = try scratch.run("generate", "--rows", "5", "--seed", "1")
    let second = try scratch.run("generate", "--rows", "5", "--seed", "1")
    let records = try CSVTestReader.records(Array(first.stdout.utf8))

    // Comments may hold line breaks, so count records rather than lines.
    #expect(records.count == 6)
    #expect(records.first?.first == "response_id")
    #expect(records.allSatisfy { $0.count == 15 })
    #expect(records.dropFirst().map { $0[0] } == ["1", "2", "3", "4", "5"])
    #expect(first.stdout == second.stdout)
    #expect(first.stderr == "")
    #expect(first.status == 0)
  }

  @Test func generateWithZeroRowsWritesTheHeaderOnly() throws {
    let scratch = Scratch()
    defer { scratch.remove() }

    let result = try scratch.run("generate", "--rows", "0")

    #expect(result.figures.split(separator: "\n").count == 1)
    #expect(result.figures.hasPrefix("response_id,responded_at,"))
    #expect(result.status == 0)
  }

  @Test func generateRebuildsTheExampleFile() throws {
    let scratch = Scratch()
    defer { scratch.remove() }
    let example = try String(
      contentsOfFile: EndToEnd.examples + "/responses.csv", encoding: .utf8)

    // examples/README.md: `csat generate --rows 3000 --seed 42` rebuilds it byte for byte.
    let result = try scratch.run("generate", "--rows", "3000", "--seed", "42")

    #expect(result.figures == example)
    #expect(result.status == 0)
  }
}
