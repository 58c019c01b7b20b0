import Testing

@testable import CSATKit

@Suite("chunk times, four-byte seconds until an instant does not fit")
struct ChunkTimesTests {
  /// The values of `times` as written to a column.
  private func copied(_ times: ChunkTimes) -> [Int64] {
    [Int64](unsafeUninitializedCapacity: times.count) { buffer, count in
      times.copy(times.count, into: buffer.baseAddress!)
      count = times.count
    }
  }

  @Test func wholeSecondsStayNarrowAroundTheFirstInstant() {
    var times = ChunkTimes()
    defer { times.release() }
    // 2023-11-14T22:13:20Z is 1,700,000,000 s; the others are 1 s later, 1 day earlier,
    // and 60 years later (1,893,456,000 s on, within the 2,147,483,647 s a narrow value holds).
    let first: Int64 = 1_700_000_000_000
    let later = [first + 1000, first - 86_400_000, first + 1_893_456_000_000]
    times.appendMissing(count: 2)
    times.append(first)
    for instant in later { times.append(instant) }
    times.appendMissing()
    #expect(!times.isWide)
    let missing = TimestampColumn.missing
    #expect(copied(times) == [missing, missing, first] + later + [missing])
    #expect(copied(times)[3] == first + 1000)
  }

  @Test(
    arguments: [
      // A millisecond; an instant 70 years on (2,209,032,000 s, past Int32.max); one before
      // 1970 as far back.
      1_700_000_000_123, 1_700_000_000_000 + 2_209_032_000_000,
      1_700_000_000_000 - 2_209_032_000_000,
    ] as [Int64])
  func anInstantThatDoesNotFitWidensAndKeepsEarlierValues(instant: Int64) {
    var times = ChunkTimes()
    defer { times.release() }
    times.append(1_700_000_000_000)
    times.appendMissing()
    times.append(instant)
    #expect(times.isWide)
    times.append(1_700_000_001_000)
    #expect(
      copied(times) == [1_700_000_000_000, TimestampColumn.missing, instant, 1_700_000_001_000])
  }

  @Test func aPackedSlashDateWidens() {
    var times = ChunkTimes()
    defer { times.release() }
    times.append(0)
    times.append(packed: SlashDate.packedBase + 5)
    #expect(times.isWide)
    #expect(copied(times) == [0, SlashDate.packedBase + 5])
  }
}
