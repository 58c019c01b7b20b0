import Glibc

/// Gives each distinct byte string a small code, looking values up by their bytes.
///
/// Code 0 is the blank value. Each new distinct value is copied once into `arena`; no
/// `String` is made until ``strings()``. The table is open addressing with linear probing,
/// kept at most half full, holding `code + 1` (0 marks an empty slot).
struct TextInterner {
  private var slots: [UInt32]
  private var mask: Int
  /// For each code: hash, offset into `arena` and length.
  private(set) var hashes: [UInt64] = [0]
  private(set) var offsets: [Int] = [0]
  private(set) var lengths: [Int] = [0]
  private(set) var arena: [UInt8] = []

  init(capacity: Int = 1024) {
    var size = 16
    while size < capacity * 2 { size *= 2 }
    slots = [UInt32](repeating: 0, count: size)
    mask = size - 1
  }

  /// The number of codes given, the blank included.
  var count: Int { offsets.count }

  /// The code of `base[start..<end]`, a new one if the bytes were not seen before.
  mutating func code(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> UInt32 {
    let length = end - start
    let hash = TextInterner.hash(base + start, length)
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let stored = slots[slot]
      if stored == 0 { break }
      let code = Int(stored) - 1
      if hashes[code] == hash && lengths[code] == length
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
    slots[slot] = UInt32(code + 1)
    if code * 2 >= slots.count { grow() }
    return UInt32(code)
  }

  /// The distinct values in code order, decoded as UTF-8 (invalid bytes become U+FFFD).
  func strings() -> [String] {
    arena.withUnsafeBufferPointer { bytes in
      (0..<count).map { code in
        String(decoding: UnsafeBufferPointer(rebasing: bytes[offsets[code]..<offsets[code] + lengths[code]]), as: UTF8.self)
      }
    }
  }

  private func matches(
    _ arena: UnsafeBufferPointer<UInt8>, _ offset: Int, _ other: UnsafePointer<UInt8>,
    _ length: Int
  ) -> Bool {
    guard length > 0, let stored = arena.baseAddress else { return true }
    return memcmp(stored + offset, other, length) == 0
  }

  /// Doubles the table and places every code again.
  private mutating func grow() {
    let size = slots.count * 2
    var larger = [UInt32](repeating: 0, count: size)
    let newMask = size - 1
    for code in 1..<offsets.count {
      var slot = Int(truncatingIfNeeded: hashes[code]) & newMask
      while larger[slot] != 0 { slot = (slot + 1) & newMask }
      larger[slot] = UInt32(code + 1)
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
    state ^= state >> 32
    return state &* multiplier ^ (state >> 29)
  }
}
