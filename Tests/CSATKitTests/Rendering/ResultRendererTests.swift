import Foundation
import Testing

@testable import CSATKit

@Suite struct ResultRendererTests {
  let table = RenderingFixtures.table

  @Test func tableFormat() {
    let style = RenderStyle(colour: false, maxCellWidth: 20)
    let expected = """
      last 30 days (2024-05-01 – 2024-05-30)
      rep         n   csat  comment               resolved
      ───────  ────  ─────  ────────────────────  ────────
      Zoë        12   12.3  great, \"quick\" help   true
      日本        3   -0.1  👨‍👩‍👧 family plan        false
      José        0    n/a  (blank)               false
      👍 team  1500  -35.9  On hold 40 min,⏎the…  true
      (4 rows)

      """
    #expect(ResultRenderer.render(table, format: .table, style: style) == expected)
  }

  @Test func headersBreakAtTheirLastUnderscoreWhenTheTableWouldOverflowTheTerminal() {
    let table = ResultTable(
      columns: [
        ResultColumn(name: "channel", isNumeric: false),
        ResultColumn(name: "n_previous", isNumeric: true),
        ResultColumn(name: "csat_previous", isNumeric: true),
      ],
      rows: [[.text("chat"), .integer(49), .figure(.ratio(4500, 49))]])
    // One line: 7 + 2 + 10 + 2 + 13 = 34 columns. At 30 the two long names break: the columns
    // become max("n", "previous", "49") = 8 and max("csat", "previous", "91.8") = 8 wide.
    let wide = """
      channel  n_previous  csat_previous
      ───────  ──────────  ─────────────
      chat             49           91.8
      (1 row)

      """
    let narrow = """
                      n      csat
      channel  previous  previous
      ───────  ────────  ────────
      chat           49      91.8
      (1 row)

      """
    #expect(TableRenderer.render(table, style: RenderStyle(terminalWidth: 34)) == wide)
    #expect(TableRenderer.render(table, style: RenderStyle()) == wide)
    #expect(TableRenderer.render(table, style: RenderStyle(terminalWidth: 30)) == narrow)
  }

