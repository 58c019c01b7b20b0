import Testing

@testable import CSATKit

/// Sparklines and charts drawn at a fixed width and checked as exact text. Lengths and levels
/// are worked out by hand from the figures in `TrendTables`, in tenths.
@Suite struct TrendRenderingTests {
  // MARK: - Sparklines

  /// Scale 50.0 … 100.0 (Bob's 50.0 and 100.0; the target 80.0 lies inside). A figure's level
  /// is round((v − 50) × 7 / 50), halves up: 90 → 5.6 → 6 ▇; 70 → 2.8 → 3 ▄; 50 → 0 ▁;
  /// 100 → 7 █; 80 → 4.2 → 4 ▅ (so the target is ▅). At width 60 the 3 buckets fit: labels
  /// 3 + figures 2 × 5 + ` → ` 3 + gaps 4 leave 40 columns.
  @Test func sparklinesPerGroupWithTheTarget() {
    let lines = Sparklines.lines(TrendTables.byRepAndMonth, width: 60)
    #expect(
      lines == [
        "csat by month, 2026-09 to 2026-11: ▁ 50.0 … █ 100.0; target 80.0 ≈ ▅; • under target",
        "Ann  ▇ ▄   90.0 →  70.0",
        "       •",
        "Bob  ▁█▅   50.0 →  80.0",
        "     •",
      ])
  }

  /// At width 20 there is room for 20 − 3 − 13 − 4 = 0, so one bucket: the last. The scale is
  /// then 70.0 … 80.0 (Ann's 70.0, Bob's 80.0 and the target): 70 → ▁, 80 → 7 █.
  @Test func narrowTerminalsShowTheLatestBuckets() {
    let lines = Sparklines.lines(TrendTables.byRepAndMonth, width: 20)
    #expect(
      lines == [
        "csat by month, 2026-11 to 2026-11: ▁ 70.0 … █ 80.0; target 80.0 ≈ █; • under target; "
          + "the last 1 of 3 months",
        "Ann  ▁   70.0 →  70.0",
        "     •",
        "Bob  █   80.0 →  80.0",
      ])
  }

  @Test func onlyATerminalTableGetsSparklines() {
    let table = TrendTables.byRepAndMonth
    let plain = TableRenderer.render(table, style: .plain)
    let terminal = TableRenderer.render(table, style: RenderStyle(terminalWidth: 60))
    #expect(!plain.contains("▇"))
    #expect(terminal.hasPrefix(plain))
    #expect(terminal.dropFirst(plain.count).hasPrefix("\ncsat by month, 2026-09 to 2026-11"))
    #expect(!CSVRenderer.render(table).contains("▇"))
    #expect(Sparklines.lines(TrendTables.byRep, width: 60).isEmpty)
  }

  // MARK: - Bars

  /// Width 40: label 3, figures 4 (`90.0`), `n=40` 4 and two spaces, ` *` 2: tail 12, so the
  /// bars get 40 − 3 − 12 − 4 = 21 columns over 0.0 … 90.0. Ann ends at 90 × 21 / 90 = 21,
  /// Bob at 60 × 21 / 90 = 14, the target at 80 × 21 / 90 = 18.7 → 19 (inside Ann's bar: ┃).
  @Test func barsWithTargetAndLowN() {
    let text = ChartRenderer.render(TrendTables.byRep, width: 40)
    #expect(
      text == """
        since 90d
        csat by rep: bars from 0.0 to 90.0; │ target 80.0; the first of 2 metrics
        Ann  ███████████████████┃█  90.0  n=40
        Bob  ██████████████     │   60.0  n=12 *
        Cy                      │    n/a   n=0
        * n < 30: too few responses to trust

        """)
  }

  /// Width 40: label 4, figures 5 (`-20.0`), no n: 40 − 4 − 5 − 4 = 27 columns over −20.0 …
  /// 40.0 (60 points). Zero sits at 20 × 27 / 60 = 9; chat runs from 0 to 9, web from 9 to
  /// 60 × 27 / 60 = 27.
  @Test func negativeFiguresGrowLeftOfZero() {
    let text = ChartRenderer.render(TrendTables.npsByChannel, width: 40)
    let chat = "chat  " + String(repeating: "█", count: 9) + String(repeating: " ", count: 18)
    let web = "web   " + String(repeating: " ", count: 9) + String(repeating: "█", count: 18)
    #expect(
      text == """
        nps by channel: bars from -20.0 to 40.0
        \(chat)  -20.0
        \(web)   40.0

        """)
  }

  /// Counts are whole numbers. Width 30: label 4, figures 1, no n: 30 − 4 − 1 − 4 = 21
  /// columns over 0 … 5; chat ends at 3 × 21 / 5 = 12.6 → 13, web at 21.
  @Test func countsAreChartedAsWholeNumbers() {
    var table = ResultTable(
      columns: [
        ResultColumn(name: "channel", isNumeric: false),
        ResultColumn(name: "count", isNumeric: true),
      ],
      rows: [[.text("chat"), .integer(3)], [.text("web"), .integer(5)]])
    table.series = SeriesLayout(
      groupingColumns: [0], timeColumn: nil, unitName: nil, valueColumn: 1, nColumn: nil,
      lowNColumn: nil, targetColumn: nil, metricName: "count", metricCount: 1)
    let chat = String(repeating: "█", count: 13) + String(repeating: " ", count: 8)
    let web = String(repeating: "█", count: 21)
    #expect(
      ChartRenderer.render(table, width: 30) == """
        count by channel: bars from 0 to 5
        chat  \(chat)  3
        web   \(web)  5

        """)
  }

  // MARK: - Lines

  /// Width 30: axis labels 6 wide, plot 30 − 6 − 2 = 22, so 4 columns a bucket (22 / 3 = 7,
  /// at most 4). Scale 10.0 … 73.0 in 63 steps of 1.0: 10.0 → step 0 (row 0, ▁), 73.0 → 63
  /// (row 7, █), the target 50.0 → 40 (row 5, ┄). October has no figure; November's n is
  /// too few (`*` under it).
  @Test func lineOverMonthsWithTarget() {
    let text = ChartRenderer.render(TrendTables.npsByMonth, width: 30)
    #expect(
      text == """
        nps by month, 2026-09 to 2026-11; ┄ target 50.0
          73.0 ┤        ███
               ┤
          50.0 ┤┄┄┄┄┄┄┄┄┄┄┄┄
               ┤
               ┤
               ┤
               ┤
          10.0 ┤▁▁▁
               └────────*───
                2026-09 2026-11
        * n < 30: too few responses to trust

        """)
  }

  @Test func labelsGoWhereTheyFit() {
    // Columns 0, 2, 4, 6 with labels of 3: `a-1` at 0, `b-2` at 2 overlaps, `c-3` at 4.
    let labels = LineChart.bucketLabels(["a-1", "b-2", "c-3", "d-4"], cellWidth: 2, limit: 8)
    #expect(labels == "a-1 c-3")
  }
}
