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

  /// Appends the `length` bytes at `source`, which must be followed by
  /// ``TextInterner/slack`` readable bytes, into room reserved for them and `slack` more:
  /// sixteen at a time, reading and writing up to 15 bytes past the value. For the short
  /// values of the record loop, where a call to copy them cost more than the copy.
  @inline(__always)
  mutating func appendShort(_ source: UnsafePointer<UInt8>, count length: Int)
  where Element == UInt8 {
    let target = UnsafeMutableRawPointer(pointer + count)
    let from = UnsafeRawPointer(source)
    var offset = 0
    repeat {
      target.storeBytes(
        of: from.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self),
        toByteOffset: offset, as: SIMD16<UInt8>.self)
      offset += 16
    } while offset < length
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

  /// Hands the buffer over to the caller, who frees it; this one is left empty.
  mutating func take() -> RawBuffer {
    defer { self = RawBuffer() }
    return self
  }

  /// Counts the first `filled` elements, which the caller wrote through ``pointer``, as
  /// appended; `filled` must not exceed the capacity.
  mutating func assumeFilled(_ filled: Int) {
    precondition(filled <= capacity, "more elements than the buffer has room for")
    count = filled
  }

  /// Appends the elements of `other` and leaves `other` empty, its memory taken or freed.
  ///
  /// When both buffers have pages of their own, `other`'s pages are moved to follow this
  /// buffer's last page (`mremap`): no copy and no fresh page, where copying into fresh
  /// memory would cost about ten times as much as writing pages already there. Its
  /// elements then move down by less than a page, to follow these directly. Otherwise, or
  /// should the system refuse, they are copied.
  mutating func absorb(_ other: inout RawBuffer<Element>) {
    defer { other.release() }
    let added = other.count
    guard added > 0 else { return }
    guard base != nil else {
      // Nothing here yet: `other`'s buffer becomes this one.
      self = other.take()
      return
    }
    let stride = MemoryLayout<Element>.stride
    let page = pageSize
    guard let source = other.base, capacity * stride >= Self.mappedBytes,
      other.capacity * stride >= Self.mappedBytes, page % stride == 0
    else {
      append(other.pointer, count: added)
      return
    }
    let used = count * stride
    let landing = (used + page - 1) / page * page
    let moving = (added * stride + page - 1) / page * page
    if landing + moving > capacity * stride {
      guard let grown = remapPages(base, capacity * stride, landing + moving, nil) else {
        append(other.pointer, count: added)
        return
      }
      base = grown.bindMemory(to: Element.self, capacity: (landing + moving) / stride)
      capacity = (landing + moving) / stride
    }
    let target = UnsafeMutableRawPointer(pointer) + landing
    guard remapPages(source, moving, moving, target) == target else {
      append(other.pointer, count: added)
      return
    }
    // The moved pages belong to this buffer now: unmap only the rest of `other`'s.
    let otherBytes = other.capacity * stride
    if otherBytes > moving { munmap(UnsafeMutableRawPointer(source) + moving, otherBytes - moving) }
    other = RawBuffer()
    if landing != used {
      (UnsafeMutableRawPointer(pointer) + used).copyMemory(
        from: target, byteCount: added * stride)
    }
    count += added
  }

  /// The capacity a buffer needs to absorb (``absorb(_:)``) `parts` buffers, itself included,
  /// of `total` elements in all without growing: each moved part starts on a fresh page and
  /// covers whole pages.
  static func roomToAbsorb(_ total: Int, parts: Int) -> Int {
    total + 2 * parts * max(1, pageSize / MemoryLayout<Element>.stride)
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
  ///
  /// A buffer with pages of its own has them moved to the larger mapping (`mremap`), not
  /// copied. The system moves only what one mapping holds, so a buffer that absorbed others'
  /// pages (``absorb(_:)``) is copied after all: make room before absorbing.
  private mutating func grow(to minimum: Int) {
    let stride = MemoryLayout<Element>.stride
    var target = max(minimum, capacity * 2, 16)
    let oldBytes = capacity * stride
    var newBytes = target * stride
    if newBytes >= Self.mappedBytes {
      // Whole pages: round up, so the capacity covers them all.
      newBytes = (newBytes + pageSize - 1) / pageSize * pageSize
      target = newBytes / stride
    }
    var larger: UnsafeMutableRawPointer?
    if newBytes < Self.mappedBytes {
      larger = realloc(base, newBytes)
    } else {
      // Pages of their own grow by moving them to a larger mapping, without a copy.
      if oldBytes >= Self.mappedBytes { larger = remapPages(base, oldBytes, newBytes, nil) }
      if larger == nil {
        larger = mapPages(newBytes)
        if let larger, let base {
          larger.copyMemory(from: base, byteCount: count * stride)
          if oldBytes >= Self.mappedBytes { munmap(base, oldBytes) } else { free(base) }
        }
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

/// The size of a memory page.
let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

/// Moves the `oldBytes` bytes of pages mapped at `address` (from ``mapPages(_:)``) to a
/// mapping of `newBytes` bytes, at `target` when given (whatever was mapped there is
/// unmapped) and else wherever the system finds room; the new address, or `nil` on failure.
///
/// The pages move without a copy. Swift cannot call `mremap` directly, as the C function
/// takes a variable argument list, so it is called through a fixed prototype: on the
/// platforms Swift runs on, a variadic function takes its arguments where a fixed one does.
func remapPages(
  _ address: UnsafeMutableRawPointer?, _ oldBytes: Int, _ newBytes: Int,
  _ target: UnsafeMutableRawPointer?
) -> UnsafeMutableRawPointer? {
  typealias Remap =
    @convention(c) (UnsafeMutableRawPointer?, Int, Int, Int32, UnsafeMutableRawPointer?) ->
    UnsafeMutableRawPointer?
  // MREMAP_MAYMOVE and MREMAP_FIXED, which Swift's Glibc module does not name.
  let mayMove: Int32 = 1
  let fixed: Int32 = 2
  guard let symbol = remapSymbol else { return nil }
  let moved = unsafeBitCast(symbol, to: Remap.self)(
    address, oldBytes, newBytes, target == nil ? mayMove : mayMove | fixed, target)
  guard let moved, moved != MAP_FAILED else { return nil }
  return moved
}

/// The C library's `mremap`, looked up once.
private nonisolated(unsafe) let remapSymbol = dlsym(dlopen(nil, RTLD_NOW), "mremap")

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