  @Test func notesWrapAtSpacesToTheTerminalWidth() {
    // "the quick brown" is 3 + 1 + 5 + 1 + 5 = 15 columns and fits; " fox" would make 19.
    #expect(
      TableRenderer.wrapped("the quick brown fox jumps", width: 15)
        == ["the quick brown", "fox jumps"])
    #expect(TableRenderer.wrapped("short", width: 15) == ["short"])
    #expect(
      TableRenderer.wrapped("a extraordinarily b", width: 5) == ["a", "extraordinarily", "b"])
  }

  @Test func csvFormat() {
    let expected = """
      rep,n,csat,comment,resolved
      Zo\u{EB},12,12.3,"great, ""quick"" help",true
      日本,3,-0.1,👨‍👩‍👧 family plan,false
      Jose\u{301},0,,,false
      👍 team,1500,-35.9,"On hold 40 min,
      then dropped | twice",true

      """
    #expect(ResultRenderer.render(table, format: .csv) == expected)
  }

  @Test func jsonFormat() throws {
    let expected = """
      [
        {"rep": "Zo\u{EB}", "n": 12, "csat": 12.3, "comment": "great, \\"quick\\" help", \
      "resolved": true},
        {"rep": "日本", "n": 3, "csat": -0.1, "comment": "👨‍👩‍👧 family plan", \
      "resolved": false},
        {"rep": "Jose\u{301}", "n": 0, "csat": null, "comment": null, "resolved": false},
        {"rep": "👍 team", "n": 1500, "csat": -35.9, \
      "comment": "On hold 40 min,\\nthen dropped | twice", "resolved": true}
      ]

      """
    let output = ResultRenderer.render(table, format: .json)
    #expect(output == expected)

    // An independent parser agrees on the values.
    let parsed = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]]
    let rows = try #require(parsed)
    #expect(rows.count == 4)
    #expect(rows[0]["csat"] as? Double == 12.3)
    #expect(rows[1]["csat"] as? Double == -0.1)
    #expect(rows[2]["csat"] is NSNull)
    #expect(rows[3]["comment"] as? String == "On hold 40 min,\nthen dropped | twice")
    #expect(rows[0]["comment"] as? String == "great, \"quick\" help")
  }

  @Test func markdownFormat() {
    let expected = """
      last 30 days (2024-05-01 – 2024-05-30)

      | rep     |    n |  csat | comment                                  | resolved |
      | ------- | ---: | ----: | ---------------------------------------- | -------- |
      | Zoë     |   12 |  12.3 | great, \"quick\" help                      | true     |
      | 日本    |    3 |  -0.1 | 👨‍👩‍👧 family plan                           | false    |
      | José    |    0 |   n/a | (blank)                                  | false    |
      | 👍 team | 1500 | -35.9 | On hold 40 min,<br>then dropped \\| twice | true     |

      """
    #expect(ResultRenderer.render(table, format: .markdown) == expected)
  }

  // MARK: - Edge cases

  @Test func emptyResult() {
    let empty = ResultTable(columns: RenderingFixtures.columns, rows: [])
    let rule = "───  ─  ────  ───────  ────────"
    #expect(
      ResultRenderer.render(empty, format: .table)
        == "rep  n  csat  comment  resolved\n\(rule)\n(no rows)\n")
    #expect(ResultRenderer.render(empty, format: .csv) == "rep,n,csat,comment,resolved\n")
    #expect(ResultRenderer.render(empty, format: .json) == "[]\n")
  }

  @Test func oneRowFooterAndColour() {
    let one = ResultTable(
      columns: [ResultColumn(name: "nps", isNumeric: true)], rows: [[.figure(.real(12.25))]])
    #expect(ResultRenderer.render(one, format: .table) == " nps\n────\n12.3\n(1 row)\n")
    let coloured = ResultRenderer.render(one, format: .table, style: RenderStyle(colour: true))
    #expect(coloured == "\u{1B}[1m nps\u{1B}[0m\n\u{1B}[2m────\u{1B}[0m\n12.3\n(1 row)\n")
  }

  @Test func controlCharactersNeverReachTheTerminal() {
    let odd = ResultTable(
      columns: [ResultColumn(name: "comment", isNumeric: false)],
      rows: [[.text("a\tb\u{1B}[31mc\r\nd")]])
    let expected = "comment\n───────────\na b\u{FFFD}[31mc⏎d\n(1 row)\n"
    #expect(ResultRenderer.render(odd, format: .table) == expected)
  }

  @Test func jsonEscapesControlCharacters() {
    #expect(JSONRenderer.string("a\u{1}b\\c\t\u{7F}é") == #""a\u0001b\\c\t\u007fé""#)
  }

  @Test(arguments: [
    ("plain", "plain"),
    ("a,b", "\"a,b\""),
    ("say \"hi\"", "\"say \"\"hi\"\"\""),
    ("two\nlines", "\"two\nlines\""),
    (" padded", "\" padded\""),
    ("", ""),
  ])
  func csvField(text: String, expected: String) {
    #expect(CSVRenderer.field(text) == expected)
  }

  @Test func figuresThatCannotBeShownAreMissing() {
    let odd = ResultTable(
      columns: [ResultColumn(name: "x", isNumeric: true)],
      rows: [[.figure(.ratio(1, 0))], [.figure(.real(.nan))], [.figure(.real(-.infinity))]])
    #expect(ResultRenderer.render(odd, format: .csv) == "x\n\n\n\n")
    #expect(ResultRenderer.render(odd, format: .table) == "  x\n───\nn/a\nn/a\nn/a\n(3 rows)\n")
  }

  @Test func markdownEscapesPipesInHeadersAndCaption() {
    let piped = ResultTable(
      columns: [ResultColumn(name: "a|b", isNumeric: false)], rows: [[.blank]], caption: "x|y")
    let expected = "x\\|y\n\n| a\\|b    |\n| ------- |\n| (blank) |\n"
    #expect(ResultRenderer.render(piped, format: .markdown) == expected)
  }

  @Test func colourOnlyOnATerminalWithoutNoColor() {
    #expect(RenderStyle.allowsColour(isTerminal: true, environment: [:]))
    #expect(!RenderStyle.allowsColour(isTerminal: false, environment: [:]))
    #expect(!RenderStyle.allowsColour(isTerminal: true, environment: ["NO_COLOR": "1"]))
    #expect(RenderStyle.allowsColour(isTerminal: true, environment: ["NO_COLOR": ""]))
    #expect(!RenderStyle.allowsColour(isTerminal: true, environment: ["TERM": "dumb"]))
  }
}
