#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads lines from a file descriptor that is not a terminal: a pipe, a file, a script.
///
/// A line ends at `\n`; a `\r` before it is dropped, so files with CRLF line ends read the
/// same. A last line without a line break is still returned. Bytes that are not UTF-8 are
/// read as U+FFFD. A UTF-8 byte order mark at the very start is skipped.
package struct LineSource {
  /// What one read gives.
  package enum Next: Equatable, Sendable {
    case line(String)
    /// Ctrl-C arrived while waiting (the read returned `EINTR` with the `InterruptFlag` set).
    case interrupted
    /// No more input, or a read error.
    case end
  }

  private let descriptor: Int32
  private var buffer: [UInt8] = []
  /// Where the unread bytes start in `buffer`.
  private var position = 0
  private var reachedEnd = false
  private var atStart = true

  package init(fileDescriptor: Int32 = STDIN_FILENO) {
    self.descriptor = fileDescriptor
  }

  /// The next line, without its line break.
  package mutating func next() -> Next {
    while true {
      if let newline = buffer[position...].firstIndex(of: 0x0A) {
        let line = takeLine(upTo: newline)
        position = newline + 1
        return .line(line)
      }
      if reachedEnd {
        guard position < buffer.count else { return .end }

        let line = takeLine(upTo: buffer.count)
        position = buffer.count
        return .line(line)
      }
      if !fill() {
        return .interrupted
      }
    }
  }

  /// Whether the next line can be had without waiting: it is buffered already, the input
  /// has ended, or bytes are ready to read now.
  package func isInputReady() -> Bool {
    if reachedEnd || buffer[position...].contains(0x0A) { return true }
    var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    return poll(&request, 1, 0) > 0
  }

  /// Decodes `buffer[position..<end]`, dropping a final `\r` and a leading byte order mark.
  private mutating func takeLine(upTo end: Int) -> String {
    var start = position
    if atStart {
      atStart = false
      if buffer[start..<end].starts(with: [0xEF, 0xBB, 0xBF]) {
        start += 3
      }
    }
    var stop = end
    if stop > start && buffer[stop - 1] == 0x0D {
      stop -= 1
    }
    return String(decoding: buffer[start..<stop], as: UTF8.self)
  }

  /// Reads more bytes into the buffer, dropping the ones already returned; false when Ctrl-C
  /// interrupted the read. At the end of input it sets `reachedEnd`.
  private mutating func fill() -> Bool {
    if position > 0 {
      buffer.removeFirst(position)
      position = 0
    }
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count > 0 {
        buffer.append(contentsOf: chunk[0..<count])
        return true
      }
      if count < 0 && errno == EINTR {
        if InterruptFlag.take() { return false }
        continue
      }
      reachedEnd = true
      return true
    }
  }
}
