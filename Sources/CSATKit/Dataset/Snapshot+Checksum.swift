import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The snapshot's footer and the file writing behind `.save`.
///
/// The footer is the last 16 bytes: `CSATSUM1` and a 64-bit checksum (little-endian) of every
/// byte before the footer. The checksum folds the file in 8-byte words, each step
/// `h = (h ^ word) × p` with an odd p: both parts are one-to-one, so a changed word always
/// changes the result, and any single flipped bit is found.
extension Snapshot {
  static let footerMagic = Array("CSATSUM1".utf8)
  static let footerLength = 16

  /// The checksum of `bytes` (see above); the length goes in last.
  static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    let prime: UInt64 = 0x0000_0100_0000_01b3
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    let words = bytes.count / 8
    for index in 0..<words {
      let word = UInt64(
        littleEndian: bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
      hash = (hash ^ word) &* prime
    }
    for byte in bytes[(words * 8)...] { hash = (hash ^ UInt64(byte)) &* prime }
    return (hash ^ UInt64(bytes.count)) &* prime
  }

  /// The footer for `file`'s bytes.
  static func footer(for file: Data) -> Data {
    var footer = Data(footerMagic)
    let sum = file.withUnsafeBytes { checksum($0) }
    withUnsafeBytes(of: sum.littleEndian) { footer.append(contentsOf: $0) }
    return footer
  }

  /// The bytes before the footer, once the footer is found and its checksum matches.
  static func verified(_ raw: UnsafeRawBufferPointer, path: String) throws
    -> UnsafeRawBufferPointer
  {
    let end = raw.count - footerLength
    guard end >= 0, Array(raw[end..<end + 8]) == footerMagic else {
      throw DataError(
        file: path,
        message: "not a csat snapshot, or a damaged one: it has no checksum at its end "
          + "(a snapshot saved by an older csat must be saved again)")
    }
    let stored = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: end + 8, as: UInt64.self))
    let payload = UnsafeRawBufferPointer(rebasing: raw[0..<end])
    guard checksum(payload) == stored else {
      throw DataError(
        file: path,
        message: "damaged snapshot: its checksum does not match its contents; save it again "
          + "from the CSV")
    }
    return payload
  }

  /// Writes `file` to `path` through a temporary file renamed into place; the error gives
  /// the system's reason.
  static func replace(_ path: String, with file: Data) throws {
    let temporary = path + ".partial"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else { throw writeError(path) }
    var failed = false
    file.withUnsafeBytes { bytes in
      var offset = 0
      while offset < bytes.count, let base = bytes.baseAddress {
        let written = Glibc.write(descriptor, base + offset, bytes.count - offset)
        if written <= 0 {
          failed = true
          return
        }
        offset += written
      }
    }
    let error = failed ? writeError(path) : nil
    close(descriptor)
    if let error {
      unlink(temporary)
      throw error
    }
    if rename(temporary, path) != 0 {
      let error = writeError(path)
      unlink(temporary)
      throw error
    }
  }

  /// `cannot write the snapshot: no such directory`, from `errno`.
  private static func writeError(_ path: String) -> DataError {
    let code = errno
    let reason =
      switch code {
      case ENOENT: "no such directory"
      case EACCES, EPERM: "permission denied"
      case EISDIR: "it is a directory"
      case ENOSPC: "the disk is full"
      default: String(cString: strerror(code)).lowercased()
      }
    return DataError(file: path, message: "cannot write the snapshot: \(reason)")
  }
}
