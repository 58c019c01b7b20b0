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

  @Test func everySingleFlippedBitIsFound() throws {
    let path = temporaryPath("flipped.csatdb")
    try Snapshot.write(Fixtures.responses(), to: path)
    let data = try #require(FileManager.default.contents(atPath: path))
    // Each step of the checksum is one-to-one in the state and in the word, so a flip in the
    // payload always changes it; a flip in the footer breaks its magic or its stored sum.
    var loaded = 0
    for bit in 0..<data.count * 8 {
      var copy = data
      copy[bit / 8] ^= UInt8(1) << UInt8(bit % 8)
      let refused = copy.withUnsafeBytes { raw in
        (try? Snapshot.verified(raw, path: path)) == nil
      }
      if !refused { loaded += 1 }
    }
    #expect(loaded == 0)
  }

  @Test func aDamagedSnapshotSaysSoWhenOpened() throws {
    let path = temporaryPath("damaged.csatdb")
    try Snapshot.write(Fixtures.responses(), to: path)
    var data = try #require(FileManager.default.contents(atPath: path))
    data[data.count / 2] ^= 0x10
    FileManager.default.createFile(atPath: path, contents: data)
    #expect {
      try Snapshot.read(path: path)
    } throws: { error in
      (error as? DataError)?.message.hasPrefix("damaged snapshot: its checksum does not match")
        == true
    }
  }

  @Test func savingWhereNoDirectoryIsSaysWhy() {
    let messages = Collected()
    let session = Session(sink: OutputSink(result: { _ in }, message: messages.append))
    session.use(Fixtures.responses())
    let folder = temporaryPath("missing")
    #expect(session.run(script: ".save \(folder)/x.csatdb", inputName: "test") == .failure)
    #expect(
      messages.text.contains(
        "error: \(folder)/x.csatdb: cannot write the snapshot: no such directory"))
    // "error" once: the reason replaces the loader's own "file: error:" prefix.
    #expect(messages.text.components(separatedBy: "error").count == 2)
  }
}
