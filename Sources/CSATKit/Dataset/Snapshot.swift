import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A loaded dataset saved in csat's own binary form (`.save data.csatdb`), which opens again
/// in a fraction of the time the CSV took: the column buffers are copied back as they are.
///
/// Layout: the 8 bytes `CSATDB02`, the header length (UInt64, little-endian), the header as
/// JSON, then each column's buffers in column order, each padded to a multiple of 8 bytes:
/// text codes (1, 2 or 4 bytes each, the width the dictionary's entry count gives, see
/// ``CodeWidth``) followed by the dictionary as UTF-8 bytes with UInt64 end offsets; numbers
/// in their stored form (``NumberValues``: Int8, Int32 or Float64 bit patterns, as the
/// header's `width` says); booleans as bytes; timestamps as Int64 ms; last a 16-byte footer
/// with a checksum of everything before it (Snapshot+Checksum.swift). Files of an earlier
/// version (`CSATDB01`) are refused with a request to save them again.
public enum Snapshot {
  static let magic = Array("CSATDB02".utf8)
  /// The start every snapshot version shares; the two bytes after it are the version.
  static let magicStem = Array("CSATDB".utf8)

  struct Header: Codable {
    struct ColumnHeader: Codable {
      var name: String
      var type: String
      /// Text columns: dictionary entries and dictionary bytes.
      var entries: Int?
      var bytes: Int?
      /// Number columns: the bytes per value, 1 (Int8), 4 (Int32) or 8 (Float64).
      var width: Int?
    }

    var rows: Int
    var sources: [String]
    var csat: Int?
    var nps: Int?
    var time: Int?
    var followUp: Int?
    var columns: [ColumnHeader]
  }

  /// Whether a file starts with the snapshot's magic bytes.
  ///
  /// Only a regular file can be one: reading the start of a pipe would take those bytes away
  /// from the CSV reader.
  public static func isSnapshot(path: String) -> Bool {
    var status = stat()
    guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
      let handle = FileHandle(forReadingAtPath: path)
    else { return false }
    defer { try? handle.close() }
    let start = (try? handle.read(upToCount: magic.count)) ?? Data()
    return start.count == magic.count && startsLikeOne(Array(start))
  }

