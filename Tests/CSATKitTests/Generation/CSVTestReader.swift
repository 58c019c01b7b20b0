/// A small RFC 4180 reader for checking the generator's output independently of the
/// project's own loader: quoted fields may hold commas, doubled quotes and line breaks.
enum CSVTestReader {
  /// A problem with the input, with the byte offset where it was seen.
  struct Malformed: Error {
    var offset: Int
    var reason: String
  }

  /// Splits `bytes` into records of fields. Records end with "\n"; a final record without
  /// one is kept. Text outside quotes must not contain a quote.
  static func records(_ bytes: [UInt8]) throws -> [[String]] {
    var records: [[String]] = []
    var fields: [String] = []
    var field: [UInt8] = []
    var inQuotes = false
    var quotedField = false
    var index = 0

    func endField() {
      fields.append(String(decoding: field, as: UTF8.self))
      field.removeAll(keepingCapacity: true)
      quotedField = false
    }

    while index < bytes.count {
      let byte = bytes[index]
      if inQuotes {
        if byte == UInt8(ascii: "\"") {
          if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\"") {
            field.append(byte)
            index += 1
          } else {
            inQuotes = false
          }
        } else {
          field.append(byte)
        }
      } else if byte == UInt8(ascii: "\"") {
        guard field.isEmpty && !quotedField else {
          throw Malformed(offset: index, reason: "quote inside an unquoted field")
        }
        inQuotes = true
        quotedField = true
      } else if byte == UInt8(ascii: ",") {
        endField()
      } else if byte == UInt8(ascii: "\n") {
        endField()
        records.append(fields)
        fields.removeAll()
      } else {
        guard !quotedField else {
          throw Malformed(offset: index, reason: "text after a closing quote")
        }
        field.append(byte)
      }
      index += 1
    }
    guard !inQuotes else { throw Malformed(offset: index, reason: "unterminated quote") }

    if !field.isEmpty || !fields.isEmpty || quotedField {
      endField()
      records.append(fields)
    }
    return records
  }
}
