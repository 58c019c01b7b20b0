import Synchronization

/// How far a load has read its files, for a progress bar drawn by another thread.
///
/// The loader sets the total when it has planned its chunks; the threads reading chunks add
/// the bytes behind them every few megabytes. Both may be read at any time from any thread.
public final class LoadProgress: Sendable {
  private let done = Atomic<Int>(0)
  private let total = Atomic<Int>(0)

  public init() {}

  /// The bytes of records read so far.
  public var bytesRead: Int { done.load(ordering: .relaxed) }

  /// The bytes of records the load reads in all; 0 until the loader knows.
  public var totalBytes: Int { total.load(ordering: .relaxed) }

  /// The share read so far, from 0 to 1; 0 while the total is unknown.
  public var fraction: Double {
    let total = totalBytes
    guard total > 0 else { return 0 }
    return min(1, Double(bytesRead) / Double(total))
  }

  func setTotal(_ bytes: Int) {
    total.store(bytes, ordering: .relaxed)
  }

  func add(_ bytes: Int) {
    guard bytes > 0 else { return }
    done.add(bytes, ordering: .relaxed)
  }
}
