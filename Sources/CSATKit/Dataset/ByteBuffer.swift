import Glibc

/// The whole content of one file in one allocation, freed when the last reference goes.
///
/// The loader maps a regular file into memory (or reads it with as few `read` calls as
/// the system allows when it cannot be mapped, such as a pipe) and then only
/// ever looks at the bytes through `bytes`, so that no `String` is made per cell.
/// It is a class for its lifetime only: the bytes never change after loading, which is
/// why sharing it between the threads that parse chunks is safe.
final class ByteBuffer: @unchecked Sendable {
  /// Where the bytes start. Mapped bytes are read-only: nothing may write through it.
  let base: UnsafeMutablePointer<UInt8>
  let count: Int
  /// Whether `base` comes from `mmap` (and is released with `munmap`).
  private let isMapped: Bool

  /// A buffer with room for `count` bytes, not yet filled.
  init(count: Int) {
    self.count = count
    base = UnsafeMutablePointer<UInt8>.allocate(capacity: max(count, 1))
    isMapped = false
  }

  /// The bytes of a regular file mapped into memory (read-only), or `nil` if that fails.
  private init?(mapping descriptor: Int32, count: Int) {
    guard count > 0 else { return nil }
    let address = mmap(nil, count, PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, 0)
    guard let address, address != MAP_FAILED else { return nil }
    base = address.assumingMemoryBound(to: UInt8.self)
    self.count = count
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
      munmap(base, count)
    } else {
      base.deallocate()
    }
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
