import Glibc

/// A growable run of plain values in memory that its owner frees with ``release()``.
///
/// Unlike an `Array` it does no uniqueness check or reference counting on each append, which
/// matters in the loops that read every cell. Copies share the memory, so exactly one copy
/// may release it. Buffers of a megabyte or more are mapped pages of their own, which go back
/// to the system as soon as they are released (the allocator would keep them), and which
/// cost no memory until written: reserving generously is cheap. Smaller ones use `malloc`.
struct RawBuffer<Element: BitwiseCopyable> {
  private(set) var base: UnsafeMutablePointer<Element>?
  private(set) var count = 0
  private(set) var capacity = 0

  /// The size from which a buffer has its own pages.
  private static var mappedBytes: Int { 1 << 20 }

  init() {}

  /// An empty buffer with room for `capacity` elements.
  init(capacity: Int) {
    reserve(capacity)
  }

  /// The first element's address; only valid once something was reserved or appended.
  @inline(__always)
  var pointer: UnsafeMutablePointer<Element> {
    // Callers reserve first, so the address is set.
    base.unsafelyUnwrapped
  }

  @inline(__always)
  mutating func append(_ value: Element) {
    if count == capacity { grow(to: count + 1) }
    pointer[count] = value
    count += 1
  }

  /// Appends `value` `repeats` times.
  mutating func append(repeating value: Element, count repeats: Int) {
    guard repeats > 0 else { return }
    reserve(count + repeats)
    (pointer + count).initialize(repeating: value, count: repeats)
    count += repeats
  }

  /// Appends `length` elements from `source`.
  mutating func append(_ source: UnsafePointer<Element>, count length: Int) {
    guard length > 0 else { return }
    reserve(count + length)
    (pointer + count).initialize(from: source, count: length)
    count += length
  }

  /// Makes room for at least `minimum` elements in all.
  @inline(__always)
  mutating func reserve(_ minimum: Int) {
    if minimum > capacity { grow(to: minimum) }
  }

  /// Forgets the elements, keeping the memory.
  mutating func removeAll() {
    count = 0
  }

  /// Frees the memory; the buffer is empty afterwards.
  mutating func release() {
    if let base {
      let bytes = capacity * MemoryLayout<Element>.stride
      if bytes >= Self.mappedBytes { munmap(base, bytes) } else { free(base) }
    }
    base = nil
    count = 0
    capacity = 0
  }

  /// Grows to at least `minimum` elements, doubling to keep appends cheap on average.
  private mutating func grow(to minimum: Int) {
    let stride = MemoryLayout<Element>.stride
    var target = max(minimum, capacity * 2, 16)
    let oldBytes = capacity * stride
    var newBytes = target * stride
    if newBytes >= Self.mappedBytes {
      // Whole pages: round up, so the capacity covers them all.
      let page = Int(sysconf(Int32(_SC_PAGESIZE)))
      newBytes = (newBytes + page - 1) / page * page
      target = newBytes / stride
    }
    let larger: UnsafeMutableRawPointer?
    if newBytes < Self.mappedBytes {
      larger = realloc(base, newBytes)
    } else {
      larger = mapPages(newBytes)
      if let larger, let base {
        larger.copyMemory(from: base, byteCount: count * stride)
        if oldBytes >= Self.mappedBytes { munmap(base, oldBytes) } else { free(base) }
      }
    }
    guard let larger else {
      fatalError("out of memory: cannot grow a buffer to \(newBytes) bytes")
    }
    base = larger.bindMemory(to: Element.self, capacity: target)
    capacity = target
  }
}

/// The LLVM intrinsic behind `__builtin_prefetch`; Swift has no spelling of its own.
@_silgen_name("llvm.prefetch.p0")
private func llvmPrefetch(
  _ address: UnsafeRawPointer, _ write: Int32, _ locality: Int32, _ dataCache: Int32)

/// Asks the processor to bring the cache line at `address` in for reading, without waiting.
@inline(__always)
func prefetchForReading(_ address: UnsafeRawPointer) {
  llvmPrefetch(address, 0, 3, 1)
}

/// Hands the allocator's free pages back to the system with glibc's `malloc_trim`, looked up
/// when first needed because Swift's Glibc module leaves out `<malloc.h>`.
func releaseFreeMemory() {
  typealias Trim = @convention(c) (Int) -> Int32
  guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "malloc_trim") else { return }
  _ = unsafeBitCast(symbol, to: Trim.self)(0)
}

/// Fresh zero pages of `bytes` bytes, or `nil`.
///
/// No huge pages are asked for: on a virtual machine whose host takes back the memory its
/// guests free, the first touch of a 2 MB page cost about 2.4 s per GB here against 0.45 s
/// for 4 KB pages, and loads touch most of their memory for the first time.
func mapPages(_ bytes: Int) -> UnsafeMutableRawPointer? {
  let mapped = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
  guard let mapped, mapped != MAP_FAILED else { return nil }
  return mapped
}

/// Asks the system to put writable zero pages under `bytes` bytes of a mapping from
/// ``mapPages(_:)`` at once, as writing would one fault at a time; `false` if it cannot
/// (before Linux 5.14), and then the pages come at first use.
func populatePages(_ memory: UnsafeMutableRawPointer, _ bytes: Int) -> Bool {
  // MADV_POPULATE_WRITE, which Swift's Glibc module does not name.
  let populateWrite: Int32 = 23
  return madvise(memory, bytes, populateWrite) == 0
}

/// The size from which a table gets pages of its own rather than the allocator's.
let ownPagesBytes = 1 << 21
