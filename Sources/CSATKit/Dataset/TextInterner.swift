import Foundation
import Glibc

/// Gives each distinct byte string a small code, looking values up by their bytes.
///
/// Code 0 is the blank value and is never stored. Each new distinct value is copied once
/// into `arena`; no `String` is made until ``strings()``. The table is open addressing with
/// linear probing, kept at most half full. A slot holds the first 16 bytes of its value,
/// its length and part of its hash, so looking up a value of up to 16 bytes reads one slot
/// and nothing else; a longer value also compares its remaining bytes with the arena. The
/// part of the hash kept (the tag) also chooses the slot where a lookup starts, so growing
/// the table moves slots without hashing any value again.
///
/// Lookups load whole words: the value passed in must be followed by 16 readable bytes
/// (the padding of a ``ByteBuffer``, or of the arena and scratch buffers here).
/// The memory is freed by ``release()``, by whichever owner holds the interner last.
struct TextInterner {
  /// One table entry, 32 bytes, so that it never straddles two cache lines.
  private struct Slot {
    /// Bytes 0..<8 of the value, zero-padded.
    var head: UInt64
    /// Bytes 8..<16, zero-padded, for values of up to 16 bytes; for longer values, the
    /// offset of the value in the arena.
    var tail: UInt64
    /// The tag (upper half of the hash) above the code; 0 marks an empty slot.
    var tagAndCode: UInt64
    var length: Int
  }

  /// Where a value's bytes lie in the arena.
  struct Span {
    var offset: Int
    var length: Int
  }

  private var slots: UnsafeMutablePointer<Slot>
  /// The allocation `slots` lies in, for `free`.
  private var slotMemory: UnsafeMutableRawPointer
  private var mask: Int
  /// For each code (the blank included, as an empty span): where its bytes are.
  private(set) var spans = RawBuffer<Span>()
  /// Every distinct value's bytes, with 16 readable bytes always after the last one.
  private(set) var arena = RawBuffer<UInt8>()

  static let tagMask: UInt64 = 0xFFFF_FFFF_0000_0000
  /// How many bytes a slot holds inline.
  private static let inlineBytes = 16
  /// Readable bytes needed after a value, for the word loads.
  static let slack = 16

  /// Room for `capacity` values before the table first grows.
  init(capacity: Int = 16) {
    var size = 16
    while TextInterner.isCrowded(count: capacity, size: size) { size *= 2 }
    (slots, slotMemory) = TextInterner.allocateSlots(size)
    mask = size - 1
    spans.append(Span(offset: 0, length: 0))
    arena.reserve(256)
  }

  /// The number of codes given, the blank included.
  var count: Int { spans.count }

  /// Whether ``code(_:_:)`` still works: the table was not dropped.
  var hasTable: Bool { mask > 0 }

  /// Whether any value might change when decoded and normalised to NFC (which includes
  /// every value that is not valid UTF-8).
  var anyMayChangeUnderNFC: Bool {
    (1..<max(1, count)).contains { code in
      let value = bytes(of: code)
      return value.baseAddress.map { TextInterner.mayChangeUnderNFC($0, value.count) } ?? false
    }
  }

  /// Frees the lookup table, keeping the values: no ``code(_:_:)`` may follow, but
  /// ``remap(into:)``, ``strings()`` and ``bytes(of:)`` still work.
  mutating func dropTable() {
    TextInterner.freeSlots(slotMemory, size: mask + 1)
    (slots, slotMemory) = TextInterner.allocateSlots(1)
    mask = 0
  }

  /// Frees the table and the arena.
  mutating func release() {
    TextInterner.freeSlots(slotMemory, size: mask + 1)
    (slots, slotMemory) = TextInterner.allocateSlots(1)
    mask = 0
    spans.release()
    arena.release()
  }

