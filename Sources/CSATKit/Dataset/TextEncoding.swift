import Glibc

#if arch(x86_64)
  import _Builtin_intrinsics.intel
#endif

/// Checks of the bytes a file holds: whether it is text at all, and whether it is UTF-8.
enum TextEncoding {
  /// How far from the start a NUL byte makes a file binary.
  static let binaryProbeBytes = 1 << 16

  /// The offset of the first NUL byte within the first ``binaryProbeBytes`` of `count`.
  static func firstNulByte(_ base: UnsafePointer<UInt8>, count: Int) -> Int? {
    let probed = min(count, binaryProbeBytes)
    guard probed > 0, let found = memchr(base, 0, probed) else { return nil }
    return UnsafeRawPointer(found) - UnsafeRawPointer(base)
  }

  /// The offset of the first byte of `bytes[0..<length]` that is not part of valid UTF-8, or
  /// `nil` when all of it is valid.
  ///
  /// Valid means what the Unicode standard (Table 3-7) allows: no overlong forms, no
  /// surrogates and nothing above U+10FFFF. An ASCII run is skipped eight bytes at a time.
  static func firstInvalidUTF8(_ bytes: UnsafePointer<UInt8>, _ length: Int) -> Int? {
    var index = 0
    while index < length {
      #if arch(x86_64)
        // Sixteen bytes at once while they are ASCII (no byte with its top bit set).
        if index + 16 <= length
          && _mm_movemask_epi8(UnsafeRawPointer(bytes + index).loadUnaligned(as: __m128i.self))
            == 0
        {
          index += 16
          continue
        }
      #endif
      if index + 8 <= length {
        let word = UnsafeRawPointer(bytes + index).loadUnaligned(as: UInt64.self)
        if word & 0x8080_8080_8080_8080 == 0 {
          index += 8
          continue
        }
      }
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      guard let size = sequenceLength(bytes, from: index, to: length) else { return index }
      index += size
    }
    return nil
  }

  /// Whether `bytes[0..<length]` are all ASCII (no byte with its top bit set), read a word
  /// or sixteen bytes at a time, the last one overlapping the one before: nothing past the
  /// bytes is read.
  @inline(__always)
  static func isASCII(_ bytes: UnsafePointer<UInt8>, _ length: Int) -> Bool {
    let raw = UnsafeRawPointer(bytes)
    guard length >= 8 else {
      var seen: UInt8 = 0
      for index in 0..<length { seen |= bytes[index] }
      return seen < 0x80
    }
    #if arch(x86_64)
      if length >= 16 {
        var seen = raw.loadUnaligned(fromByteOffset: length - 16, as: __m128i.self)
        var index = 0
        while index + 16 < length {
          seen = _mm_or_si128(seen, raw.loadUnaligned(fromByteOffset: index, as: __m128i.self))
          index += 16
        }
        return _mm_movemask_epi8(seen) == 0
      }
    #endif
    var seen = raw.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
    var index = 0
    while index + 8 < length {
      seen |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      index += 8
    }
    return seen & 0x8080_8080_8080_8080 == 0
  }

  /// The length of the well-formed sequence that starts with the non-ASCII byte at `index`,
  /// or `nil` when it is ill-formed.
  private static func sequenceLength(
    _ bytes: UnsafePointer<UInt8>, from index: Int, to length: Int
  ) -> Int? {
    let lead = bytes[index]
    let size: Int
    // The range the second byte must fall in, which rules out overlong forms, surrogates
    // and scalars above U+10FFFF.
    let second: ClosedRange<UInt8>
    switch lead {
    case 0xC2...0xDF: (size, second) = (2, 0x80...0xBF)
    case 0xE0: (size, second) = (3, 0xA0...0xBF)
    case 0xE1...0xEC, 0xEE...0xEF: (size, second) = (3, 0x80...0xBF)
    case 0xED: (size, second) = (3, 0x80...0x9F)
    case 0xF0: (size, second) = (4, 0x90...0xBF)
    case 0xF1...0xF3: (size, second) = (4, 0x80...0xBF)
    case 0xF4: (size, second) = (4, 0x80...0x8F)
    default: return nil
    }
    guard index + size <= length, second.contains(bytes[index + 1]) else { return nil }
    for offset in 2..<max(2, size) where bytes[index + offset] & 0xC0 != 0x80 {
      return nil
    }
    return size
  }
}
