import Testing

@testable import CSATKit

@Suite("roles")
struct RoleTests {
  @Test(arguments: [
    "csat", "csat_score", "CSAT Score", "Customer Satisfaction Rating", "satisfaction",
    "satisfaction score", "rating", "score",
  ])
  func csatNames(name: String) throws {
    let dataset = try loadCSV("id,\(name)\n1,4\n2,5\n3,1\n").dataset
    #expect(dataset.roles.csat == 1)
  }

  @Test func csatPrefersSatisfactionOverRating() throws {
    let dataset = try loadCSV("rating,csat\n1,2\n5,4\n").dataset
    #expect(dataset.roles.csat == 1)
  }

  @Test func csatNeedsASmallScaleOfWholeNumbers() throws {
    #expect(try loadCSV("score\n1.5\n4\n").dataset.roles.csat == nil)
    #expect(try loadCSV("score\n1\n40\n").dataset.roles.csat == nil)
  }

  /// 999 answers: 333 each of 1, 4 and 5, then one stray. Of 999 answers 666 are 4 or 5:
  /// CSAT 66.7; 333 are 1 or 2: dsat 33.3.
  private func strayFile(_ stray: String, header: String = "csat_score") -> String {
    let answers = (0..<999).map { ["1", "4", "5"][$0 % 3] }
    return ([header] + answers + [stray]).joined(separator: "\n") + "\n"
  }

  @Test(arguments: ["-1", "1000000", "4.5", "11"])
  func aStrayAnswerDoesNotHideTheScoreColumn(stray: String) throws {
    let result = try loadCSV(strayFile(stray))
    #expect(result.dataset.roles.csat == 0)

    let catalog = Catalog(dataset: result.dataset)
    #expect(catalog.scale(ofColumn: 0) == ScoreScale(low: 1, high: 5))
  }

  @Test func twoStraysInFewerThanFourHundredAnswersAreTooMany() throws {
    // 300 answers allow one stray (300 / 200 = 1); the second rules the column out.
    let answers = (0..<298).map { ["1", "4", "5"][$0 % 3] } + ["1000000", "4.5"]
    let text = (["csat_score"] + answers).joined(separator: "\n") + "\n"
    #expect(try loadCSV(text).dataset.roles.csat == nil)
  }

  @Test func aStrayOfTwelveInAnNPSColumnKeepsItsRole() throws {
    #expect(try loadCSV(strayFile("12", header: "nps")).dataset.roles.nps == 0)
  }

  @Test(arguments: [
    "nps", "nps_score", "likelihood to recommend", "How likely are you to recommend us?",
    "would you recommend", "LTR",
  ])
  func npsNames(name: String) throws {
    let dataset = try loadCSV("id,\(name)\n1,0\n2,10\n3,7\n").dataset
    #expect(dataset.roles.nps == 1)
  }

  @Test func npsPrefersRecommendOverAZeroToTenQuestion() throws {
    let text = "\"On a scale of 0-10, rate lunch\",Would you recommend us?\n3,9\n10,0\n"
    #expect(try loadCSV(text).dataset.roles.nps == 1)
  }

  @Test func timeAndFollowUp() throws {
    let text =
      "birthday,responded_at,followed_up,follow_up_done\n"
      + "2000-01-01,2026-01-01T10:00Z,true,yes\n"
    let roles = try loadCSV(text).dataset.roles
    #expect(roles.time == 1)
    #expect(roles.followUp == 2)
  }

  @Test func optionsOverrideRolesByName() throws {
    let text = "csat,other,nps\n1,2,9\n5,4,10\n"
    let options = LoadOptions(csatColumn: "OTHER", npsColumn: "csat")
    let roles = try loadCSV(text, options: options).dataset.roles
    #expect(roles.csat == 1)
    #expect(roles.nps == 0)
  }

  @Test func overrideErrorsListNearestNames() throws {
    let text = "csat_score,comment\n1,x\n"
    let missing = try #require(loadError(text, options: LoadOptions(csatColumn: "csat_scor")))
    #expect(missing.message.contains("'csat_score'"))
    let wrongType = try #require(loadError(text, options: LoadOptions(npsColumn: "comment")))
    #expect(wrongType.message.contains("text column"))
  }

  @Test func setRoleAndDetectAgain() throws {
    var dataset = try loadCSV("a,b\n1,2\n5,4\n").dataset
    #expect(dataset.roles.csat == nil)
    try dataset.setRole(.csat, toColumnNamed: "b")
    #expect(dataset.roles.csat == 1)
    #expect(throws: DataError.self) { try dataset.setRole(.time, toColumnNamed: "a") }
    dataset.columns[0].name = "csat"
    dataset.detectRoles()
    #expect(dataset.roles.csat == 0)
  }
}
