#if arch(x86_64)
  import _Builtin_intrinsics.intel
#endif

/// The code width a text column's dictionary needs.
public enum CodeWidth: Int, Sendable {
  case byte = 1
  case short = 2
  case word = 4

  /// The narrowest width whose codes reach every entry of a dictionary of `entries` entries
  /// (code 0, the blank, included): a byte up to 256 entries, two bytes up to 65,536.
  public init(entries: Int) {
    if entries <= 1 << 8 {
      self = .byte
    } else if entries <= 1 << 16 {
      self = .short
    } else {
      self = .word
    }
  }
}

/// The codes of a text column, one per row, at the width its dictionary needs.
///
/// Most survey text columns (segments, products, channels, reps) have a few hundred values
/// at most, so a byte per row holds their codes; the memory a load writes costs about as
/// much time as parsing, so the narrow arrays make loads faster and smaller. Kernels read
/// the codes through ``visit(_:)``, which picks the width once and runs a loop compiled for
/// that width.
public enum TextCodes: Sendable, Equatable {
  case byte(ColumnValues<UInt8>)
  case short(ColumnValues<UInt16>)
  case word(ColumnValues<UInt32>)

  /// `codes` at the width a dictionary of `entries` entries needs; every code must be below
  /// `entries`.
  public init(_ codes: [UInt32], entries: Int) {
    switch CodeWidth(entries: entries) {
    case .byte: self = .byte(ColumnValues(codes.map { UInt8(truncatingIfNeeded: $0) }))
    case .short: self = .short(ColumnValues(codes.map { UInt16(truncatingIfNeeded: $0) }))
    case .word: self = .word(ColumnValues(codes))
    }
  }

  public var width: CodeWidth {
    switch self {
    case .byte: .byte
    case .short: .short
    case .word: .word
    }
  }

  public var count: Int {
    switch self {
    case .byte(let codes): codes.count
    case .short(let codes): codes.count
    case .word(let codes): codes.count
    }
  }

  /// The code of row `row`. Loops over many rows use ``visit(_:)`` instead.
  @inline(__always)
  public subscript(row: Int) -> UInt32 {
    switch self {
    case .byte(let codes): UInt32(codes[row])
    case .short(let codes): UInt32(codes[row])
    case .word(let codes): codes[row]
    }
  }

  /// Every code as four bytes (a copy), for checks and tests rather than loops over rows.
  public var widened: [UInt32] {
    switch self {
    case .byte(let codes): codes.map(UInt32.init)
    case .short(let codes): codes.map(UInt32.init)
    case .word(let codes): Array(codes)
    }
  }

  /// Runs `visitor` over the codes at their stored width.
  @inline(__always)
  func visit<Visitor: TextCodesVisitor>(_ visitor: Visitor) -> Visitor.Output {
    switch self {
    case .byte(let codes): codes.withUnsafeBufferPointer { visitor.visit($0) }
    case .short(let codes): codes.withUnsafeBufferPointer { visitor.visit($0) }
    case .word(let codes): codes.withUnsafeBufferPointer { visitor.visit($0) }
    }
  }

  /// How many rows hold each code, for a dictionary of `entries` entries.
  func histogram(entries: Int) -> [Int] {
    visit(CodeHistogram(entries: entries))
  }

  /// The largest code (0 when there is no row).
  var largest: UInt32 {
    visit(LargestCode())
  }

  /// How many rows hold `code`.
  func count(of code: UInt32) -> Int {
    visit(CodeCount(code: code))
  }

  /// `table[code]` for the code of each of `rows`, in order.
  func gather<Value>(_ rows: [Int], through table: [Value]) -> [Value] {
    visit(CodeGather(rows: rows, table: table))
  }
}

/// A loop over a text column's codes, generic over their width so that each width gets a
/// loop of its own (``TextCodes/visit(_:)`` switches once, never per row).
protocol TextCodesVisitor {
  associatedtype Output
  func visit<Code: FixedWidthInteger & UnsignedInteger>(_ codes: UnsafeBufferPointer<Code>)
    -> Output
}

/// Counts the rows of each code.
private struct CodeHistogram: TextCodesVisitor {
  let entries: Int

  func visit<Code: FixedWidthInteger & UnsignedInteger>(_ codes: UnsafeBufferPointer<Code>)
    -> [Int]
  {
    var counts = [Int](repeating: 0, count: entries)
    counts.withUnsafeMutableBufferPointer { counts in
      for code in codes { counts[Int(code)] += 1 }
    }
    return counts
  }
}

/// Counts the rows of one code, without a branch per row.
private struct CodeCount: TextCodesVisitor {
  let code: UInt32

  func visit<Code: FixedWidthInteger & UnsignedInteger>(_ codes: UnsafeBufferPointer<Code>)
    -> Int
  {
    guard code <= UInt32(Code.max) else { return 0 }
    if Code.self == UInt8.self {
      // Byte codes, most columns, get a loop of their own: the compiler turns it into
      // vector instructions, which it does not for the generic one.
      return Self.count(
        UnsafeRawBufferPointer(codes).bindMemory(to: UInt8.self), UInt8(truncatingIfNeeded: code))
    }
    let wanted = Code(truncatingIfNeeded: code)
    var total = 0
    for value in codes { total &+= value == wanted ? 1 : 0 }
    return total
  }

  private static func count(_ codes: UnsafeBufferPointer<UInt8>, _ wanted: UInt8) -> Int {
    var total = 0
    var index = 0
    #if arch(x86_64)
      if let base = codes.baseAddress {
        let pattern = _mm_set1_epi8(Int8(bitPattern: wanted))
        (index, total) = ByteLanes.countMarked(UnsafeRawPointer(base), codes.count) {
          _mm_cmpeq_epi8($0, pattern)
        }
      }
    #endif
    // 1 exactly when the difference is zero: arithmetic the compiler keeps free of
    // branches (it turned the plain comparison into one).
    while index < codes.count {
      total &+= Int((UInt32(codes[index] ^ wanted) &- 1) >> 31)
      index += 1
    }
    return total
  }
}

/// Looks up the code of each of some rows in a table.
private struct CodeGather<Value>: TextCodesVisitor {
  let rows: [Int]
  let table: [Value]

  func visit<Code: FixedWidthInteger & UnsignedInteger>(_ codes: UnsafeBufferPointer<Code>)
    -> [Value]
  {
    rows.map { table[Int(codes[$0])] }
  }
}

/// Finds the largest code.
private struct LargestCode: TextCodesVisitor {
  func visit<Code: FixedWidthInteger & UnsignedInteger>(_ codes: UnsafeBufferPointer<Code>)
    -> UInt32
  {
    UInt32(codes.max() ?? 0)
  }
}
