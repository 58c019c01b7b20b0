import Dispatch
import Foundation

/// Splits a file's records into chunks that threads can read at the same time.
///
/// A split point must fall between records, never inside a quoted field. Whether an offset
/// is inside quotes follows from the parity of the quotes before it, because quoted fields
/// hold an even number of quote bytes once they close. So the planner finds the parity of
/// the quotes in equal slices of the file in parallel, adds them up, and moves each slice
/// start forward to the first line feed outside quotes.
///
/// A quote in the middle of an unquoted field breaks the parity rule. The loader therefore
/// checks afterwards that each chunk ended exactly where the next one starts, and reads the
/// rest of the file in one piece when they do not agree.
enum ChunkPlanner {
  /// Smaller files are read in one chunk.
  static let minimumChunkBytes = 1 << 22

  /// The number of threads worth using.
  static var workerCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

  /// Chunks covering `start..<buffer.count` of file number `file`.
  static func plan(_ buffer: ByteBuffer, file: Int, from start: Int, parts: Int) -> [Chunk] {
    let size = buffer.count - start
    let count = max(1, min(parts, size / minimumChunkBytes))
    guard count > 1 else { return [Chunk(file: file, start: start, end: buffer.count)] }

    let base = UnsafePointer(buffer.base)
    let sliceStarts = (0...count).map { start + size / count * $0 }
    let oddQuotes = UnsafeMutableBufferPointer<Bool>.allocate(capacity: count)
    defer { oddQuotes.deallocate() }
    let parities = SendablePointer(oddQuotes.baseAddress)
    DispatchQueue.concurrentPerform(iterations: count) { slice in
      let lower = sliceStarts[slice]
      let upper = slice == count - 1 ? buffer.count : sliceStarts[slice + 1]
      // Step by step, dropping the pages counted so that the file is never all in memory.
      let quotes = ByteSet(ASCII.quote, ASCII.quote, ASCII.quote)
      var odd = false
      var step = lower
      while step < upper {
        let stepEnd = min(upper, step + ChunkReader.releaseStep)
        odd = odd != quotes.hasOddCount(in: UnsafePointer(buffer.base), from: step, to: stepEnd)
        buffer.release(from: step, to: stepEnd)
        step = stepEnd
      }
      parities.pointer?[slice] = odd
    }

    var boundaries = [start]
    var inQuotes = false
    for slice in 1..<count {
      inQuotes = inQuotes != oddQuotes[slice - 1]
      let boundary = nextRecordStart(
        base, from: sliceStarts[slice], to: buffer.count, inQuotes: inQuotes)
      if let last = boundaries.last, boundary > last && boundary < buffer.count {
        boundaries.append(boundary)
      }
    }
    boundaries.append(buffer.count)
    return (0..<boundaries.count - 1).map {
      Chunk(file: file, start: boundaries[$0], end: boundaries[$0 + 1])
    }
  }

  /// The offset after the first line feed at or after `start` that lies outside quotes.
  private static func nextRecordStart(
    _ base: UnsafePointer<UInt8>, from start: Int, to end: Int, inQuotes: Bool
  ) -> Int {
    var quoted = inQuotes
    var index = start
    while index < end {
      let byte = base[index]
      if byte == ASCII.quote {
        quoted.toggle()
      } else if byte == ASCII.lineFeed && !quoted {
        return index + 1
      }
      index += 1
    }
    return end
  }
}

/// A pointer handed to worker threads that write disjoint elements through it.
struct SendablePointer<Element>: @unchecked Sendable {
  let pointer: UnsafeMutablePointer<Element>?

  init(_ pointer: UnsafeMutablePointer<Element>?) {
    self.pointer = pointer
  }
}
