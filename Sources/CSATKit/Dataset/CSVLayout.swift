import Foundation

/// What the first lines of a file say about the rest: delimiter, column names, where data starts.
struct CSVLayout {
  var delimiter: UInt8
  /// The header names as written, trimmed: what two files must agree on to be appended.
  var writtenNames: [String]
  /// The names the columns get: written names, with empty and repeated ones replaced.
  var names: [String]
  /// The offset of the first byte after the header record.
  var dataStart: Int
  /// Line ends consumed by the byte-order mark and the header, so data starts on line + 1.
  var headerLines: Int
  var warnings: [LoadWarning]

  /// The delimiters tried, in order of preference when they split equally well.
  static let candidateDelimiters: [UInt8] = [0x2C, 0x3B, 0x09, 0x7C]  // , ; tab |

  /// How many records after the header the delimiter sniffer compares with it.
  private static let sampleRecords = 20
  /// How many bytes the sniffer reads at most for each candidate.
  private static let sampleBytes = 1 << 18

  /// Reads the layout of `buffer`, which came from `file`.
  static func read(_ buffer: ByteBuffer, file: String) throws -> CSVLayout {
    let base = UnsafePointer(buffer.base)
    if Snapshot.startsLikeOne(UnsafeBufferPointer(start: base, count: buffer.count)) {
      throw DataError(
        file: file,
        message: "this is a csat snapshot: open it on its own and as a file, not through a "
          + "pipe or together with CSV files")
    }
    if let offset = TextEncoding.firstNulByte(base, count: buffer.count) {
      throw DataError(
        file: file,
        message: "file looks binary: it has a NUL byte at byte offset \(offset); "
          + "expected CSV text")
    }

    var start = 0
    if buffer.count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF { start = 3 }

    let delimiter = sniffDelimiter(base, from: start, count: buffer.count)
    var scanner = RecordScanner(base: base, from: start, to: buffer.count, delimiter: delimiter)
    var linesBefore = 0
    let fieldCount: Int
    do {
      fieldCount = try scanner.nextRecord(linesBefore: &linesBefore)
    } catch {
      throw DataError(
        file: file, line: error.linesBefore + 1,
        message: "unclosed quote: the quoted field starting here never ends")
    }
    guard fieldCount > 0 else {
      throw DataError(file: file, line: 1, message: "file is empty: expected a header line")
    }
    if let offset = TextEncoding.firstInvalidUTF8(base + start, scanner.position - start) {
      throw DataError(
        file: file, line: 1,
        message: "file looks binary: its header is not valid UTF-8 at byte offset "
          + "\(start + offset); expected CSV text saved as UTF-8")
    }

    var scratch = RawBuffer<UInt8>()
    defer { scratch.release() }
    var written: [String] = []
    for index in 0..<fieldCount {
      let field = scanner.fields.pointer[index]
      written.append(decodeHeaderName(field, base, &scratch))
    }
    var layout = CSVLayout(
      delimiter: delimiter, writtenNames: written, names: [], dataStart: scanner.position,
      headerLines: scanner.linesConsumed, warnings: [])
    layout.names = uniqueNames(written, file: file, warnings: &layout.warnings)
    return layout
  }

  /// The candidate that splits the header into the most fields, among those that split
  /// most of the following records into as many; comma when nothing splits the header.
  private static func sniffDelimiter(
    _ base: UnsafePointer<UInt8>, from start: Int, count: Int
  ) -> UInt8 {
    let limit = min(count, start + sampleBytes)
    var best: (delimiter: UInt8, consistent: Bool, fields: Int) = (0x2C, false, 1)
    for candidate in candidateDelimiters {
      var scanner = RecordScanner(base: base, from: start, to: limit, delimiter: candidate)
      var linesBefore = 0
      guard let headerFields = try? scanner.nextRecord(linesBefore: &linesBefore),
        headerFields > 1
      else { continue }

      var matching = 0
      var sampled = 0
      while sampled < sampleRecords,
        let fields = try? scanner.nextRecord(linesBefore: &linesBefore),
        fields > 0
      {
        // A record cut off by the sample limit says nothing.
        if scanner.position >= limit && limit < count { break }
        sampled += 1
        if fields == headerFields { matching += 1 }
      }
      let consistent = sampled == 0 || matching * 2 >= sampled
      let better =
        (consistent && !best.consistent)
        || (consistent == best.consistent && headerFields > best.fields)
      if better { best = (candidate, consistent, headerFields) }
    }
    return best.delimiter
  }

  /// A header field as a trimmed, NFC-normalised name.
  private static func decodeHeaderName(
    _ field: FieldRange, _ base: UnsafePointer<UInt8>, _ scratch: inout RawBuffer<UInt8>
  ) -> String {
    scratch.removeAll()
    if field.flags & FieldRange.escaped != 0 {
      unescapeField(field, in: base, into: &scratch)
    } else {
      scratch.append(base + field.start, count: field.end - field.start)
    }
    let bytes = UnsafeBufferPointer(start: scratch.base, count: scratch.count)
    let name = String(decoding: bytes, as: UTF8.self)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    return name.precomposedStringWithCanonicalMapping
  }

  /// Names every column: an empty name becomes `column_N` (N counting from 1) and a repeated
  /// name gets `_2`, `_3`, … until it is unique; each change is a warning.
  static func uniqueNames(_ written: [String], file: String, warnings: inout [LoadWarning])
    -> [String]
  {
    var taken = Set<String>()
    var names: [String] = []
    for (index, name) in written.enumerated() {
      var chosen = name.isEmpty ? "column_\(index + 1)" : name
      if taken.contains(chosen) {
        var suffix = 2
        while taken.contains("\(chosen)_\(suffix)") { suffix += 1 }
        chosen = "\(chosen)_\(suffix)"
      }
      if name.isEmpty {
        warnings.append(
          LoadWarning(
            file: file, line: 1,
            message: "column \(index + 1) has no name in the header; named it '\(chosen)'"))
      } else if chosen != name {
        warnings.append(
          LoadWarning(
            file: file, line: 1,
            message: "column \(index + 1) repeats the name '\(name)'; renamed it '\(chosen)'"))
      }
      taken.insert(chosen)
      names.append(chosen)
    }
    return names
  }
}
