import Testing

@testable import CSATKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The export's shape: determinism, header, row count, fields, order and quoting.
struct ResponseGeneratorTests {
  @Test func sameOptionsGiveTheSameBytes() {
    let options = GeneratorOptions(rows: 2000, seed: 99)
    let first = GeneratedSample.generate(options)
    #expect(!first.isEmpty)
    #expect(first == GeneratedSample.generate(options))
  }

  @Test func anotherSeedGivesOtherRows() {
    let first = GeneratedSample.generate(GeneratorOptions(rows: 2000, seed: 1))
    let second = GeneratedSample.generate(GeneratorOptions(rows: 2000, seed: 2))
    #expect(first != second)
  }

  @Test(arguments: [2, 3, 8])
  func threadCountDoesNotChangeTheBytes(threads: Int) {
    // Small chunks so that 5000 rows span many chunks and several batches.
    let single = GeneratedSample(rows: 5000, seed: 5, threads: 1, chunkRows: 300)
    let parallel = GeneratedSample(rows: 5000, seed: 5, threads: threads, chunkRows: 300)
    #expect(single.rows.count == 5000)
    #expect(single.bytes == parallel.bytes)
  }

  @Test func fileDescriptorGetsTheSameBytes() async throws {
    let options = GeneratorOptions(rows: 2000, seed: 3)
    var pipeEnds: [Int32] = [0, 0]
    #expect(pipe(&pipeEnds) == 0)
    let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])
    // The export is larger than a pipe holds, so write from another task while reading.
    let writer = Task.detached {
      defer { close(writeEnd) }
      try ResponseGenerator(options: options).write(toFileDescriptor: writeEnd)
    }
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = read(readEnd, &buffer, buffer.count)
      if count <= 0 { break }
      received += buffer[0..<count]
    }
    close(readEnd)
    try await writer.value
    #expect(received == GeneratedSample.generate(options))
  }

  @Test func aShortWindowEndsOnItsLastDay() {
    let end = CivilDate(year: 2025, month: 3, day: 2)
    let options = GeneratorOptions(rows: 300, seed: 4, end: end, days: 2)
    let records = (try? CSVTestReader.records(GeneratedSample.generate(options))) ?? []
    let times = records.dropFirst().map { $0[1] }
    #expect(times.count == 300)
    #expect(times.allSatisfy { $0.hasPrefix("2025-03-01T") || $0.hasPrefix("2025-03-02T") })
  }

  @Test(arguments: [0, 1, 17, 1000])
  func rowCountMatchesTheOptions(rows: Int) {
    let sample = GeneratedSample(rows: rows, seed: 42)
    #expect(sample.header == GeneratedSample.columnNames)
    #expect(sample.rows.count == rows)
    #expect(sample.bytes.last == UInt8(ascii: "\n"))
  }

  @Test func everyRowHasFifteenFields() {
    let sample = GeneratedSample.twoYears
    #expect(sample.rows.count == 20_000)
    #expect(sample.rows.allSatisfy { $0.count == 15 })
  }

  @Test func idsCountUpAndTimesNeverGoBack() {
    let sample = GeneratedSample.twoYears
    #expect(sample.column("response_id") == (1...20_000).map(String.init))
    let times = sample.column("responded_at")
    #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 })
    // 730 days ending 2026-11-30 start on 2024-12-01 (checked with Python's datetime).
    #expect(times.allSatisfy { $0 >= "2024-12-01T00:00:00Z" && $0 <= "2026-11-30T23:59:59Z" })
    #expect(times.first?.hasPrefix("2024-12-0") == true)
    #expect(times.last?.hasPrefix("2026-11-") == true)
  }

  @Test func timestampsAreIsoUtcToTheSecond() {
    let pattern = /\d{4}-(0[1-9]|1[0-2])-[0-3]\dT([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ/
    let times = GeneratedSample.twoYears.column("responded_at")
    #expect(times.allSatisfy { $0.wholeMatch(of: pattern) != nil })
  }

  @Test func quotingRoundTrips() {
    let sample = GeneratedSample.twoYears
    let text = String(decoding: sample.bytes, as: UTF8.self)
    let products = Set(sample.column("product"))
    #expect(products.contains("Cloud Backup, Business"))
    #expect(products.contains("Router \"Kestrel\" AX6"))
    #expect(products.contains("Widget Pro"))
    #expect(text.contains(",\"Cloud Backup, Business\","))
    #expect(text.contains(",\"Router \"\"Kestrel\"\" AX6\","))
    #expect(text.contains(",Widget Pro,"))
    let comments = sample.column("comment")
    #expect(comments.contains { $0.contains("\n") })
    #expect(comments.contains { $0.contains("\"") && $0.contains(",") })
    #expect(comments.contains { $0.unicodeScalars.contains { $0.properties.isEmojiPresentation } })
  }

  @Test func badOptionsAreRefused() {
    #expect(throws: QueryError.self) { try ResponseGenerator(options: .init(rows: -1)) }
    #expect(throws: QueryError.self) { try ResponseGenerator(options: .init(rows: 5, days: 0)) }
    let february30 = CivilDate(year: 2026, month: 2, day: 30)
    #expect(throws: QueryError.self) {
      try ResponseGenerator(options: .init(rows: 5, end: february30))
    }
    let yearTwo = CivilDate(year: 2, month: 6, day: 1)
    #expect(throws: QueryError.self) {
      try ResponseGenerator(options: .init(rows: 5, end: yearTwo, days: 730))
    }
  }
}
