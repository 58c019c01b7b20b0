/// A position in the UTF-8 bytes of a statement, with the small moves the lexer makes.
///
/// The cursor never reads past the end: every look-ahead returns `nil` there.
struct LexerCursor {
  let bytes: [UInt8]
  private(set) var position = 0

  init(_ source: String) {
    bytes = Array(source.utf8)
  }

  var isAtEnd: Bool { position >= bytes.count }

  /// The byte `offset` bytes ahead of the cursor, or `nil` past the end.
  func peek(_ offset: Int = 0) -> UInt8? {
    let index = position + offset
    return index < bytes.count ? bytes[index] : nil
  }

  /// Whether the byte under the cursor is `ascii`.
  func at(_ ascii: Unicode.Scalar) -> Bool {
    peek() == UInt8(ascii: ascii)
  }

  mutating func advance(by count: Int = 1) {
    position = min(position + count, bytes.count)
  }

  /// Moves past the byte under the cursor if it is `ascii`.
  mutating func eat(_ ascii: Unicode.Scalar) -> Bool {
    guard at(ascii) else { return false }
    advance()
    return true
  }

  /// Moves past bytes while `predicate` holds.
  mutating func skip(while predicate: (UInt8) -> Bool) {
    while let byte = peek(), predicate(byte) {
      advance()
    }
  }

  /// Moves past whole scalars while `predicate` holds; for runs that may hold non-ASCII text.
  mutating func skipScalars(while predicate: (Unicode.Scalar) -> Bool) {
    while let (scalar, length) = scalar(), predicate(scalar) {
      advance(by: length)
    }
  }

  /// Decodes the scalar starting `offset` bytes ahead, with its length in bytes.
  ///
  /// Returns `nil` at the end or on a byte sequence that is not UTF-8 (which a `String`
  /// never holds, but the cursor does not rely on that).
  func scalar(_ offset: Int = 0) -> (Unicode.Scalar, Int)? {
    guard let lead = peek(offset) else { return nil }
    let length: Int
    var value: UInt32
    switch lead {
    case 0..<0x80: return (Unicode.Scalar(lead), 1)
    case 0xC0..<0xE0: (length, value) = (2, UInt32(lead & 0x1F))
    case 0xE0..<0xF0: (length, value) = (3, UInt32(lead & 0x0F))
    case 0xF0..<0xF8: (length, value) = (4, UInt32(lead & 0x07))
    default: return nil
    }
    for index in 1..<length {
      guard let byte = peek(offset + index), byte & 0xC0 == 0x80 else { return nil }
      value = value << 6 | UInt32(byte & 0x3F)
    }
    return Unicode.Scalar(value).map { ($0, length) }
  }

  /// The source text between `start` and the cursor.
  func text(from start: Int) -> String {
    String(decoding: bytes[start..<position], as: UTF8.self)
  }
}

// MARK: - Character classes

extension UInt8 {
  var isASCIIDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }

  var isASCIILetter: Bool {
    (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "z"))
      || (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z"))
  }

  var isASCIIAlphanumeric: Bool { isASCIIDigit || isASCIILetter }
}

extension Unicode.Scalar {
  /// A letter or `_`: what may start a plain name.
  var isIdentifierStart: Bool {
    if isASCII { return value == 0x5F || UInt8(value).isASCIILetter }
    return properties.isAlphabetic
  }

  /// A letter, digit, `_` or combining mark: what may continue a plain name.
  var isIdentifierContinue: Bool {
    if isASCII { return value == 0x5F || UInt8(value).isASCIIAlphanumeric }
    switch properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber: return true
    default: return properties.isAlphabetic
    }
  }

  /// A scalar that belongs to the character before it: a combining mark, an emoji skin
  /// tone, a variation selector or a zero-width joiner.
  var extendsPreviousCharacter: Bool {
    properties.isGraphemeExtend || properties.isEmojiModifier
      || properties.isVariationSelector || value == 0x200D
  }
}
