import Foundation

/// Readers of single cell values straight from bytes, with no `String` in between.
///
/// Every function takes the cell as `base[start..<end]`, already trimmed of spaces and tabs.
enum ValueParsing {
  /// Narrows `start..<end` to drop surrounding spaces, tabs and line breaks.
  @inline(__always)
  static func trim(_ base: UnsafePointer<UInt8>, _ start: inout Int, _ end: inout Int) {
    while start < end && isSpace(base[start]) { start += 1 }
    while end > start && isSpace(base[end - 1]) { end -= 1 }
  }

  @inline(__always)
  static func isSpace(_ byte: UInt8) -> Bool {
    byte == ASCII.space || byte == ASCII.tab || byte == ASCII.lineFeed
      || byte == ASCII.carriageReturn
  }

  /// Whether a trimmed cell is one of the tokens that mean "no answer" outside text columns:
  /// `NA`, `N/A`, `null`, `#N/A` (any letter case) and `-`. Blank cells are checked apart.
  @inline(__always)
  static func isMissingToken(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    let length = end - start
    guard length >= 1 && length <= 4 else { return false }
    // Every token starts with n, N, # or -; most cells are ruled out by that alone.
    let lead = base[start]
    guard lead | 0x20 == 0x6E || lead == 0x23 || lead == 0x2D else { return false }
    return matchesMissingToken(base, start, end)
  }

  /// ``isMissingToken(_:_:_:)`` once the length and first byte have passed.
  private static func matchesMissingToken(
    _ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int
  ) -> Bool {
    let length = end - start
    let first = base[start] | 0x20
    switch length {
    case 1:
      return base[start] == 0x2D  // -
    case 2:
      return first == 0x6E && base[start + 1] | 0x20 == 0x61  // na
    case 3:
      return first == 0x6E && base[start + 1] == 0x2F && base[start + 2] | 0x20 == 0x61  // n/a
    default:
      if base[start] == 0x23 {  // #n/a
        return base[start + 1] | 0x20 == 0x6E && base[start + 2] == 0x2F
          && base[start + 3] | 0x20 == 0x61
      }
      return first == 0x6E && base[start + 1] | 0x20 == 0x75 && base[start + 2] | 0x20 == 0x6C
        && base[start + 3] | 0x20 == 0x6C  // null
    }
  }

  /// A boolean spelt t, y, yes or true (1), or f, n, no or false (0), in any case; nil for
  /// anything else. Digits are never booleans, so a 0/1 column stays a number column.
  ///
  /// Reads eight bytes from `start`, so readable bytes must follow the cell (a
  /// ``ByteBuffer``'s padding). Setting bit 5 of a byte gives a lower-case letter only when
  /// the byte is that letter in either case, so one comparison of the folded word checks
  /// every byte.
  @inline(__always)
  static func parseBoolean(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> UInt8? {
    let length = end - start
    guard length >= 1 && length <= 5 else { return nil }
    let kept = UInt64.max >> UInt64(truncatingIfNeeded: 64 - 8 * length)
    let word =
      (UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self) | 0x2020_2020_2020_2020)
      & kept
    // The words of the spellings, first byte lowest.
    switch word {
    case 0x74, 0x79, 0x73_6579, 0x65_7572_74: return 1  // t, y, yes, true
    case 0x66, 0x6E, 0x6F6E, 0x65_736C_6166: return 0  // f, n, no, false
    default: return nil
    }
  }

  /// Powers of ten that a double holds exactly, for the fast path of ``parseNumber``.
  private static let exactPowers: [Double] = (0...22).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
  }

  /// A decimal number: optional sign, digits with an optional point (`1.`, `.5`), optional
  /// exponent. No thousands separators, no `inf` or `nan`, no hexadecimal.
  ///
  /// Up to 15 significant digits and a small exponent are converted with one exact
  /// multiplication or division (correctly rounded); longer numbers go to `strtod`.
  @inline(__always)
  static func parseNumber(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
    // Whole numbers of up to 15 digits, the common case, are below 2⁵³ and so exact.
    let negative = start < end && base[start] == 0x2D
    let index = start < end && (negative || base[start] == 0x2B) ? start + 1 : start
    if end - index <= 15 {
      var whole: UInt64 = 0
      var cursor = index
      while cursor < end, case let digit = base[cursor] &- 0x30, digit < 10 {
        whole = whole &* 10 &+ UInt64(digit)
        cursor += 1
      }
      if cursor == end && cursor > index {
        return negative ? -Double(whole) : Double(whole)
      }
    }
    return parseAnyNumber(base, start, end)
  }

  /// ``parseNumber(_:_:_:)`` for every other spelling: fractions, exponents, long numbers.
  private static func parseAnyNumber(
    _ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int
  ) -> Double? {
    var index = start
    var negative = false
    if index < end && (base[index] == 0x2B || base[index] == 0x2D) {
      negative = base[index] == 0x2D
      index += 1
    }

    var mantissa: UInt64 = 0
    var digits = 0
    var overflowed = false
    var scale = 0
    while index < end, case let digit = base[index] &- 0x30, digit < 10 {
      if mantissa < 100_000_000_000_000_000 {
        mantissa = mantissa * 10 + UInt64(digit)
      } else {
        overflowed = true
        scale += 1
      }
      digits += 1
      index += 1
    }
    if index < end && base[index] == 0x2E {
      index += 1
      while index < end, case let digit = base[index] &- 0x30, digit < 10 {
        if mantissa < 100_000_000_000_000_000 {
          mantissa = mantissa * 10 + UInt64(digit)
          scale -= 1
        } else {
          overflowed = true
        }
        digits += 1
        index += 1
      }
    }
    guard digits > 0 else { return nil }

    if index < end && (base[index] | 0x20) == 0x65 {
      index += 1
      var exponentNegative = false
      if index < end && (base[index] == 0x2B || base[index] == 0x2D) {
        exponentNegative = base[index] == 0x2D
        index += 1
      }
      var exponent = 0
      var exponentDigits = 0
      while index < end, case let digit = base[index] &- 0x30, digit < 10 {
        if exponent < 100_000 { exponent = exponent * 10 + Int(digit) }
        exponentDigits += 1
        index += 1
      }
      guard exponentDigits > 0 else { return nil }
      scale += exponentNegative ? -exponent : exponent
    }
    guard index == end else { return nil }

    if !overflowed && mantissa < (1 << 53) && scale >= -22 && scale <= 22 {
      var value = Double(mantissa)
      value = scale < 0 ? value / exactPowers[-scale] : value * exactPowers[scale]
      return negative ? -value : value
    }
    return slowParse(base, start, end)
  }

  /// `strtod` on a terminated copy, for numbers the fast path cannot convert exactly.
  private static func slowParse(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double {
    var text = [CChar](repeating: 0, count: end - start + 1)
    for index in start..<end { text[index - start] = CChar(bitPattern: base[index]) }
    return strtod(text, nil)
  }
}
