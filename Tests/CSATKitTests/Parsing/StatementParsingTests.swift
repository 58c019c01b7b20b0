import CSATKit
import Testing

/// A statement and its tree in the compact form of `dump(_:)`.
struct ParseCase: Sendable, CustomTestStringConvertible {
  var source: String
  var tree: String
  var testDescription: String { source }

  init(_ source: String, _ tree: String) {
    self.source = source
    self.tree = tree
  }
}

@Suite struct StatementParsingTests {
  static let queries: [ParseCase] = [
    ParseCase("csat", "csat"),
    ParseCase(
      #"csat by rep where product = "X" since 30d"#,
      #"csat by rep where (product = "X") since 30d"#),
    ParseCase("nps by month since 1y", "nps by month since 1y"),
    ParseCase("csat, dsat, count by rep, week", "csat, dsat, count by rep, week"),
    ParseCase(
      "avg(response_time) as art, nps(`Q1 score`) as q1, count",
      "avg(response_time) as art, nps(`Q1 score`) as q1, count"),
    ParseCase(
      "csat by rep limit 3 top 5 order by csat desc having n >= 30 since 12w where x",
      "csat by rep where x since 12w having (n >= 30) order by csat desc top 5 limit 3"),
    ParseCase("csat by rep bottom 3", "csat by rep bottom 3"),
    ParseCase(
      "CSAT BY Rep WHERE x = 1 SINCE 30D ORDER BY csat DESC TOP 2",
      "CSAT by Rep where (x = 1) since 30d order by csat desc top 2"),
    ParseCase("csat # overall\nby rep -- per rep\n", "csat by rep"),
    ParseCase(
      "count by `by`, `Ticket ``Channel```", "count by `by`, `Ticket ``Channel```"),
  ]

  static let lists: [ParseCase] = [
    ParseCase(
      "list rep, nps, comment where nps <= 6 and not followed_up since 7d limit 20",
      "list rep, nps, comment where ((nps <= 6) and (not followed_up)) since 7d limit 20"),
    ParseCase("list rep order by rep asc, nps desc", "list rep order by rep, nps desc"),
    ParseCase("LIST `order`, équipe LIMIT 1", "list `order`, équipe limit 1"),
    ParseCase("list x limit 5 last week", "list x last week limit 5"),
  ]

  @Test(arguments: queries + lists)
  func parsesAs(_ example: ParseCase) {
    parses(example.source, as: example.tree)
  }

  @Test func backQuotedNamesKeepSpacesAndUndoubleBackQuotes() throws {
    let statement = try Parser.parse("list `Ticket Channel`, `a``b`, plain")
    guard case .list(let list) = statement else {
      Issue.record("not a list: \(statement)")
      return
    }
    #expect(list.fields.map(\.name) == ["Ticket Channel", "a`b", "plain"])
    #expect(list.fields.map(\.isQuoted) == [true, true, false])
  }

  /// Every range worked out by counting bytes in the source.
  @Test func queryRangesCoverWhatWasWritten() throws {
    let source = "nps by rep where a = 1 or not b since 7d"
    let a = Identifier(name: "a", range: SourceRange(17, 18))
    let comparison = ExprSyntax(
      .comparison(a, .equal, LiteralSyntax(.number(1), range: SourceRange(21, 22))),
      range: SourceRange(17, 22))
    let b = ExprSyntax(
      .field(Identifier(name: "b", range: SourceRange(30, 31))), range: .init(30, 31))
    let negation = ExprSyntax(.not(b), range: SourceRange(26, 31))
    let expected = QuerySyntax(
      metrics: [
        MetricSyntax(name: Identifier(name: "nps", range: .init(0, 3)), range: .init(0, 3))
      ],
      groupings: [GroupingSyntax(name: Identifier(name: "rep", range: .init(7, 10)))],
      condition: ExprSyntax(.or(comparison, negation), range: SourceRange(17, 31)),
      window: WindowSyntax(.sinceDuration(7, .day), range: SourceRange(32, 40)),
      range: SourceRange(0, 40))
    #expect(try Parser.parse(source) == .query(expected))
  }

  @Test func listRangesEndAtTheLastToken() throws {
    let source = "list `Ticket Channel`, x order by x desc limit 5 -- tail"
    let expected = ListSyntax(
      fields: [
        Identifier(name: "Ticket Channel", isQuoted: true, range: SourceRange(5, 21)),
        Identifier(name: "x", range: SourceRange(23, 24)),
      ],
      orderBy: [
        OrderItemSyntax(name: Identifier(name: "x", range: .init(34, 35)), descending: true)
      ],
      limit: 5, range: SourceRange(0, 48))
    #expect(try Parser.parse(source) == .list(expected))
  }

  @Test func metricAndRankRanges() throws {
    guard case .query(let query) = try Parser.parse("avg(t) as m top 5") else {
      Issue.record("not a query")
      return
    }
    let metric = MetricSyntax(
      name: Identifier(name: "avg", range: .init(0, 3)),
      argument: Identifier(name: "t", range: .init(4, 5)),
      alias: Identifier(name: "m", range: .init(10, 11)), range: SourceRange(0, 11))
    #expect(query.metrics == [metric])
    #expect(query.rank == RankSyntax(isTop: true, count: 5, range: SourceRange(12, 17)))
  }
}
