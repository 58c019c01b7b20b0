#if arch(x86_64)
  import _Builtin_intrinsics.intel
#endif

/// Up to three byte values looked for together, sixteen bytes at a time.
///
/// Searches read whole 16-byte blocks and may look up to 15 bytes past the end they are
/// given, so they only run over a ``ByteBuffer`` (whose padding makes that safe) or memory
/// with the same slack. A match past `end` counts as no match.
struct ByteSet {
  #if arch(x86_64)
    private let first: __m128i
    private let second: __m128i
    private let third: __m128i
  #else
    private let first: UInt64
    private let second: UInt64
    private let third: UInt64
  #endif

  /// The set of `first`, `second` and `third` (repeat a byte to look for fewer).
  init(_ first: UInt8, _ second: UInt8, _ third: UInt8) {
    #if arch(x86_64)
      self.first = _mm_set1_epi8(Int8(bitPattern: first))
      self.second = _mm_set1_epi8(Int8(bitPattern: second))
      self.third = _mm_set1_epi8(Int8(bitPattern: third))
    #else
      self.first = WordMatch.repeated(first)
      self.second = WordMatch.repeated(second)
      self.third = WordMatch.repeated(third)
    #endif
  }

  /// The offset of the first byte of the set in `start..<end`, or `end` when there is none.
  @inline(__always)
  func firstIndex(in base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
    var index = start
    while index < end {
      let found = matches(UnsafeRawPointer(base + index))
      if found != 0 { return min(index + found.trailingZeroBitCount, end) }
      index += ByteSet.blockSize
    }
    return end
  }

  /// Bit `i` is set when byte `i` of the 64 bytes at `pointer` is in the set; the 64 bytes
  /// must be readable.
  @inline(__always)
  func mask64(_ pointer: UnsafeRawPointer) -> UInt64 {
    var found: UInt64 = 0
    for block in stride(from: 0, to: 64, by: ByteSet.blockSize) {
      found |= UInt64(truncatingIfNeeded: matches(pointer + block)) &<< UInt64(block)
    }
    return found
  }

  /// How many bytes of the set lie in `start..<end` (a bit count per block is slow without
  /// `popcnt`, so this is for small samples).
  func count(in base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
    var total = 0
    var index = start
    while index < end {
      var found = matches(UnsafeRawPointer(base + index))
      if end - index < ByteSet.blockSize { found &= (1 << (end - index)) - 1 }
      total += found.nonzeroBitCount
      index += ByteSet.blockSize
    }
    return total
  }

  /// The bytes one search step covers.
  #if arch(x86_64)
    static let blockSize = 16
  #else
    static let blockSize = 8
  #endif

  /// Bit `i` is set when byte `i` of the block at `pointer` is in the set.
  @inline(__always)
  private func matches(_ pointer: UnsafeRawPointer) -> Int {
    #if arch(x86_64)
      let block = pointer.loadUnaligned(as: __m128i.self)
      let found = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(block, first), _mm_cmpeq_epi8(block, second)),
        _mm_cmpeq_epi8(block, third))
      return Int(_mm_movemask_epi8(found))
    #else
      let word = pointer.loadUnaligned(as: UInt64.self)
      let marks =
        WordMatch.exactBytes(word, equalTo: first) | WordMatch.exactBytes(word, equalTo: second)
        | WordMatch.exactBytes(word, equalTo: third)
      // Gather the high bit of each byte into the low eight bits.
      return Int(truncatingIfNeeded: ((marks >> 7) &* 0x0102_0408_1020_4080) >> 56)
    #endif
  }
}

#if arch(x86_64)
  /// Counting bytes sixteen at a time in byte lanes, which are summed every 255 blocks,
  /// before any lane could pass 255.
  enum ByteLanes {
    /// Over the whole blocks of sixteen of the `count` bytes at `base`, counts the bytes
    /// that `mark` sets (to 0xFF) in each block it is given; returns how many bytes the
    /// blocks covered and how many were marked.
    @inline(__always)
    static func countMarked(
      _ base: UnsafeRawPointer, _ count: Int, _ mark: (__m128i) -> __m128i
    ) -> (covered: Int, marked: Int) {
      var marked = 0
      var index = 0
      while index + 16 <= count {
        var counted = _mm_setzero_si128()
        var blocks = 0
        while index + 16 <= count && blocks < 255 {
          // A marked lane is −1: subtracting it adds one.
          counted = _mm_sub_epi8(counted, mark((base + index).loadUnaligned(as: __m128i.self)))
          index += 16
          blocks += 1
        }
        let sums = _mm_sad_epu8(counted, _mm_setzero_si128())
        marked += Int(_mm_cvtsi128_si64(sums) + _mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)))
      }
      return (index, marked)
    }
  }
#endif
