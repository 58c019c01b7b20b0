import Glibc

/// The whole content of one file in one allocation, freed when the last reference goes.
///
/// The loader maps a regular file into memory (or reads it with as few `read` calls as
/// the system allows when it cannot be mapped, such as a pipe) and then only
/// ever looks at the bytes through `bytes`, so that no `String` is made per cell.
/// It is a class for its lifetime only: the bytes never change after loading, which is
/// why sharing it between the threads that parse chunks is safe.
///
/// At least ``padding`` zero bytes follow the last byte, so readers may load a whole word
/// or vector that starts inside the file without checking how close to the end it is.
final class ByteBuffer: @unchecked Sendable {
  /// Where the bytes start. Mapped bytes are read-only: nothing may write through it.
  let base: UnsafeMutablePointer<UInt8>
  let count: Int
  /// How many bytes the allocation or mapping spans, padding included.
  private let extent: Int
  /// Whether `base` comes from `mmap` (and is released with `munmap`).
  private let isMapped: Bool

  /// Readable zero bytes after the last byte of every buffer.
  static let padding = 64

  /// A buffer with room for `count` bytes, not yet filled; the padding is zero.
  init(count: Int) {
    self.count = count
    extent = count + ByteBuffer.padding
    base = UnsafeMutablePointer<UInt8>.allocate(capacity: extent)
    (base + count).initialize(repeating: 0, count: ByteBuffer.padding)
    isMapped = false
  }

  /// The bytes of a regular file mapped into memory (read-only), or `nil` if that fails.
  ///
  /// An anonymous zero mapping one page longer than the file is made first and the file is
  /// mapped over its start, so the padding exists even when the file fills its last page.
  private init?(mapping descriptor: Int32, count: Int) {
    guard count > 0 else { return nil }
    let page = pageSize
    let extent = (count + page - 1) / page * page + page
    let reserved = mmap(nil, extent, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
    guard let reserved, reserved != MAP_FAILED else { return nil }
    let address = mmap(reserved, count, PROT_READ, MAP_PRIVATE | MAP_FIXED, descriptor, 0)
    guard let address, address != MAP_FAILED else {
      munmap(reserved, extent)
      return nil
    }
    // The pages are read once, front to back: ask for read-ahead of the page cache.
    madvise(address, count, MADV_SEQUENTIAL)
    base = address.assumingMemoryBound(to: UInt8.self)
    self.count = count
    self.extent = extent
    isMapped = true
  }

  /// A copy of `bytes`.
  convenience init(copying bytes: UnsafeRawBufferPointer) {
    self.init(count: bytes.count)
    if let source = bytes.baseAddress {
      base.update(from: source.assumingMemoryBound(to: UInt8.self), count: bytes.count)
    }
  }

  deinit {
    if isMapped {
      munmap(base, extent)
    } else {
      base.deallocate()
    }
  }

  /// Lets the system drop the mapped pages wholly inside `start..<end` from memory; they
  /// are read again from the file if touched later. Does nothing to a buffer not mapped,
  /// whose pages hold the only copy of the bytes.
  func release(from start: Int, to end: Int) {
    guard isMapped else { return }
    let page = pageSize
    let address = Int(bitPattern: base)
    let first = (address + max(0, start) + page - 1) / page * page
    let last = (address + min(end, count)) / page * page
    guard last > first, let pointer = UnsafeMutableRawPointer(bitPattern: first) else { return }
    madvise(pointer, last - first, MADV_DONTNEED)
  }

  /// The bytes as a buffer pointer, valid while `self` is alive.
  var bytes: UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(start: base, count: count)
  }

  /// Reads the whole file at `path`.
  static func read(path: String) throws -> ByteBuffer {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw cannotRead(path) }
    defer { close(descriptor) }

    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw cannotRead(path) }
    if (status.st_mode & S_IFMT) == S_IFDIR {
      throw DataError(file: path, message: "cannot read file: it is a directory")
    }

    // A regular file is mapped: no copy, and the pages come straight from the page cache.
    if (status.st_mode & S_IFMT) == S_IFREG,
      let mapped = ByteBuffer(mapping: descriptor, count: Int(status.st_size))
    {
      return mapped
    }
    var buffer = ByteBuffer(count: Int(status.st_size))
    var filled = 0
    while true {
      if filled == buffer.count {
        // Usually the end of the file; it may also have grown since `fstat`, or be a pipe.
        var probe: UInt8 = 0
        let got = try readSome(descriptor, &probe, 1, path)
        if got == 0 { break }
        let larger = ByteBuffer(count: max(buffer.count * 2, 1 << 16))
        larger.base.update(from: buffer.base, count: filled)
        larger.base[filled] = probe
        filled += 1
        buffer = larger
        continue
      }
      let got = try readSome(descriptor, buffer.base + filled, buffer.count - filled, path)
      if got == 0 { break }
      filled += got
    }
    guard filled < buffer.count else { return buffer }
    let exact = ByteBuffer(count: filled)
    exact.base.update(from: buffer.base, count: filled)
    return exact
  }

  /// One `read` call, retried when a signal interrupts it.
  private static func readSome(
    _ descriptor: Int32, _ target: UnsafeMutablePointer<UInt8>, _ count: Int, _ path: String
  ) throws -> Int {
    while true {
      let got = Glibc.read(descriptor, target, count)
      if got >= 0 { return got }
      if errno != EINTR { throw cannotRead(path) }
    }
  }

  /// The error for a file that cannot be opened or read, with the system's reason.
  private static func cannotRead(_ path: String) -> DataError {
    let reason = String(cString: strerror(errno)).lowercased()
    return DataError(file: path, message: "cannot read file: \(reason)")
  }
}
