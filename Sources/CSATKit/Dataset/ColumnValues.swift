/// The values of one column, one after another in memory: what a loaded column keeps.
///
/// A load reads each chunk of rows into buffers of its own (``RawBuffer``); the column then
/// takes those buffers over instead of copying them into an array, moving the later chunks'
/// pages after the first chunk's (``RawBuffer/absorb(_:)``). On a machine where a fresh
/// page costs more than writing it, the copy into fresh memory was most of the merge.
///
/// The values never change once made; copies share them, and the last copy frees them.
public struct ColumnValues<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
  private let base: UnsafeMutablePointer<Element>?
  public let endIndex: Int
  /// Frees the memory when the last copy of the values goes.
  private let owner: Owner?

  private final class Owner {
    /// A load's buffer, or memory from the allocator (`nil`: the buffer's).
    var buffer: RawBuffer<Element>
    let allocated: UnsafeMutablePointer<Element>?

    init(buffer: RawBuffer<Element>, allocated: UnsafeMutablePointer<Element>?) {
      self.buffer = buffer
      self.allocated = allocated
    }

    deinit {
      buffer.release()
      allocated?.deallocate()
    }
  }

  /// Takes over `buffer`, whose memory the values free: no one else may release it.
  init(adopting buffer: RawBuffer<Element>) {
    base = buffer.base
    endIndex = buffer.count
    owner = Owner(buffer: buffer, allocated: nil)
  }

  /// `count` values that `initialize` writes, each of them, to the memory it is given.
  ///
  /// The memory comes from the allocator, which keeps freed memory for the next request:
  /// a query that makes such values each time then writes pages that are there already.
  init(count: Int, initializingWith initialize: (UnsafeMutablePointer<Element>) -> Void) {
    endIndex = count
    guard count > 0 else {
      base = nil
      owner = nil
      return
    }
    let memory = UnsafeMutablePointer<Element>.allocate(capacity: count)
    initialize(memory)
    base = memory
    owner = Owner(buffer: RawBuffer(), allocated: memory)
  }

  /// A copy of `values`.
  public init(_ values: [Element]) {
    self.init(count: values.count) { target in
      values.withUnsafeBufferPointer { target.initialize(from: $0.baseAddress!, count: $0.count) }
    }
  }

  public var startIndex: Int { 0 }

  @inline(__always)
  public subscript(position: Int) -> Element {
    base.unsafelyUnwrapped[position]
  }

  /// Calls `body` with the values' memory, valid only during the call.
  @inline(__always)
  public func withUnsafeBufferPointer<Result>(
    _ body: (UnsafeBufferPointer<Element>) throws -> Result
  ) rethrows -> Result {
    try withExtendedLifetime(owner) {
      try body(UnsafeBufferPointer(start: base, count: endIndex))
    }
  }

  /// Calls `body` with the values' bytes, valid only during the call.
  public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result)
    rethrows -> Result
  {
    try withUnsafeBufferPointer { try body(UnsafeRawBufferPointer($0)) }
  }
}

extension ColumnValues: ExpressibleByArrayLiteral {
  public init(arrayLiteral elements: Element...) {
    self.init(elements)
  }
}

extension ColumnValues: Equatable where Element: Equatable {
  public static func == (left: ColumnValues, right: ColumnValues) -> Bool {
    left.count == right.count && left.elementsEqual(right)
  }
}

extension ColumnValues: CustomStringConvertible {
  public var description: String { Array(self).description }
}