  /// Whether `bytes` start as a snapshot of any version does.
  static func startsLikeOne<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
    bytes.starts(with: magicStem)
  }

  // MARK: - Writing

  /// Writes a dataset to `path`, replacing the file only once it is complete.
  public static func write(_ dataset: Dataset, to path: String) throws {
    var header = Header(
      rows: dataset.rowCount, sources: dataset.sources, csat: dataset.roles.csat,
      nps: dataset.roles.nps, time: dataset.roles.time, followUp: dataset.roles.followUp,
      columns: [])
    var body = Data()
    for column in dataset.columns {
      var entry = Header.ColumnHeader(name: column.name, type: column.type.rawValue)
      switch column.data {
      case .text(let text):
        switch text.codes {
        case .byte(let codes): append(codes, to: &body)
        case .short(let codes): append(codes, to: &body)
        case .word(let codes): append(codes, to: &body)
        }
        let blob = text.dictionary.flatMap { Array($0.utf8) }
        var ends: [UInt64] = []
        var end: UInt64 = 0
        for value in text.dictionary {
          end += UInt64(value.utf8.count)
          ends.append(end)
        }
        append(ends, to: &body)
        append(blob, to: &body)
        entry.entries = text.dictionary.count
        entry.bytes = blob.count
      case .number(let numbers):
        switch numbers.storage {
        case .small(let values): append(values, to: &body)
        case .whole(let values): append(values, to: &body)
        case .real(let values): append(values, to: &body)
        }
        entry.width = numbers.storage.width
      case .boolean(let booleans): append(booleans.values, to: &body)
      case .timestamp(let times): append(times.values, to: &body)
      }
      header.columns.append(entry)
    }
    let json = try JSONEncoder().encode(header)
    var file = Data(magic)
    withUnsafeBytes(of: UInt64(json.count).littleEndian) { file.append(contentsOf: $0) }
    file.append(json)
    while file.count % 8 != 0 { file.append(0) }
    file.append(body)
    file.append(footer(for: file))
    try replace(path, with: file)
  }

  private static func append<T>(_ values: [T], to body: inout Data) {
    values.withUnsafeBytes { append($0, to: &body) }
  }

  private static func append<T>(_ values: ColumnValues<T>, to body: inout Data) {
    values.withUnsafeBytes { append($0, to: &body) }
  }

  private static func append(_ bytes: UnsafeRawBufferPointer, to body: inout Data) {
    body.append(contentsOf: bytes)
    while body.count % 8 != 0 { body.append(0) }
  }

  // MARK: - Reading

  /// Reads a snapshot written by `write`.
  public static func read(path: String) throws -> Dataset {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw DataError(file: path, message: "cannot read file")
    }
    let start = Array(data.prefix(magic.count))
    if start != magic && start.starts(with: magicStem) {
      throw DataError(
        file: path, message: "saved by an older csat; load its CSV and save it again")
    }
    return try data.withUnsafeBytes { raw in try decode(verified(raw, path: path), path: path) }
  }

  private static func decode(_ raw: UnsafeRawBufferPointer, path: String) throws -> Dataset {
    let broken = DataError(file: path, message: "not a csat snapshot, or a damaged one")
    guard raw.count >= 16, Array(raw[0..<8]) == magic else { throw broken }
    let headerLength = Int(
      UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
    guard headerLength >= 0, 16 + headerLength <= raw.count else { throw broken }
    let json = Data(raw[16..<16 + headerLength])
    guard let header = try? JSONDecoder().decode(Header.self, from: json) else { throw broken }
    var reader = BufferReader(raw: raw, offset: (16 + headerLength + 7) / 8 * 8)
    var columns: [Column] = []
    for entry in header.columns {
      let data: ColumnData
      switch ColumnType(rawValue: entry.type) {
      case .text:
        guard let entries = entry.entries, let bytes = entry.bytes else { throw broken }
        let codes: TextCodes
        switch CodeWidth(entries: entries) {
        case .byte: codes = .byte(try reader.values(header.rows, broken))
        case .short: codes = .short(try reader.values(header.rows, broken))
        case .word: codes = .word(try reader.values(header.rows, broken))
        }
        let ends: [UInt64] = try reader.take(entries, broken)
        let blob: [UInt8] = try reader.take(bytes, broken)
        var dictionary: [String] = []
        var start = 0
        for end in ends {
          guard Int(end) >= start, Int(end) <= blob.count else { throw broken }
          dictionary.append(String(decoding: blob[start..<Int(end)], as: UTF8.self))
          start = Int(end)
        }
        guard codes.count == 0 || Int(codes.largest) < entries else { throw broken }
        data = .text(TextColumn(codes: codes, dictionary: dictionary))
      case .number:
        let values: NumberValues
        switch entry.width {
        case 1: values = .small(try reader.values(header.rows, broken))
        case 4: values = .whole(try reader.values(header.rows, broken))
        case 8: values = .real(try reader.values(header.rows, broken))
        default: throw broken
        }
        data = .number(NumberColumn(storage: values))
      case .boolean: data = .boolean(BooleanColumn(values: try reader.values(header.rows, broken)))
      case .timestamp:
        data = .timestamp(TimestampColumn(values: try reader.values(header.rows, broken)))
      case nil: throw broken
      }
      columns.append(Column(name: entry.name, data: data))
    }
    let valid = { (index: Int?) in index.map { $0 >= 0 && $0 < columns.count } ?? true }
    guard [header.csat, header.nps, header.time, header.followUp].allSatisfy(valid) else {
      throw broken
    }
    return Dataset(
      columns: columns, rowCount: header.rows,
      roles: Roles(
        csat: header.csat, nps: header.nps, time: header.time, followUp: header.followUp),
      sources: header.sources)
  }

  /// Copies typed buffers out of the file, each starting at a multiple of 8 bytes.
  private struct BufferReader {
    let raw: UnsafeRawBufferPointer
    var offset: Int

    mutating func take<T>(_ count: Int, _ error: DataError) throws -> [T] {
      let length = count * MemoryLayout<T>.stride
      guard count >= 0, offset + length <= raw.count, let base = raw.baseAddress else {
        throw error
      }
      let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
        if length > 0, let target = buffer.baseAddress {
          memcpy(target, base + offset, length)
        }
        initialized = count
      }
      offset += (length + 7) / 8 * 8
      return values
    }

    /// ``take(_:_:)`` as a column's values.
    mutating func values<T>(_ count: Int, _ error: DataError) throws -> ColumnValues<T> {
      let length = count * MemoryLayout<T>.stride
      guard count >= 0, offset + length <= raw.count, let base = raw.baseAddress else {
        throw error
      }
      let values = ColumnValues<T>(count: count) { target in
        memcpy(target, base + offset, length)
      }
      offset += (length + 7) / 8 * 8
      return values
    }
  }
}
