#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The persistent history of interactive statements: a plain text file, one entry a line.
///
/// Each entry is appended the moment it runs (the file is opened with `O_APPEND`, one line
/// written, and closed), so a crash loses nothing and two sessions interleave their entries
/// rather than overwrite each other. A line break inside an entry is written as `\n`, a
/// carriage return as `\r` and a backslash as `\\`; any other backslash is read back as it
/// stands. The file has mode 0600 and its folder 0700.
///
/// When the file holds more than twice `capacity` lines, it is compacted: the last
/// `capacity` entries go to a temporary file in the same folder, which is renamed over the
/// history, so a crash leaves either the old file or the new one. Appending and compacting
/// hold an exclusive `flock` on the folder so that sessions do not lose each other's lines.
package struct History {
  /// The history file.
  package let path: String
  /// How many entries `load` returns and compaction keeps.
  package let capacity: Int
  /// The last entry on file, so that a repeat is not written twice.
  private var lastEntry: String?
  /// Lines in the file as far as this session knows: counted by `load`, then by `append`.
  private var lineCount = 0

  package init(path: String, capacity: Int = 1000) {
    self.path = path
    self.capacity = max(1, capacity)
  }

  /// `$XDG_STATE_HOME/csat/history`, else `$HOME/.local/state/csat/history`; nil without
  /// either. A relative `XDG_STATE_HOME` is ignored, as the XDG specification says.
  package static func defaultPath(environment: [String: String]) -> String? {
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      return join(state, "csat/history")
    }
    if let home = environment["HOME"], !home.isEmpty {
      return join(home, ".local/state/csat/history")
    }
    return nil
  }

  private static func join(_ folder: String, _ rest: String) -> String {
    folder.hasSuffix("/") ? folder + rest : folder + "/" + rest
  }

  // MARK: - Reading and writing

  /// The last `capacity` entries, oldest first. A missing file is an empty history.
  package mutating func load() throws(HistoryError) -> [String] {
    let lines = try readLines()
    lineCount = lines.count
    lastEntry = lines.last.map(Self.unescape)
    return lines.suffix(capacity).map(Self.unescape)
  }

  /// Appends `entry` to the file, unless it is blank or repeats the entry before it.
  ///
  /// Creates the folders and the file when needed, and narrows the file's mode to 0600 if
  /// it was wider. Compacts the file once it passes twice `capacity` lines.
  package mutating func append(_ entry: String) throws(HistoryError) {
    guard entry.contains(where: { !$0.isWhitespace }), entry != lastEntry else { return }

    let folder = Self.folder(of: path)
    try Self.makeFolders(folder)
    let lock = try FolderLock(folder)
    defer { lock.release() }

    let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw HistoryError(path: path, operation: "open") }
    defer { close(descriptor) }

    var status = stat()
    if fstat(descriptor, &status) == 0 && status.st_mode & 0o077 != 0 {
      guard fchmod(descriptor, 0o600) == 0 else {
        throw HistoryError(path: path, operation: "chmod")
      }
    }
    try Self.writeAll(descriptor, Self.escape(entry) + "\n", path: path)
    lastEntry = entry
    lineCount += 1

    if lineCount > 2 * capacity {
      try compactLocked()
    }
  }

  /// Rewrites the file with its last `capacity` entries, atomically.
  package mutating func compact() throws(HistoryError) {
    let lock = try FolderLock(Self.folder(of: path))
    defer { lock.release() }

    try compactLocked()
  }

  /// Compaction with the folder lock already held.
  private mutating func compactLocked() throws(HistoryError) {
    let kept = try readLines().suffix(capacity)
    let temporary = "\(path).tmp-\(getpid())"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw HistoryError(path: temporary, operation: "open") }

    do throws(HistoryError) {
      try Self.writeAll(descriptor, kept.map { $0 + "\n" }.joined(), path: temporary)
      guard fsync(descriptor) == 0 else {
        throw HistoryError(path: temporary, operation: "fsync")
      }
    } catch {
      close(descriptor)
      unlink(temporary)
      throw error
    }
    close(descriptor)
    guard rename(temporary, path) == 0 else {
      let error = HistoryError(path: path, operation: "rename")
      unlink(temporary)
      throw error
    }
    lineCount = kept.count
  }

  /// The file's lines, still escaped; invalid UTF-8 becomes U+FFFD.
  private func readLines() throws(HistoryError) -> [String] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    if descriptor < 0 {
      if errno == ENOENT { return [] }
      throw HistoryError(path: path, operation: "open")
    }
    defer { close(descriptor) }

    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw HistoryError(path: path, operation: "read")
      }
      if count == 0 { break }
      bytes.append(contentsOf: chunk[0..<count])
    }
    return bytes.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
  }

  // MARK: - Escaping

  /// One line for the file: `\` → `\\`, line feed → `\n`, carriage return → `\r`.
  package static func escape(_ entry: String) -> String {
    var result = ""
    for scalar in entry.unicodeScalars {
      switch scalar {
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// The entry a line of the file stands for; the inverse of `escape`.
  package static func unescape(_ line: String) -> String {
    var result = ""
    var pendingBackslash = false
    for scalar in line.unicodeScalars {
      if pendingBackslash {
        pendingBackslash = false
        switch scalar {
        case "\\": result += "\\"
        case "n": result += "\n"
        case "r": result += "\r"
        default:
          result += "\\"
          result.unicodeScalars.append(scalar)
        }
      } else if scalar == "\\" {
        pendingBackslash = true
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    if pendingBackslash {
      result += "\\"
    }
    return result
  }

  // MARK: - Files

  private static func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// `mkdir -p` with mode 0700 for the folders it creates.
  private static func makeFolders(_ folder: String) throws(HistoryError) {
    var current = folder.hasPrefix("/") ? "" : "."
    for component in folder.split(separator: "/") {
      current += "/" + component
      if mkdir(current, 0o700) != 0 && errno != EEXIST {
        throw HistoryError(path: current, operation: "mkdir")
      }
    }
  }

  private static func writeAll(
    _ descriptor: Int32, _ text: String, path: String
  ) throws(HistoryError) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        throw HistoryError(path: path, operation: "write")
      }
      bytes = bytes.dropFirst(written)
    }
  }
}

/// An exclusive `flock` on a folder, held while the history file is changed.
private struct FolderLock {
  let descriptor: Int32

  init(_ folder: String) throws(HistoryError) {
    descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { throw HistoryError(path: folder, operation: "open") }
    while flock(descriptor, LOCK_EX) != 0 {
      if errno == EINTR { continue }
      let error = HistoryError(path: folder, operation: "lock")
      close(descriptor)
      throw error
    }
  }

  func release() {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}

/// A history file that could not be read or written.
package struct HistoryError: Error, Sendable, Equatable {
  package var path: String
  /// The system call that failed, e.g. `open` or `rename`.
  package var operation: String
  package var code: Int32

  /// Records `errno` as it is now.
  package init(path: String, operation: String, code: Int32 = errno) {
    self.path = path
    self.operation = operation
    self.code = code
  }

  /// E.g. "cannot write history file /home/a/.local/state/csat/history: No space left".
  package var message: String {
    let reason = String(cString: strerror(code))
    return "cannot \(operation) history file \(path): \(reason)"
  }
}
