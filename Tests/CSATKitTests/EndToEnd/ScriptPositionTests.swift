import Testing

/// Where statements start and end in scripts, `-e` and piped input, and where their errors
/// point: bugs found by end-to-end testing, kept as regression tests.
@Suite struct ScriptPositionTests {
  private static let summary =
    "loaded 10 rows from survey.csv in <t> s\n"
    + "columns: id number, responded_at timestamp (time), rep text (3 values), product text "
    + "(2 values), channel text (4 values), csat_score number (csat, 1–5), nps_score number "
    + "(nps, 0–10), followed_up boolean (follow-up), wait_minutes number\n"
    + "responses from 2026-11-02 to 2026-11-30 (UTC)\n"

  private static let expectedAfterBy =
    "expected 'where', a window ('since', 'between', 'during', 'this', 'last'), 'having', "
    + "'order by', 'top', 'bottom', 'vs', 'limit' or the end of the statement, but found 'wher'"

  private func scratch() -> Scratch {
    let scratch = Scratch()
    scratch.write(SmallSurvey.fileName, SmallSurvey.csv)
    return scratch
  }

  // Repro: csat survey.csv -e 'csat by rep wher x'
  // stderr: "...responses from 2026-11-02 to 2026-11-30 (UTC)-e:1:13: error: ..." — the load
  // summary has no final line break (Session.load writes LoadSummary.render as it is), so the
  // next message, or the shell's banner, starts on its last line.
  @Test
  func loadSummaryEndsWithALineBreak() throws {
    let scratch = scratch()
    defer { scratch.remove() }

    // On stdin, so that the whole file is read (one-shot -e reads only needed columns).
    let quiet = try scratch.run(SmallSurvey.fileName, input: "count\n")
    let failing = try scratch.run(SmallSurvey.fileName, "-e", "csat by rep wher x")

    #expect(quiet.stderrWithoutTimings == Self.summary)
    #expect(
      failing.stderrWithoutTimings == Self.summary + """
        -e:1:13: error: \(Self.expectedAfterBy)
        csat by rep wher x
                    ^~~~
        did you mean 'where'?

        """)
  }

  // Repro: csat survey.csv -e 'count; csat by rep wher x'
  // stderr: "-e:1:13: …" is right, but a statement after ';' or after leading blanks gets
  // its column counted from the start of the statement, not of the line, and the line shown
  // is the statement alone: -e 'count; csat by rep wher x' gives "-e:1:13" and the line
  // "csat by rep wher x" instead of "-e:1:20" and the whole line. Session.runQuery hands the
  // renderer the trimmed statement text (ScriptSplitter keeps no start column).
  @Test(
    arguments: [
      ("count; csat by rep wher x", 20),
      ("    csat by rep wher x", 17),
    ])
  func diagnosticColumnIsCountedFromTheLineStart(statement: String, column: Int) throws {
    let scratch = scratch()
    defer { scratch.remove() }

    let result = try scratch.run(SmallSurvey.fileName, "-e", statement)
    let caret = String(repeating: " ", count: column - 1) + "^~~~"

    #expect(
      result.messages == """
        -e:1:\(column): error: \(Self.expectedAfterBy)
        \(statement)
        \(caret)
        did you mean 'where'?

        """)
    #expect(result.status == 1)
  }

  // Repro: printf 'count\n  nps by rep wher x\n' > s.csatq; csat survey.csv -f s.csatq
  // stderr: "s.csatq:2:12: …" with the line "nps by rep wher x"; the file has 'wher' at
  // column 14 of line 2.
  @Test
  func diagnosticColumnInAnIndentedScriptLine() throws {
    let scratch = scratch()
    defer { scratch.remove() }
    scratch.write("s.csatq", "count\n  nps by rep wher x\n")

    let result = try scratch.run(SmallSurvey.fileName, "--format", "csv", "-f", "s.csatq")

    #expect(result.figures == "count\n10\n")
    #expect(
      result.messages == """
        s.csatq:2:14: error: \(Self.expectedAfterBy)
          nps by rep wher x
                     ^~~~
        did you mean 'where'?

        """)
  }

  // Repro: csat survey.csv -e 'count -- per rep; by channel later'
  // stderr: "-e:1:1: error: expected a metric … but found 'by'": grammar.md says '--' starts
  // a comment to the end of the line, but ScriptSplitter only knows '#' comments, so it
  // splits at the ';' inside the comment and runs "by channel later" as a statement.
  @Test
  func semicolonInADashCommentIsPartOfTheComment() throws {
    let scratch = scratch()
    defer { scratch.remove() }

    let result = try scratch.run(
      SmallSurvey.fileName, "--format", "csv", "-e", "count -- per rep; by channel later")

    #expect(result.figures == "count\n10\n")
    #expect(result.messages == "")
    #expect(result.status == 0)
  }

  // Repro: printf 'count -- like the NoteBook 14" Laptop\nnps\n' > c.csatq
  //        csat survey.csv -f c.csatq
  // stderr: "c.csatq:2:1: error: expected 'by', … but found 'nps'" and nothing on stdout: the
  // '"' in the '--' comment opens a string for ScriptSplitter, which then joins the next
  // line to the statement; the lexer, which does read the comment, sees "count nps".
  @Test
  func quoteInADashCommentDoesNotJoinLines() throws {
    let scratch = scratch()
    defer { scratch.remove() }
    scratch.write("c.csatq", "count -- like the NoteBook 14\" Laptop\nnps\n")

    let result = try scratch.run(SmallSurvey.fileName, "--format", "csv", "-f", "c.csatq")

    // count 10; NPS 11.1 over 9 (SmallSurvey).
    #expect(result.figures == "count\n10\nn,nps\n9,11.1\n")
    #expect(result.messages == "")
    #expect(result.status == 0)
  }

  // Repro: printf 'list name where note = "first line\nsecond line"\n' | csat notes.csv
  // stderr: "<stdin>:1:24: error: unclosed string: expected a closing '"'". grammar.md says
  // strings may span lines, and the same text works with -f, but piped stdin runs each line
  // on its own (runPiped), so a statement never continues on the next line.
  @Test
  func stringSpanningLinesOnStdin() throws {
    let scratch = Scratch()
    defer { scratch.remove() }
    scratch.write("notes.csv", "name,csat_score,note\nZoë,5,\"first line\nsecond line\"\nBob,1,x\n")
    let statement = "list name where note = \"first line\nsecond line\"\n"
    scratch.write("notes.csatq", statement)

    let script = try scratch.run("notes.csv", "--format", "csv", "-f", "notes.csatq")
    let piped = try scratch.run("notes.csv", "--format", "csv", input: statement)

    #expect(script.figures == "name\nZoë\n")
    #expect(piped.stdout == script.figures)
    #expect(piped.status == 0)
  }
}
