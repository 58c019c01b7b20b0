import Foundation
import Testing

@testable import CSATKit

@Suite struct SnapshotTests {
  func temporaryPath(_ name: String) -> String {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("csat-snapshot-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.appendingPathComponent(name).path
  }

  @Test func aSavedDatasetReadsBackTheSame() throws {
    let original = Fixtures.responses()
    let path = temporaryPath("fixture.csatdb")
    try Snapshot.write(original, to: path)
    #expect(Snapshot.isSnapshot(path: path))
    let copy = try Snapshot.read(path: path)
    #expect(copy.rowCount == original.rowCount)
    #expect(copy.roles == original.roles)
    #expect(copy.columns.map(\.name) == original.columns.map(\.name))
    for (left, right) in zip(copy.columns, original.columns) {
      switch (left.data, right.data) {
      case (.text(let a), .text(let b)):
        #expect(a.codes == b.codes)
        #expect(a.dictionary == b.dictionary)
      case (.number(let a), .number(let b)):
        // NaN marks a missing answer and is not equal to itself: compare the bit patterns.
        #expect(a.values.map(\.bitPattern) == b.values.map(\.bitPattern))
      case (.boolean(let a), .boolean(let b)): #expect(a.values == b.values)
      case (.timestamp(let a), .timestamp(let b)): #expect(a.values == b.values)
      default: Issue.record("column \(left.name) changed type")
      }
    }
  }

  @Test func aDamagedSnapshotIsRefused() throws {
    let path = temporaryPath("broken.csatdb")
    try Snapshot.write(Fixtures.responses(), to: path)
    // Cut the file short: the column buffers no longer fit.
    let data = try #require(FileManager.default.contents(atPath: path))
    FileManager.default.createFile(atPath: path, contents: data.prefix(data.count - 40))
    #expect(throws: DataError.self) { try Snapshot.read(path: path) }
    let csv = temporaryPath("plain.csv")
    FileManager.default.createFile(atPath: csv, contents: Data("a,b\n1,2\n".utf8))
    #expect(!Snapshot.isSnapshot(path: csv))
  }
}
