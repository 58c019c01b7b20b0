import CSATKit
import Testing

@Suite struct ConditionParsingTests {
  /// Conditions after `csat where `, and how they group.
  static let conditions: [ParseCase] = [
    ParseCase("a = 1 or b = 2 and not c", "((a = 1) or ((b = 2) and (not c)))"),
    ParseCase("a or b or c", "((a or b) or c)"),
    ParseCase("a and b and c", "((a and b) and c)"),
    ParseCase("not a and b", "((not a) and b)"),
    ParseCase("NOT a AND b OR c", "(((not a) and b) or c)"),
    ParseCase("not (a or b)", "(not (a or b))"),
    ParseCase("(a or b) and c", "((a or b) and c)"),
    ParseCase("not not a", "(not (not a))"),
    ParseCase("a = 1 and (b = 2 or (c = 3 and d))", "((a = 1) and ((b = 2) or ((c = 3) and d)))"),
    ParseCase("x == 1", "(x = 1)"),
    ParseCase(#"x <> "y""#, #"(x != "y")"#),
    ParseCase("x != 2", "(x != 2)"),
    ParseCase("x < 2.5", "(x < 2.5)"),
    ParseCase("x <= -2", "(x <= -2)"),
    ParseCase("x > - 3", "(x > -3)"),
    ParseCase("x >= 2024-02-29", "(x >= 2024-02-29)"),
    ParseCase("vip = true or vip = FALSE", "((vip = true) or (vip = false))"),
    ParseCase(
      #"x in (1, "a", 2024-01-01, true)"#, #"(x in (1, "a", 2024-01-01, true))"#),
    ParseCase("x not in (-1.5)", "(x not in (-1.5))"),
    ParseCase(#"comment contains "refund""#, #"(comment contains "refund")"#),
    ParseCase(#"rep STARTS WITH "A""#, #"(rep starts with "A")"#),
    ParseCase("comment is missing", "(comment is missing)"),
    ParseCase("comment is not missing", "(comment is not missing)"),
    ParseCase("not followed_up", "(not followed_up)"),
    ParseCase(#"`Ticket Channel` = "email""#, #"(`Ticket Channel` = "email")"#),
    ParseCase(#"note = "say \"hi\" \\ bye""#, #"(note = "say \"hi\" \\ bye")"#),
  ]

  @Test(arguments: conditions)
  func groupsAs(_ example: ParseCase) {
    parses("csat where " + example.source, as: "csat where " + example.tree)
  }

  @Test func havingTakesTheSameConditions() {
    parses(
      "csat by rep having n >= 30 and csat < 0.5",
      as: "csat by rep having ((n >= 30) and (csat < 0.5))")
  }

  @Test func stringEscapesAreDecoded() throws {
    guard case .query(let query) = try Parser.parse(#"n where s = "a\"b\\c""#),
      case .comparison(_, _, let literal) = query.condition?.kind
    else {
      Issue.record("not a comparison")
      return
    }
    #expect(literal.value == .string(#"a"b\c"#))
  }

  /// `-` and its number make one literal; parentheses belong to the condition they enclose.
  @Test func literalAndParenthesisRanges() throws {
    guard case .query(let query) = try Parser.parse(#"csat where x in (-1, "é")"#) else {
      Issue.record("not a query")
      return
    }
    let literals = [
      LiteralSyntax(.number(-1), range: SourceRange(17, 19)),
      LiteralSyntax(.string("é"), range: SourceRange(21, 25)),
    ]
    let x = Identifier(name: "x", range: SourceRange(11, 12))
    #expect(
      query.condition
        == ExprSyntax(.membership(x, negated: false, literals), range: SourceRange(11, 26)))

    guard case .query(let grouped) = try Parser.parse("csat where (a)") else { return }
    #expect(grouped.condition?.range == SourceRange(11, 14))
  }

  @Test func sixtyFourParenthesesAreEnough() {
    let open = String(repeating: "(", count: 64)
    let close = String(repeating: ")", count: 64)
    parses("csat where \(open)a\(close)", as: "csat where a")
  }

  @Test func aThousandOperatorsAreEnough() throws {
    let source = "csat where " + String(repeating: "a or ", count: 1000) + "a"
    #expect(throws: Never.self) { try Parser.parse(source) }
  }
}
