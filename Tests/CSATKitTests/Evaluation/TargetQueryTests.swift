import Testing

@testable import CSATKit

/// Targets on the fixture (see Fixtures.swift): `targets`, `.target`, and the target and
/// band columns of ordinary queries. Every figure is worked out from the fixture's table.
@Suite struct TargetQueryTests {
  @Test func targetsListsTheDefaultWithFigureGapAndTheNPSBand() {
    // csat: 4 of 7 satisfied = 57.142…; the default target 80 is missed by
    // 57.142… − 80 = −22.857… → −22.9. nps: (3 − 2) / 7 = 14.285… → 14.3, fair (0 to 30).
    #expect(
      Fixtures.run("targets").output
        == "metric,where,target,n,value,met,gap,band\n"
        + "csat,,>= 80,7,57.1,false,-22.9,\nnps,,,7,14.3,,,fair\n")
  }

  @Test func aFigureExactlyAtItsTargetMeetsIt() {
    // since 30d: rows 4–7, csat 3, 2, 4, 5: 2 of 4 = 50.0 exactly, gap 0.0. nps 7, 3, 9, 10:
    // (2 − 1) / 4 = 25.0, fair.
    #expect(
      Fixtures.run(".target csat 50\ntargets since 30d").output
        == "metric,where,target,n,value,met,gap,band\n"
        + "csat,,>= 50,4,50.0,true,0.0,\nnps,,,4,25.0,,,fair\n")
  }

  @Test func conditionalAndAtMostTargets() {
    // Widget Pro: rows 1, 4, 6, 7, csat 5, 3, 4, 5: 3 of 4 = 75.0; 90 missed by 15.0.
    // dsat: 1 and 2 (rows 2, 5) of 7 = 28.571…, at most 30: met, 30 − 28.571… = 1.428… → 1.4.
    // nps targets replace the band row: 14.285… against 20 is missed by 5.714… → −5.7.
    let output = Fixtures.run(
      """
      .target csat 90 where product = "Widget Pro"
      .target dsat 30
      .target nps 20
      targets
      """
    ).output
    #expect(
      output
        == "metric,where,target,n,value,met,gap,band\n"
        + "csat,,>= 80,7,57.1,false,-22.9,\n"
        + "csat,\"product = \"\"Widget Pro\"\"\",>= 90,4,75.0,false,-15.0,\n"
        + "dsat,,<= 30,7,28.6,true,1.4,\n"
        + "nps,,>= 20,7,14.3,false,-5.7,fair\n")
  }

  @Test func theStatementsConditionNarrowsEveryTarget() {
    // where rep = "Ann": rows 5–7, csat 2, 4, 5: 2 of 3 = 66.666… against 80: −13.333… →
    // −13.3. nps 3, 9, 10: (2 − 1) / 3 = 33.333…, good (30 to 70).
    #expect(
      Fixtures.run("targets where rep = \"Ann\"").output
        == "metric,where,target,n,value,met,gap,band\n"
        + "csat,,>= 80,3,66.7,false,-13.3,\nnps,,,3,33.3,,,good\n")
  }

  @Test func queryColumnsCarryTheUnconditionalTarget() {
    // Ann 2 of 3 = 66.7 ≥ 60: met; Bob 0 of 2: missed; Zoë and the blank rep 1 of 1: met.
    // The conditional target (Widget Pro, 95) is not the one shown per row.
    let output = Fixtures.run(
      ".target csat 60\n.target csat 95 where product = \"Widget Pro\"\ncsat by rep"
    ).output
    #expect(
      output == """
        rep,n,csat,csat_low,csat_high,low_n,csat_target,csat_met
        Ann,3,66.7,20.8,93.9,true,60.0,true
        Bob,2,0.0,0.0,65.8,true,60.0,false
        Zoë,1,100.0,20.7,100.0,true,60.0,true
        ,1,100.0,20.7,100.0,true,60.0,true

        """)
  }

  @Test func offRemovesATargetAndItsColumns() {
    // csat 4 of 7 = 57.1 with Wilson bounds [25.0, 84.2] (IntervalQueryTests).
    #expect(
      Fixtures.run(".target csat off\ncsat").output
        == "n,csat,csat_low,csat_high,low_n\n7,57.1,25.0,84.2,true\n")
    #expect(
      Fixtures.run(".target csat off\n.target").output == "metric,where,target,source\n")
    #expect(
      Fixtures.run(".target csat 85\n.target reset\n.target").output
        == "metric,where,target,source\ncsat,,>= 80,default\n")
  }

  @Test func targetListShowsWhatWasSet() {
    #expect(
      Fixtures.run(".target csat 85\n.target dsat 10.5\n.target").output
        == "metric,where,target,source\ncsat,,>= 85,set\ndsat,,<= 10.5,set\n")
  }

  @Test func supportInteractionsHaveTheirOwnDefault() {
    // Rows whose "Type of Interaction" contains "support" in any case: 0, 2, 4, 6, with csat
    // 4, 1, 3, 4: 2 of 4 = 50.0; the default 90 is missed by 40.0.
    var dataset = Fixtures.responses()
    let kinds = [
      "Support", "sales", "technical support", "", "SUPPORT call", "billing",
      "support", "sales",
    ]
    var dictionary = [""]
    let codes = kinds.map { kind -> UInt32 in
      if let index = dictionary.firstIndex(of: kind) { return UInt32(index) }
      dictionary.append(kind)
      return UInt32(dictionary.count - 1)
    }
    dataset.columns.append(
      Column(
        name: "Type of Interaction",
        data: .text(TextColumn(codes: codes, dictionary: dictionary))))
    let output = Collected()
    let session = Session(
      settings: QuerySettings(now: .fixed(Fixtures.now)), format: .csv,
      sink: OutputSink(result: output.append, message: { _ in }))
    session.use(dataset)
    session.run(script: "targets", inputName: "test")
    #expect(
      output.text
        == "metric,where,target,n,value,met,gap,band\n"
        + "csat,,>= 80,7,57.1,false,-22.9,\n"
        + "csat,\"`Type of Interaction` contains \"\"support\"\"\",>= 90,4,50.0,false,-40.0,\n"
        + "nps,,,7,14.3,,,fair\n")
  }

  @Test func targetErrorsPointIntoTheCommand() {
    let metric = Fixtures.run(".target count 5")
    #expect(metric.outcome == .failure)
    #expect(metric.messages.hasPrefix("test:1:9: error: 'count' takes no target\n"))
    let field = Fixtures.run(".target csat 90 where nosuch = 1")
    #expect(field.outcome == .failure)
    #expect(field.messages.hasPrefix("test:1:23: error: no field named 'nosuch'\n"))
    let number = Fixtures.run(".target csat high")
    #expect(
      number.messages.hasPrefix(
        "test:1:14: error: expected a target (a number such as 85) or 'off' but found 'high'"))
  }

  @Test func terminalShowsTheVerdictWithASymbol() {
    // As in the first test; columns two spaces apart, numbers right-aligned.
    let lines = [
      "all responses: 2026-08-15 to 2026-11-30 (UTC)",
      "metric  where  target  n  value  met         gap  band",
      "──────  ─────  ──────  ─  ─────  ────────  ─────  ────",
      "csat           >= 80   7   57.1  ✗ missed  -22.9",
      "nps                    7   14.3                   fair",
      "(2 rows)",
    ]
    #expect(
      Fixtures.run("targets", format: .table).output == lines.joined(separator: "\n") + "\n")
  }

  @Test func colourPaintsOnlyTheMarks() {
    let table = ResultTable(
      columns: [
        ResultColumn(name: "x", isNumeric: false),
        ResultColumn(name: "met", isNumeric: false, role: .verdict),
      ],
      rows: [[.text("a ✓"), .boolean(true)], [.text("b"), .boolean(false)]])
    let green = "\u{1B}[32m✓\u{1B}[0m"
    let red = "\u{1B}[31m✗\u{1B}[0m"
    let coloured = TableRenderer.render(table, style: RenderStyle(colour: true))
    #expect(coloured.contains("a ✓  \(green) met\n"))
    #expect(coloured.contains("b    \(red) missed\n"))
    #expect(TableRenderer.render(table).contains("a ✓  ✓ met\nb    ✗ missed\n"))
  }
}