  /// The code of the `length` bytes at `bytes`, a new one if they were not seen before.
  ///
  /// A value of up to 32 bytes found in the slot where its lookup starts (most lookups in a
  /// small table) takes a short path that callers inline: up to 16 bytes it is compared
  /// with the slot alone, up to 32 with the stored bytes too, each with one branch.
  @inline(__always)
  mutating func code(_ bytes: UnsafePointer<UInt8>, _ length: Int) -> UInt32 {
    let raw = UnsafeRawPointer(bytes)
    let (headMask, tailMask) = TextInterner.wordMasks(length)
    let head = raw.loadUnaligned(as: UInt64.self) & headMask
    let second = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
    let tail = second & tailMask
    if length <= TextInterner.inlineBytes {
      let tag = TextInterner.hashShort(head, tail, length) & TextInterner.tagMask
      let slot = slots[TextInterner.home(tag, mask)]
      let differences =
        (slot.tagAndCode & TextInterner.tagMask) ^ tag | slot.head ^ head | slot.tail ^ tail
        | UInt64(truncatingIfNeeded: slot.length ^ length)
      // An empty slot (all zero) never holds a value, whatever the value's tag.
      if differences == 0 && slot.tagAndCode != 0 {
        return UInt32(truncatingIfNeeded: slot.tagAndCode)
      }
    } else if length <= 2 * TextInterner.inlineBytes {
      // ``hashLong``'s two rounds, and the stored value's bytes compared in place.
      let (thirdMask, fourthMask) = TextInterner.wordMasks(length - 16)
      let third = raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self) & thirdMask
      let fourth = raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self) & fourthMask
      let seeds = TextInterner.seeds
      let first = TextInterner.fold(head ^ seeds.0, tail ^ seeds.1)
      let state = TextInterner.fold(third ^ seeds.0 ^ first, fourth ^ seeds.1)
      let hash = TextInterner.fold(state ^ seeds.2, UInt64(truncatingIfNeeded: length) ^ seeds.0)
      let tag = hash & TextInterner.tagMask
      let slot = slots[TextInterner.home(tag, mask)]
      if (slot.tagAndCode & TextInterner.tagMask) ^ tag | slot.head ^ head
        | UInt64(truncatingIfNeeded: slot.length ^ length) == 0 && slot.tagAndCode != 0
      {
        let stored = UnsafeRawPointer(arena.pointer + Int(slot.tail))
        let differences =
          stored.loadUnaligned(fromByteOffset: 8, as: UInt64.self) ^ second
          | (stored.loadUnaligned(fromByteOffset: 16, as: UInt64.self) & thirdMask) ^ third
          | (stored.loadUnaligned(fromByteOffset: 24, as: UInt64.self) & fourthMask) ^ fourth
        if differences == 0 { return UInt32(truncatingIfNeeded: slot.tagAndCode) }
      }
    }
    return codeProbing(bytes, length)
  }

  /// ``code(_:_:)`` by probing from the value's first slot on.
  @inline(never)
  private mutating func codeProbing(_ bytes: UnsafePointer<UInt8>, _ length: Int) -> UInt32 {
    let raw = UnsafeRawPointer(bytes)
    let head = raw.loadUnaligned(as: UInt64.self) & TextInterner.lowBytes(length)
    let second = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
    let tail = second & TextInterner.lowBytes(length - 8)
    let hash =
      length <= TextInterner.inlineBytes
      ? TextInterner.hashShort(head, tail, length) : TextInterner.hashLong(bytes, length)
    let tag = hash & TextInterner.tagMask
    var index = TextInterner.home(tag, mask)
    while true {
      let slot = slots[index]
      if slot.tagAndCode == 0 { break }
      if slot.tagAndCode & TextInterner.tagMask == tag && slot.head == head
        && slot.length == length
      {
        if length <= TextInterner.inlineBytes {
          if slot.tail == tail { return UInt32(truncatingIfNeeded: slot.tagAndCode) }
        } else if restMatches(Int(slot.tail), bytes, length) {
          return UInt32(truncatingIfNeeded: slot.tagAndCode)
        }
      }
      index = (index + 1) & mask
    }
    return insert(bytes, length, head: head, tail: tail, tag: tag, at: index)
  }

  /// Whether the table has outgrown the nearer caches, so that ``prefetch(_:_:)`` pays.
  var isLarge: Bool { mask >= 1 << 13 }

  /// Asks for the slot where the lookup of the `length` bytes at `bytes` starts to be brought
  /// into the cache, so that a ``code(_:_:)`` for them soon after does not wait for memory.
  @inline(__always)
  func prefetch(_ bytes: UnsafePointer<UInt8>, _ length: Int) {
    let hash: UInt64
    if length <= TextInterner.inlineBytes {
      let raw = UnsafeRawPointer(bytes)
      let head = raw.loadUnaligned(as: UInt64.self) & TextInterner.lowBytes(length)
      let second = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
      hash = TextInterner.hashShort(head, second & TextInterner.lowBytes(length - 8), length)
    } else {
      hash = TextInterner.hashLong(bytes, length)
    }
    let index = TextInterner.home(hash & TextInterner.tagMask, mask)
    prefetchForReading(UnsafeRawPointer(slots + index))
  }

  /// Stores a value not seen before in the empty slot `index`.
  private mutating func insert(
    _ bytes: UnsafePointer<UInt8>, _ length: Int, head: UInt64, tail: UInt64, tag: UInt64,
    at index: Int
  ) -> UInt32 {
    let code = spans.count
    let offset = arena.count
    spans.append(Span(offset: offset, length: length))
    arena.append(bytes, count: length)
    arena.reserve(arena.count + TextInterner.slack)
    slots[index] = Slot(
      head: head, tail: length <= TextInterner.inlineBytes ? tail : UInt64(offset),
      tagAndCode: tag | UInt64(code), length: length)
    if TextInterner.isCrowded(count: code, size: mask + 1) { grow() }
    return UInt32(code)
  }

  /// The bytes of `code`, valid until the next change to the interner.
  func bytes(of code: Int) -> UnsafeBufferPointer<UInt8> {
    let span = spans.pointer[code]
    return UnsafeBufferPointer(start: arena.base.map { $0 + span.offset }, count: span.length)
  }

  /// The distinct values in code order, decoded as UTF-8 (invalid bytes become U+FFFD).
  func strings() -> [String] {
    (0..<count).map { String(decoding: bytes(of: $0), as: UTF8.self) }
  }

  /// Adds every value to `target` (as NFC) and returns the code each of ours has there;
  /// `firstInvalid` receives the lowest code whose bytes are not valid UTF-8, if any.
  ///
  /// Values are looked up in order; the slot of a value a few codes ahead is prefetched
  /// meanwhile, since a large target table is mostly out of the cache.
  func remap(into target: inout TextInterner, firstInvalid: inout Int?) -> [UInt32] {
    var table = [UInt32](repeating: TextColumn.missingCode, count: count)
    var normal = RawBuffer<UInt8>()
    defer { normal.release() }
    let ahead = target.isLarge || count > 1 << 12 ? 8 : 0
    table.withUnsafeMutableBufferPointer { table in
      for code in 1..<max(1, count) {
        if ahead > 0 && code + ahead < count {
          let next = spans.pointer[code + ahead]
          target.prefetch(arena.pointer + next.offset, next.length)
        }
        let value = bytes(of: code)
        guard let start = value.baseAddress else { continue }
        if !TextInterner.mayChangeUnderNFC(start, value.count) {
          table[code] = target.code(start, value.count)
          continue
        }
        if firstInvalid == nil && TextEncoding.firstInvalidUTF8(start, value.count) != nil {
          firstInvalid = code
        }
        let text = String(decoding: value, as: UTF8.self).precomposedStringWithCanonicalMapping
        normal.removeAll()
        for byte in text.utf8 { normal.append(byte) }
        normal.reserve(normal.count + TextInterner.slack)
        table[code] = target.code(normal.pointer, normal.count)
      }
    }
    return table
  }

  /// Whether decoding and normalising to NFC might change the bytes: `false` for valid
  /// UTF-8 made only of ``nfcStableScalars``, which are their own NFC and combine with nothing
  /// before or after them (canonical combining class 0, NFC quick check Yes).
  static func mayChangeUnderNFC(_ bytes: UnsafePointer<UInt8>, _ length: Int) -> Bool {
    if isASCII(bytes, length) { return false }
    var index = 0
    while index < length {
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      let size = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
      guard lead >= 0xC2, lead <= 0xF4, index + size <= length else { return true }
      var scalar = UInt32(lead) & (0x7F >> size)
      for offset in 1..<size {
        let next = bytes[index + offset]
        guard next & 0xC0 == 0x80 else { return true }
        scalar = scalar << 6 | UInt32(next & 0x3F)
      }
      // An overlong form (a scalar spelt with more bytes than it needs) is invalid UTF-8.
      let smallest: UInt32 = size == 2 ? 0x80 : size == 3 ? 0x800 : 0x10000
      guard scalar >= smallest, nfcStableScalars.contains(where: { $0.contains(scalar) }) else {
        return true
      }
      index += size
    }
    return false
  }

  /// Scalars beyond ASCII that values may hold without being normalised: Latin-1, Latin
  /// Extended, IPA and spacing modifiers; dashes, quotes and other general punctuation (not
  /// U+2000 and U+2001, which NFC replaces); pictographs and emoji.
  static let nfcStableScalars: [ClosedRange<UInt32>] = [
    0x80...0x2FF, 0x2010...0x2027, 0x2030...0x205E, 0x1F300...0x1FAFF,
  ]

  // MARK: - Hashing and comparing

  /// The masks of the two words that hold the first 16 bytes of a value of `length` bytes
  /// (`length` ≥ 0): both whole from 16 bytes on. One load each, where computing a mask
  /// took several instructions on every lookup.
  @inline(__always)
  private static func wordMasks(_ length: Int) -> (UInt64, UInt64) {
    let index = min(length, 16) &* 2
    return (byteMasks[index], byteMasks[index &+ 1])
  }

  /// For `n` from 0 to 16, the masks of the first word (entry 2n) and the second word
  /// (entry 2n + 1) of a value of `n` bytes.
  private static let byteMasks: [UInt64] = [
    0x0000_0000_0000_0000, 0x0000_0000_0000_0000,
    0x0000_0000_0000_00FF, 0x0000_0000_0000_0000,
    0x0000_0000_0000_FFFF, 0x0000_0000_0000_0000,
    0x0000_0000_00FF_FFFF, 0x0000_0000_0000_0000,
    0x0000_0000_FFFF_FFFF, 0x0000_0000_0000_0000,
    0x0000_00FF_FFFF_FFFF, 0x0000_0000_0000_0000,
    0x0000_FFFF_FFFF_FFFF, 0x0000_0000_0000_0000,
    0x00FF_FFFF_FFFF_FFFF, 0x0000_0000_0000_0000,
    0xFFFF_FFFF_FFFF_FFFF, 0x0000_0000_0000_0000,
    0xFFFF_FFFF_FFFF_FFFF, 0x0000_0000_0000_00FF,
    0xFFFF_FFFF_FFFF_FFFF, 0x0000_0000_0000_FFFF,
    0xFFFF_FFFF_FFFF_FFFF, 0x0000_0000_00FF_FFFF,
    0xFFFF_FFFF_FFFF_FFFF, 0x0000_0000_FFFF_FFFF,
    0xFFFF_FFFF_FFFF_FFFF, 0x0000_00FF_FFFF_FFFF,
    0xFFFF_FFFF_FFFF_FFFF, 0x0000_FFFF_FFFF_FFFF,
    0xFFFF_FFFF_FFFF_FFFF, 0x00FF_FFFF_FFFF_FFFF,
    0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFF,
  ]

  /// A mask of the lowest `count` bytes of a word (none when `count` ≤ 0, all from 8).
  @inline(__always)
  private static func lowBytes(_ count: Int) -> UInt64 {
    // Two shifts of at most 32 bits each: no branch, and all 64 bits can go.
    let half = UInt64(truncatingIfNeeded: 8 &- min(max(count, 0), 8)) &* 4
    return (UInt64.max &>> half) &>> half
  }

  /// Both halves of the full product folded together: one multiply mixes all 128 bits.
  @inline(__always)
  private static func fold(_ left: UInt64, _ right: UInt64) -> UInt64 {
    let product = left.multipliedFullWidth(by: right)
    return product.high ^ product.low
  }

  private static let seeds: (UInt64, UInt64, UInt64) = (
    0xA076_1D64_78BD_642F, 0xE703_7ED1_A0B4_28DB, 0x8EBC_6AF0_9C88_C6E3
  )

  /// The hash of a value of up to 16 bytes, given as two zero-padded words.
  @inline(__always)
  private static func hashShort(_ head: UInt64, _ tail: UInt64, _ length: Int) -> UInt64 {
    let mixed = fold(head ^ seeds.0, tail ^ seeds.1)
    return fold(mixed ^ seeds.2, UInt64(truncatingIfNeeded: length) ^ seeds.0)
  }

  /// The hash of a value of any length, 16 bytes at a time; equals ``hashShort`` up to 16,
  /// and the short paths of ``code(_:_:)`` up to 32. Tests find values whose tags collide
  /// with it.
  static func hashLong(_ bytes: UnsafePointer<UInt8>, _ length: Int) -> UInt64 {
    let raw = UnsafeRawPointer(bytes)
    var state: UInt64 = 0
    var index = 0
    repeat {
      let left = length - index
      let head = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & lowBytes(left)
      let tail =
        raw.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self) & lowBytes(left - 8)
      state = fold(head ^ seeds.0 ^ state, tail ^ seeds.1)
      index += inlineBytes
    } while index < length
    return fold(state ^ seeds.2, UInt64(truncatingIfNeeded: length) ^ seeds.0)
  }

  /// Whether bytes 8..<length of `other` equal those of the stored value at `offset`.
  @inline(__always)
  private func restMatches(_ offset: Int, _ other: UnsafePointer<UInt8>, _ length: Int) -> Bool {
    let stored = UnsafeRawPointer(arena.pointer + offset)
    let given = UnsafeRawPointer(other)
    var index = 8
    while index + 8 <= length {
      if stored.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        != given.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      {
        return false
      }
      index += 8
    }
    guard index < length else { return true }
    let kept = TextInterner.lowBytes(length - index)
    return stored.loadUnaligned(fromByteOffset: index, as: UInt64.self) & kept
      == given.loadUnaligned(fromByteOffset: index, as: UInt64.self) & kept
  }

  /// Whether no byte of `bytes[0..<length]` has its high bit set.
  private static func isASCII(_ bytes: UnsafePointer<UInt8>, _ length: Int) -> Bool {
    let raw = UnsafeRawPointer(bytes)
    var seen: UInt64 = 0
    var index = 0
    while index < length {
      seen |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & lowBytes(length - index)
      index += 8
    }
    return seen & 0x8080_8080_8080_8080 == 0
  }

  // MARK: - Table

  /// A zeroed table of `size` slots aligned to a cache line, and the allocation to free
  /// with ``freeSlots(_:size:)``.
  ///
  /// The pages are made writable here rather than at first use: reading a fresh page first
  /// and writing it later costs the system a second fault. Large tables get pages of their
  /// own, which go back to the system when freed.
  private static func allocateSlots(_ size: Int) -> (
    slots: UnsafeMutablePointer<Slot>, memory: UnsafeMutableRawPointer
  ) {
    let line = 64
    let bytes = size * MemoryLayout<Slot>.stride
    let memory = bytes >= ownPagesBytes ? mapPages(bytes) : malloc(bytes + line)
    guard let memory else {
      fatalError("out of memory: cannot make a table of \(size) values")
    }
    let start = memory + (line - Int(bitPattern: memory) % line) % line
    // Fresh pages are zero already: having the system put them in place saves writing the
    // zeroes a second time.
    if !(bytes >= ownPagesBytes && populatePages(memory, bytes)) {
      start.initializeMemory(as: UInt8.self, repeating: 0, count: bytes)
    }
    return (start.bindMemory(to: Slot.self, capacity: size), memory)
  }

  /// Frees a table made by ``allocateSlots(_:)`` for `size` slots.
  private static func freeSlots(_ memory: UnsafeMutableRawPointer, size: Int) {
    let bytes = size * MemoryLayout<Slot>.stride
    if bytes >= ownPagesBytes { munmap(memory, bytes) } else { free(memory) }
  }

  /// The slot where the lookup of a value with tag `tag` starts, in a table of `mask + 1`.
  @inline(__always)
  private static func home(_ tag: UInt64, _ mask: Int) -> Int {
    Int(truncatingIfNeeded: tag >> 32) & mask
  }

  /// Whether a table of `size` slots holding `count` values is too full for short probes.
  ///
  /// A table of up to 4,096 slots (128 KB) is kept at most an eighth full. A value whose
  /// first slot another value took first is looked up out of line, with a wrong guess, on
  /// every row that holds it; at a quarter full that was about one value in eight, and a 1M
  /// load took 2.7% more instructions and 3% more time than at an eighth (at three quarters,
  /// 3% more CPU again; at a sixteenth, no better than at an eighth). Larger tables, whose
  /// lookups wait on memory rather than on guesses, are kept up to three quarters full: a
  /// lookup that finds its value reads about two slots (in one or two cache lines), and the
  /// table costs fewer bytes to clear.
  @inline(__always)
  private static func isCrowded(count: Int, size: Int) -> Bool {
    size <= 1 << 12 ? count * 8 > size : count * 4 > size * 3
  }

  /// Doubles the table and places every slot again.
  private mutating func grow() {
    let size = (mask + 1) * 2
    let larger = TextInterner.allocateSlots(size)
    let newMask = size - 1
    let target = larger.slots
    for index in 0...mask where slots[index].tagAndCode != 0 {
      let slot = slots[index]
      var place = TextInterner.home(slot.tagAndCode & TextInterner.tagMask, newMask)
      while target[place].tagAndCode != 0 { place = (place + 1) & newMask }
      target[place] = slot
    }
    TextInterner.freeSlots(slotMemory, size: mask + 1)
    (slots, slotMemory) = larger
    mask = newMask
  }
}
