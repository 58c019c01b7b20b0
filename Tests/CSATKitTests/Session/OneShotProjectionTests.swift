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
    // Conditions and list fields count too.
    let listed = OneShotProjection.columns(
      for: ["list notes where product contains \"A\""], path: path)
    #expect(listed == ["answered", "product", "csat_score", "notes"])
  }

  @Test func metaCommandsAndBadStatementsReadEverything() {
    let path = write("a;b\n1;2\n")
    #expect(OneShotProjection.columns(for: [".fields"], path: path) == nil)
    #expect(OneShotProjection.columns(for: ["csat by"], path: path) == nil)
    #expect(OneShotProjection.columns(for: ["targets"], path: path) == nil)
    // The delimiter is sniffed: `;` splits this header into a and b.
    #expect(OneShotProjection.columns(for: ["count by a"], path: path) == ["a"])
  }

  @Test(arguments: [
    ("2026-11-30", true), ("30/11/2026 10:00", true), ("11.30.2026", true), ("2026", false),
    ("Ann", false), ("12-ab-2026", false), ("", false),
  ])
  func datesAreRecognised(value: String, isDate: Bool) {
    #expect(CSVHeader.looksLikeDate(value) == isDate)
  }
}
