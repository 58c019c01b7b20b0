import Foundation
import Testing

@testable import CSATKit

@Suite struct OneShotProjectionTests {
  func write(_ text: String) -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("csat-projection-\(UUID().uuidString).csv").path
    FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    return path
  }

  @Test func keepsNamedFieldsRoleCandidatesAndDateColumns() throws {
    // `answered` is kept for its date, `csat_score` for its name, `Rep` because the query
    // names `rep` (any case); `product`, `notes` and `id` are not needed.
    let path = write(
      "id,answered,Rep,product,csat_score,notes\n1,2026-11-02T10:00:00Z,Ann,\"A, B\",5,\"x\"\n")
    let kept = OneShotProjection.columns(for: ["csat by rep"], path: path)
    #expect(kept == ["answered", "Rep", "csat_score"])
    // Conditions and list fields count too; a list that uses no score leaves csat_score out.
    let listed = OneShotProjection.columns(
      for: ["list notes where product contains \"A\""], path: path)
    #expect(listed == ["answered", "product", "notes"])
  }

  @Test func keepsTheCandidatesOfTheRolesUsedOnly() throws {
    // Score candidates: csat_score (satisfaction), ltr (recommending), score_0_10 (says
    // 0-10). Follow-up: followed_up. `wait_time` is about time but its first value is a
    // number, so it cannot be the time column; `closed_at` has no value yet and stays.
    let path = write(
      "id,when,csat_score,ltr,score_0_10,followed_up,wait_time,closed_at,rep\n"
        + "1,2026-11-02,5,9,7,true,12,,Ann\n")
    let times: Set = ["when", "closed_at"]
    let scores: Set = ["csat_score", "ltr", "score_0_10"]
    // score_0_10 may be nps or csat: since nps is found first, a csat query needs every
    // score candidate.
    #expect(
      OneShotProjection.columns(for: ["csat by rep"], path: path)
        == times.union(scores).union(["rep"]))
    // A count needs no score at all.
    #expect(
      OneShotProjection.columns(for: ["count by rep since 30d"], path: path) == times.union(["rep"])
    )
    // Naming one score column in a condition brings in all of them.
    #expect(
      OneShotProjection.columns(for: ["count where ltr >= 9"], path: path) == times.union(scores))
    // `followup` counts detractors by the score columns and needs the follow-up column.
    #expect(
      OneShotProjection.columns(for: ["followup by rep"], path: path)
        == times.union(scores).union(["followed_up", "rep"]))
    // A follow-up field may be a metric too, which counts detractors by the score columns.
    #expect(
      OneShotProjection.columns(for: ["count where not followed_up"], path: path)
        == times.union(scores).union(["followed_up"]))
  }

  @Test func metaCommandsAndBadStatementsReadEverything() {
    let path = write("a;b\n1;2\n")
    #expect(OneShotProjection.columns(for: [".fields"], path: path) == nil)
    #expect(OneShotProjection.columns(for: ["csat by"], path: path) == nil)
    #expect(OneShotProjection.columns(for: ["targets"], path: path) == nil)
    // The delimiter is sniffed: `;` splits this header into a and b.
    #expect(OneShotProjection.columns(for: ["count by a"], path: path) == ["a"])
  }

  @Test func csatAndNPSCandidatesApartWhenNoColumnCouldBeBoth() {
    // ltr and nps_0_10 are about recommending, so they can never be csat: a csat query
    // needs csat_score and rating only, an nps query the other two.
    let path = write("when,csat_score,ltr,nps_0_10,rating\n2026-11-02,5,9,7,4\n")
    #expect(
      OneShotProjection.columns(for: ["csat since 30d"], path: path)
        == ["when", "csat_score", "rating"])
    #expect(
      OneShotProjection.columns(for: ["promoters, detractors"], path: path)
        == ["when", "ltr", "nps_0_10"])
    #expect(OneShotProjection.columns(for: ["avg(rating)"], path: path)?.count == 5)
  }

  @Test func timeColumnsAreJudgedByTheirFirstValueThatIsNotMissing() {
    // closed_on starts blank, then a date: kept. wait starts NA, then a number: a number
    // column, never the time column. flag is a boolean, note a quoted text with doubled
    // quotes, id a number; later is blank in every row, so it may still hold times.
    let path = write(
      "closed_on,received,wait,flag,note,id,later\n"
        + ",2026-10-01,NA,yes,\"say \"\"hi\"\"\",1,\n"
        + "2026-11-02,2026-10-05,7,no,2026-11-01,2,\n")
    #expect(
      OneShotProjection.columns(for: ["count by month"], path: path)
        == ["closed_on", "received", "later"])
  }

  @Test func namesAreTheLoadersNames() {
    // A blank name becomes column_1 and a repeated one date_2, as the loader names them;
    // the doubled quotes of a quoted name are undone, so the csat query finds it.
    let path = write(
      ",\"How satisfied were you with \"\"Acme\"\"?\",date,date,rep\n"
        + "2026-11-02,5,Mon,2026-11-02,a\n")
    #expect(
      OneShotProjection.columns(for: ["csat by rep"], path: path)
        == ["column_1", "How satisfied were you with \"Acme\"?", "date_2", "rep"])
  }

  @Test func aHeaderLongerThanASampleIsReadWhole() {
    // 900 long names (more than 64 KB of header) and then `csat`, which a csat query keeps.
    let filler = (0..<900).map { "question number \($0) about something else entirely" }
    let path = write(
      (filler + ["csat"]).joined(separator: ",") + "\n"
        + Array(repeating: "x", count: 900).joined(separator: ",") + ",5\n")
    #expect(OneShotProjection.columns(for: ["csat"], path: path) == ["csat"])
  }

  @Test func roleFlagsMatchNamesInAnyCase() {
    // `--csat-column csat` names CSAT, a score column, so the score candidates come too.
    let path = write("CSAT,LTR,rep,region\n5,9,a,north\n")
    #expect(
      OneShotProjection.columns(for: ["count by rep"], path: path, roleColumns: ["csat"])
        == ["CSAT", "LTR", "rep"])
  }

  @Test func aRoleFlagNamingNoColumnReadsEverything() {
    // The load then fails, and its error suggests the nearest of all the columns.
    let path = write("csat_score,rep\n5,a\n")
    #expect(
      OneShotProjection.columns(for: ["count by rep"], path: path, roleColumns: ["csat_scor"])
        == nil)
  }

  @Test func aPipeIsReadWhole() {
    // Sampling a pipe would use up the bytes the loader needs.
    #expect(OneShotProjection.columns(for: ["count"], path: "/dev/stdin") == nil)
  }
}
