import Testing

@testable import CSATKit

@Suite("load progress")
struct LoadProgressTests {
  @Test func everyByteAfterTheHeaderIsCountedOnce() throws {
    // ChunkTests.bigFile is about 12 MB, read in several chunks; its header
    // "id,comment,flag\n" is 16 bytes, and every byte after it belongs to a record.
    let bytes = ChunkTests.bigFile(rows: 360_000)
    let progress = LoadProgress()
    var options = LoadOptions()
    options.progress = progress
    let result = try loadBytes(bytes, options: options)
    #expect(result.dataset.rowCount == 360_000)
    #expect(progress.totalBytes == bytes.count - 16)
    #expect(progress.bytesRead == bytes.count - 16)
    #expect(progress.fraction == 1)
  }

  @Test func nothingIsReadBeforeTheLoadStarts() {
    let progress = LoadProgress()
    #expect(progress.bytesRead == 0 && progress.totalBytes == 0 && progress.fraction == 0)
  }
}
