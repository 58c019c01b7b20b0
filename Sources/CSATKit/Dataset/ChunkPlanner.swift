import Foundation

/// Splits a file's records into chunks that threads can read at the same time.
///
/// A split point must fall between records, never inside a quoted field, and only reading
/// the file from its start tells for sure which line feeds are inside quotes. So the planner
/// guesses instead: from each equal slice of the file it takes the first line after which a
/// few records in a row have as many fields as the header. A line break inside a quoted
/// field is rarely followed by text that splits like that, and the guess costs a few
/// kilobytes read, not a pass over the whole file.
///
/// A guess can still be wrong. The loader therefore checks afterwards that each chunk ended
/// exactly where the next one starts, and reads the rest of the file in one piece when they
/// do not agree.
enum ChunkPlanner {
  /// Smaller files are read in one chunk.
  static let minimumChunkBytes = 1 << 22

  /// How many records after a candidate split must have the header's field count.
  static let recordsToCheck = 4

  /// How many line feeds after a slice start are tried before taking the first one.
  static let candidatesPerSlice = 64

  /// How far past a candidate its records are read: a quote that wrongly seems to open a
  /// field must not send the check to the end of the file.
  static let checkBytes = 1 << 20

  /// The number of threads worth using.
  static var workerCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

  /// Chunks covering `start..<buffer.count` of file number `file`, whose records should have
  /// `fieldCount` fields separated by `delimiter`.
  static func plan(
    _ buffer: ByteBuffer, file: Int, from start: Int, parts: Int, delimiter: UInt8,
    fieldCount: Int
  ) -> [Chunk] {
    let size = buffer.count - start
    let count = max(1, min(parts, size / minimumChunkBytes))
    guard count > 1 else { return [Chunk(file: file, start: start, end: buffer.count)] }

    var boundaries = [start]
    for slice in 1..<count {
      let boundary = likelyRecordStart(
        buffer, from: start + size / count * slice, delimiter: delimiter, fieldCount: fieldCount)
      if let last = boundaries.last, boundary > last && boundary < buffer.count {
        boundaries.append(boundary)
      }
    }
    boundaries.append(buffer.count)
    return (0..<boundaries.count - 1).map {
      Chunk(file: file, start: boundaries[$0], end: boundaries[$0 + 1])
    }
  }

  /// The offset after the first line feed at or after `offset` from which the next
  /// ``recordsToCheck`` records have `fieldCount` fields; the first line start at all when
  /// no candidate passes, and the end of the buffer when no line feed follows.
  static func likelyRecordStart(
    _ buffer: ByteBuffer, from offset: Int, delimiter: UInt8, fieldCount: Int
  ) -> Int {
    let base = UnsafePointer(buffer.base)
    let lineFeeds = ByteSet(ASCII.lineFeed, ASCII.lineFeed, ASCII.lineFeed)
    let first = lineFeeds.firstIndex(in: base, from: offset, to: buffer.count) + 1
    var candidate = first
    for _ in 0..<candidatesPerSlice where candidate < buffer.count {
      if recordsFit(base, from: candidate, to: buffer.count, delimiter, fieldCount) {
        return candidate
      }
      candidate = lineFeeds.firstIndex(in: base, from: candidate, to: buffer.count) + 1
    }
    return min(first, buffer.count)
  }

  /// Whether the records from `start` (up to ``recordsToCheck`` of them, at least one) all
  /// have `fieldCount` fields and no quoted field among them runs on without end.
  private static func recordsFit(
    _ base: UnsafePointer<UInt8>, from start: Int, to end: Int, _ delimiter: UInt8,
    _ fieldCount: Int
  ) -> Bool {
    let limit = min(end, start + checkBytes)
    var scanner = RecordScanner(base: base, from: start, to: limit, delimiter: delimiter)
    var linesBefore = 0
    var checked = 0
    while checked < recordsToCheck {
      guard let fields = try? scanner.nextRecord(linesBefore: &linesBefore) else { return false }
      if fields == 0 { break }
      // A record cut off by the limit says nothing either way.
      if scanner.position >= limit && limit < end { break }
      guard fields == fieldCount else { return false }
      checked += 1
    }
    return checked > 0
  }
}

/// A pointer handed to worker threads that write disjoint elements through it.
struct SendablePointer<Element>: @unchecked Sendable {
  let pointer: UnsafeMutablePointer<Element>?

  init(_ pointer: UnsafeMutablePointer<Element>?) {
    self.pointer = pointer
  }
}
