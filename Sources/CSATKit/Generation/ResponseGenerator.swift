import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What to generate: how many rows, from which seed, over which days.
public struct GeneratorOptions: Sendable {
  /// The last day of the default window.
  public static let defaultEnd = CivilDate(year: 2026, month: 11, day: 30)

  /// Data rows to write, not counting the header.
  public var rows: Int
  /// Picks which rows are drawn; the same seed always gives the same bytes.
  public var seed: UInt64
  /// The last day of the window (UTC); responses run up to 23:59:59 on it.
  public var end: CivilDate
  /// How many days the window spans, ending with `end`.
  public var days: Int
  /// Worker threads; any count gives the same bytes.
  public var threads: Int

  public init(
    rows: Int, seed: UInt64 = 42, end: CivilDate = GeneratorOptions.defaultEnd, days: Int = 730,
    threads: Int = GeneratorOptions.availableThreads
  ) {
    self.rows = rows
    self.seed = seed
    self.end = end
    self.days = days
    self.threads = threads
  }

  /// The processors online, at least 1.
  public static var availableThreads: Int {
    max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
  }
}

/// Writes realistic, deterministic customer-satisfaction survey responses as CSV.
///
/// The output is a header and `options.rows` rows in time order, byte-identical for the same
/// options whatever the thread count: rows are drawn in fixed chunks of `chunkRows`, each
/// from its own random stream derived from the seed and the chunk number.
public struct ResponseGenerator: Sendable {
  /// The header row, with its newline.
  public static let header =
    "response_id,responded_at,customer_id,customer_type,region,country,product,"
    + "interaction_type,channel,rep,csat_score,nps_score,response_time_minutes,"
    + "followed_up,comment\n"

  /// Rows per random stream. Part of the output's identity: changing it changes the bytes.
  static let defaultChunkRows = 32_768

  public let options: GeneratorOptions
  /// Rows per random stream; only tests change it, to cover several chunks with few rows.
  let chunkRows: Int
  private let rows: ResponseRows

  /// Checks the options and prepares the world; throws when they cannot make an export.
  public init(options: GeneratorOptions) throws {
    try self.init(options: options, chunkRows: ResponseGenerator.defaultChunkRows)
  }

  init(options: GeneratorOptions, chunkRows: Int) throws {
    guard options.rows >= 0 else {
      throw QueryError(.error("the number of rows must not be negative, got \(options.rows)"))
    }
    guard (1...36_600).contains(options.days) else {
      throw QueryError(.error("the window must span 1 to 36600 days, got \(options.days)"))
    }
    let endDay = CalendarMath.dayNumber(options.end)
    guard CalendarMath.civilDate(endDay) == options.end else {
      throw QueryError(.error("the end date is not a real calendar day"))
    }
    guard CalendarMath.civilDate(endDay - options.days + 1).year >= 1, options.end.year <= 9999
    else {
      throw QueryError(.error("the window must fall in the years 1 to 9999"))
    }

    self.options = options
    self.chunkRows = max(1, chunkRows)
    rows = ResponseRows(
      world: SurveyWorld(), timeline: ResponseTimeline(end: options.end, days: options.days),
      totalRows: options.rows)
  }

  /// Hands the export to `sink` in order: the header, then one large buffer per chunk.
  public func write(to sink: ([UInt8]) throws -> Void) throws {
    try sink(Array(ResponseGenerator.header.utf8))

    let chunkCount = (options.rows + chunkRows - 1) / chunkRows
    let threads = max(1, min(options.threads, chunkCount))
    guard threads > 1 else {
      for chunk in 0..<chunkCount { try sink(chunkBytes(chunk)) }
      return
    }

    // Two chunks per thread per batch keeps every core busy while memory stays bounded.
    let batchSize = threads * 2
    let slots = ChunkSlots(count: batchSize)
    defer { slots.release() }
    for batchStart in stride(from: 0, to: chunkCount, by: batchSize) {
      let batchCount = min(batchSize, chunkCount - batchStart)
      DispatchQueue.concurrentPerform(iterations: batchCount) { slot in
        slots.store(chunkBytes(batchStart + slot), at: slot)
      }
      for slot in 0..<batchCount { try sink(slots.take(at: slot)) }
    }
  }

  /// Writes the export to an open file descriptor, retrying short and interrupted writes.
  public func write(toFileDescriptor descriptor: Int32) throws {
    try write { bytes in
      try bytes.withUnsafeBytes { buffer in
        guard var next = buffer.baseAddress else { return }

        var remaining = buffer.count
        while remaining > 0 {
          let written = systemWrite(descriptor, next, remaining)
          if written < 0 {
            if errno == EINTR { continue }
            let reason = String(cString: strerror(errno))
            throw QueryError(.error("cannot write the generated rows: \(reason)"))
          }
          next += written
          remaining -= written
        }
      }
    }
  }

  /// The whole export in memory; meant for small exports and tests.
  public func makeCSV() -> [UInt8] {
    var output: [UInt8] = []
    // The sink never throws, so neither does `write(to:)` here.
    try? write { output += $0 }
    return output
  }

  /// The bytes of chunk number `chunk`.
  private func chunkBytes(_ chunk: Int) -> [UInt8] {
    let first = chunk * chunkRows
    let last = min(options.rows, first + chunkRows)
    let random = RandomSource(seed: options.seed, stream: UInt64(chunk))
    return rows.bytes(for: first..<last, random: random)
  }
}

/// The C library's `write(2)`, out of the way of the generator's own `write` methods.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
  #else
    Darwin.write(descriptor, bytes, count)
  #endif
}

/// One result slot per chunk of a batch, filled by worker threads.
///
/// Unchecked `Sendable` is safe because each slot is written by exactly one worker during
/// `concurrentPerform` and read only after it returns, which orders the accesses.
private final class ChunkSlots: @unchecked Sendable {
  private let slots: UnsafeMutablePointer<[UInt8]>
  private let count: Int

  init(count: Int) {
    self.count = count
    slots = .allocate(capacity: count)
    slots.initialize(repeating: [], count: count)
  }

  func store(_ bytes: [UInt8], at slot: Int) {
    slots[slot] = bytes
  }

  func take(at slot: Int) -> [UInt8] {
    let bytes = slots[slot]
    slots[slot] = []
    return bytes
  }

  func release() {
    slots.deinitialize(count: count)
    slots.deallocate()
  }
}
