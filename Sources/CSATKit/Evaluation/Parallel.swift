import Dispatch
import Foundation

/// Splits work over the machine's cores in contiguous chunks.
enum Parallel {
  /// The number of workers to use for `rows` rows: one for small inputs.
  static func workers(for rows: Int) -> Int {
    rows < 262_144 ? 1 : max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
  }

  /// Runs `body` on each chunk of `0..<rows` at once and returns the results in chunk order.
  static func map<T>(rows: Int, _ body: (Range<Int>) -> T) -> [T] {
    let count = workers(for: rows)
    if count == 1 { return [body(0..<rows)] }
    let results = ResultSlots<T>(count: count)
    withoutActuallyEscaping(body) { body in
      let work = UncheckedBox(body)
      DispatchQueue.concurrentPerform(iterations: count) { chunk in
        let lower = rows * chunk / count
        let upper = rows * (chunk + 1) / count
        results.set(chunk, work.value(lower..<upper))
      }
    }
    return results.values()
  }
}

/// Holds a value that is only read concurrently (the chunk body).
struct UncheckedBox<T>: @unchecked Sendable {
  let value: T

  init(_ value: T) {
    self.value = value
  }
}

/// One slot per chunk, each written by exactly one worker.
final class ResultSlots<T>: @unchecked Sendable {
  private var slots: [T?]
  private let lock = NSLock()

  init(count: Int) {
    slots = [T?](repeating: nil, count: count)
  }

  func set(_ index: Int, _ value: T) {
    lock.lock()
    slots[index] = value
    lock.unlock()
  }

  func values() -> [T] {
    lock.lock()
    defer { lock.unlock() }
    return slots.compactMap { $0 }
  }
}
