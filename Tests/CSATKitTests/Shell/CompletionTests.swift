import Testing

@testable import CSATKit

@Suite struct CompletionTests {
  let candidates = [
    "by", "between", "where", "csat", "comment", "customer name", "customer id", ".format",
    ".help", "Région", "日本語",
  ]

  func complete(_ text: String) -> Completion.Outcome? {
    Completion.complete(textBeforeCursor: text, candidates: candidates)
  }

  @Test func aSingleMatchIsFinishedWithASpace() {
    #expect(complete("csat wh") == Completion.Outcome(deleteCount: 2, insertion: "where "))
    #expect(complete("csat WH") == Completion.Outcome(deleteCount: 2, insertion: "where "))
    #expect(complete(".fo") == Completion.Outcome(deleteCount: 3, insertion: ".format "))
    #expect(complete("csat by ré") == Completion.Outcome(deleteCount: 2, insertion: "Région "))
    #expect(complete("x,日") == Completion.Outcome(deleteCount: 1, insertion: "日本語 "))
  }

  @Test func namesWithSpacesAreBackQuoted() {
    // Both customer fields share "`customer ", longer than the typed "cus".
    #expect(complete("csat by cus") == Completion.Outcome(deleteCount: 3, insertion: "`customer "))
    #expect(
      complete("csat by `customer n")
        == Completion.Outcome(deleteCount: 11, insertion: "`customer name` "))
  }

  @Test func anOpenChoiceIsListed() {
    #expect(
      complete("csat b")
        == Completion.Outcome(deleteCount: 0, insertion: "", choices: ["between", "by"]))
    #expect(
      complete("nps by c")
        == Completion.Outcome(
          deleteCount: 0, insertion: "",
          choices: ["`customer id`", "`customer name`", "comment", "csat"]))
  }

  @Test func aCommonPrefixIsInserted() {
    #expect(complete("co") == Completion.Outcome(deleteCount: 2, insertion: "comment "))
    #expect(complete("b") == nil || complete("b")?.choices == ["between", "by"])
    #expect(complete("nothing") == nil)
  }

  @Test(arguments: [
    ("csat by rep", "rep"),
    ("csat by ", ""),
    ("where x=\"a", "a"),
    ("count(cu", "cu"),
    ("by `customer na", "`customer na"),
    ("by `a b` c", "c"),
    (".he", ".he"),
  ])
  func currentWord(text: String, word: String) {
    #expect(Completion.currentWord(text) == word)
  }

  @Test func deleteCountIsInScalars() {
    // "Re\u{301}" is two characters but three scalars; libedit deletes wide characters.
    let outcome = Completion.complete(textBeforeCursor: "Re\u{301}", candidates: ["Re\u{301}gion"])
    #expect(outcome == Completion.Outcome(deleteCount: 3, insertion: "Re\u{301}gion "))
  }

  @Test func listingFillsColumnsDownThenAcross() {
    let choices = ["between", "by", "comment", "csat", "日本語"]
    // Widest is 7 columns, so columns are 9 wide; 20 columns fit 2 of them.
    #expect(
      Completion.listing(choices, width: 20) == "between  csat\nby       日本語\ncomment\n")
    #expect(Completion.listing(choices, width: 80) == "between  by       comment  csat     日本語\n")
    #expect(Completion.listing([], width: 80) == "")
  }

  // MARK: - Words by context

  /// The words Tab offers on the fixture data (fields rep, product, csat_score, nps_score,
  /// responded_at, followed_up) after `text`.
  private func offered(_ text: String) -> [String] {
    let session = Session(
      settings: QuerySettings(now: .fixed(Fixtures.now)), format: .csv,
      sink: OutputSink(result: { _ in }, message: { _ in }))
    session.use(Fixtures.responses())
    return Completion.words(session, before: text)
  }

  @Test func aListOffersAgeBesideItsFields() {
    #expect(offered("list rep, ").contains("age"))
    #expect(offered("list rep order by ").contains("age"))
    #expect(!offered("csat by ").contains("age"))
  }

  @Test func afterVsLastOnlyYear() {
    #expect(offered("csat since 30d vs last ") == ["year"])
    #expect(offered("csat last ").contains("month"))
  }

  @Test func coverageOffersItsClausesAfterItsField() {
    #expect(
      offered("coverage by rep ") == ["where", "since", "between", "during", "this", "last", "per"])
    #expect(offered("coverage by rep per ") == ["week", "month"])
    #expect(offered("coverage by ").contains("rep"))
  }
}