/// The NPS bands at and around their edges.
@Suite struct NPSBandTests {
  @Test(arguments: [
    // (promoters − detractors, respondents, band): −1/10 = −10; 0 is fair; 29/100 fair;
    // 30/100 and 3/10 good; 70/100 good; 71/100 excellent; 100 excellent.
    (-1, 10, NPSBand.poor), (0, 10, .fair), (29, 100, .fair), (3, 10, .good),
    (30, 100, .good), (70, 100, .good), (71, 100, .excellent), (1, 1, .excellent),
  ])
  func bandEdges(_ net: Int, _ n: Int, _ band: NPSBand) {
    #expect(NPSBand.of(numerator: 100 * net, denominator: n) == band)
  }

  @Test func bandsOfWholeGroups() {
    // A: 10, 10, 10, 10, 0, 8 × 5 → (4 − 1) / 10 = 30, good. B: 10 × 8, 0, 8 → 70, good.
    // C: 10, 0 → 0, fair. D: 0, 8 → −50, poor.
    let groups: [(String, [Double])] = [
      ("A", [10, 10, 10, 10, 0, 8, 8, 8, 8, 8]), ("B", [10, 10, 10, 10, 10, 10, 10, 10, 0, 8]),
      ("C", [10, 0]), ("D", [0, 8]),
    ]
    let scores = groups.flatMap(\.1)
    let codes = groups.enumerated().flatMap { index, group in
      group.1.map { _ in UInt32(index + 1) }
    }
    let dataset = Dataset(
      columns: [
        Column(
          name: "team",
          data: .text(TextColumn(codes: codes, dictionary: [""] + groups.map(\.0)))),
        Column(name: "nps_score", data: .number(NumberColumn(values: scores))),
      ], rowCount: scores.count, roles: Roles(nps: 1), sources: ["bands"])
    let output = Collected()
    let session = Session(
      format: .csv, sink: OutputSink(result: output.append, message: { _ in }))
    session.use(dataset)
    session.run(script: "nps by team", inputName: "test")
    #expect(
      FigureColumns.removed(from: output.text) == "team,n,nps\nA,10,30.0\nB,10,70.0\nC,2,0.0\n"
        + "D,2,-50.0\n")
    #expect(output.text.contains("A,10,30.0,"))
    let bands = output.text.split(separator: "\n").dropFirst().map { $0.split(separator: ",").last }
    #expect(bands == ["good", "good", "fair", "poor"])
  }
}
