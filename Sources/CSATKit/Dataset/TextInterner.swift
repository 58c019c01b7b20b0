import Foundation

/// Gives each distinct byte string a small code, looking values up by their bytes.
///
/// Code 0 is the blank value. Each new distinct value is copied once into `arena`; no
/// `String` is made until ``strings()``. The table is open addressing with linear probing,
/// kept at most half full; a slot holds the upper half of the hash above `code + 1`, so most
/// mismatches are seen without leaving the table (0 marks an empty slot).
struct TextInterner {
  private var slots: [UInt64]
  private var mask: Int
  /// For each code: hash, offset into `arena` and length.
  private(set) var hashes: [UInt64] = [0]
  private(set) var offsets: [Int] = [0]
  private(set) var lengths: [Int] = [0]
  private(set) var arena: [UInt8] = []

  init(capacity: Int = 1024) {
    var size = 16
    while size < capacity * 2 { size *= 2 }
    slots = [UInt64](repeating: 0, count: size)
    mask = size - 1
  }

  private static let tagMask: UInt64 = 0xFFFF_FFFF_0000_0000

  /// The number of codes given, the blank included.
  var count: Int { offsets.count }

  /// The code of `base[start..<end]`, a new one if the bytes were not seen before.
  mutating func code(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> UInt32 {
    let length = end - start
    let hash = TextInterner.hash(base + start, length)
    let tag = hash & TextInterner.tagMask
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let stored = slots[slot]
      if stored == 0 { break }
      let code = Int(truncatingIfNeeded: stored & ~TextInterner.tagMask) - 1
      if stored & TextInterner.tagMask == tag && lengths[code] == length
        && arena.withUnsafeBufferPointer({ matches($0, offsets[code], base + start, length) })
      {
        return UInt32(code)
      }
      slot = (slot + 1) & mask
    }

    let code = offsets.count
    hashes.append(hash)
    offsets.append(arena.count)
    lengths.append(length)
    arena.append(contentsOf: UnsafeBufferPointer(start: base + start, count: length))
    slots[slot] = tag | UInt64(code + 1)
    if code * 2 >= slots.count { grow() }
    return UInt32(code)
  }

  /// The distinct values in code order, decoded as UTF-8 (invalid bytes become U+FFFD).
  func strings() -> [String] {
    arena.withUnsafeBufferPointer { bytes in
      (0..<count).map { code in
        String(
          decoding: UnsafeBufferPointer(
            rebasing: bytes[offsets[code]..<offsets[code] + lengths[code]]), as: UTF8.self)
      }
    }
  }

  /// Adds every value to `target` (as NFC) and returns the code each of ours has there.
  func remap(into target: inout TextInterner) -> [UInt32] {
    var table = [UInt32](repeating: TextColumn.missingCode, count: count)
    arena.withUnsafeBufferPointer { bytes in
      guard let base = bytes.baseAddress else { return }
      for code in 1..<max(1, count) {
        let start = offsets[code]
        let end = start + lengths[code]
        var isASCII = true
        for index in start..<end where base[index] >= 0x80 {
          isASCII = false
          break
        }
        if isASCII {
          table[code] = target.code(base, start, end)
          continue
        }
        let text = String(
          decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
        var normal = Array(text.precomposedStringWithCanonicalMapping.utf8)
        table[code] = normal.withUnsafeMutableBufferPointer { normalBytes in
          guard let pointer = normalBytes.baseAddress else { return TextColumn.missingCode }
          return target.code(pointer, 0, normalBytes.count)
        }
      }
    }
    return table
  }

  /// Whether `length` bytes at `arena[offset]` equal those at `other`; words first.
  @inline(__always)
  private func matches(
    _ arena: UnsafeBufferPointer<UInt8>, _ offset: Int, _ other: UnsafePointer<UInt8>,
    _ length: Int
  ) -> Bool {
    guard length > 0, let stored = arena.baseAddress else { return true }
    let left = UnsafeRawPointer(stored + offset)
    let right = UnsafeRawPointer(other)
    var index = 0
    while index + 8 <= length {
      if left.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        != right.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      {
        return false
      }
      index += 8
    }
    while index < length {
      if stored[offset + index] != other[index] { return false }
      index += 1
    }
    return true
  }

  /// Doubles the table and places every code again.
  private mutating func grow() {
    let size = slots.count * 2
    var larger = [UInt64](repeating: 0, count: size)
    let newMask = size - 1
    for code in 1..<offsets.count {
      var slot = Int(truncatingIfNeeded: hashes[code]) & newMask
      while larger[slot] != 0 { slot = (slot + 1) & newMask }
      larger[slot] = (hashes[code] & TextInterner.tagMask) | UInt64(code + 1)
    }
    slots = larger
    mask = newMask
  }

  /// A 64-bit hash taking eight bytes at a time, each step a multiply and a rotate.
  static func hash(_ bytes: UnsafePointer<UInt8>, _ length: Int) -> UInt64 {
    let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
    var state = UInt64(truncatingIfNeeded: length) &* multiplier
    var index = 0
    let raw = UnsafeRawPointer(bytes)
    while index + 8 <= length {
      let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      state = (state ^ word) &* multiplier
      state = (state << 29) | (state >> 35)
      index += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while index < length {
      tail |= UInt64(bytes[index]) << shift
      shift += 8
      index += 1
    }
    state = (state ^ tail) &* multiplier
    // A final avalanche so that every input bit reaches the low bits used for the slot.
    state ^= state >> 33
    state = state &* 0xFF51_AFD7_ED55_8CCD
    state ^= state >> 33
    state = state &* 0xC4CE_B9FE_1A85_EC53
    return state ^ (state >> 33)
  }
}
