import Synchronization

/// The type a column gets from its values at load.
public enum ColumnType: String, Sendable {
  case text, number, boolean, timestamp
}

/// Text stored as one small integer code per row plus one dictionary per column.
///
/// Code 0 is always the blank (missing) value and `dictionary[0]` is the empty string.
/// Every other entry is distinct after Unicode canonical (NFC) normalisation, so two
/// values are equal exactly when their codes are equal.
///
/// A column with very many distinct values (identifiers, free text) is loaded as plain bytes
/// (``PlainText``) and gets its codes and dictionary the first time either is read: loading
/// then skips the lookups that cost most, and queries that never touch the column never pay
/// for them. Reading ``codes`` or ``dictionary`` is the same either way.
public struct TextColumn: Sendable {
  /// The codes and dictionary, when they were made at load.
  private let coded: Coded?
  /// The values as bytes, coded when first needed.
  private let deferred: DeferredText?
  /// The codes in the order of their values, once a query has asked for them.
  private let valueOrder = ValueOrder()

  private struct Coded: Sendable {
    var codes: TextCodes
    var dictionary: [String]
  }

  public init(codes: TextCodes, dictionary: [String]) {
    coded = Coded(codes: codes, dictionary: dictionary)
    deferred = nil
  }

  /// A column from four-byte codes, stored at the width the dictionary needs.
  public init(codes: [UInt32], dictionary: [String]) {
    self.init(codes: TextCodes(codes, entries: dictionary.count), dictionary: dictionary)
  }

  /// A column kept as bytes until its codes are first read.
  init(plain: PlainText) {
    coded = nil
    deferred = DeferredText(plain)
  }

  /// One code per row, as narrow as the dictionary allows (see ``TextCodes``).
  public var codes: TextCodes {
    coded?.codes ?? deferred.unsafelyUnwrapped.codes
  }

  public var dictionary: [String] {
    coded?.dictionary ?? deferred.unsafelyUnwrapped.dictionary
  }

  /// The number of rows, known without coding a column kept as bytes.
  public var count: Int {
    coded?.codes.count ?? deferred.unsafelyUnwrapped.rowCount
  }

  /// Whether the codes and dictionary are made already (so reading them costs nothing).
  public var isCoded: Bool {
    coded != nil || deferred.unsafelyUnwrapped.isCoded
  }

  /// The number of blank rows of a column not coded yet, counted without coding it.
  var blanksBeforeCoding: Int? {
    guard let deferred, !deferred.isCoded else { return nil }
    return deferred.blankCount
  }

  /// The codes of the values that are not blank, in the order of their values: sorted once
  /// per column, then kept.
  func codesByValue() -> [Int] {
    valueOrder.order.withLock { order in
      if let order { return order }
      let sorted = TextColumn.codesInOrder(of: dictionary)
      order = sorted
      return sorted
    }
  }

  /// The codes 1… of `dictionary` in the order `<` gives their values.
  ///
  /// When every value is ASCII, that is the order of their bytes: the codes are sorted on
  /// each value's first 16 bytes read as two numbers, and only values that share those are
  /// compared whole. Two million customer ids took about 0.45 s sorted as strings.
  static func codesInOrder(of dictionary: [String]) -> [Int] {
    let codes = 1..<max(1, dictionary.count)
    guard dictionary.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) else {
      return codes.sorted { dictionary[$0] < dictionary[$1] }
    }
    var keyed = codes.map { code -> (first: UInt64, second: UInt64, code: Int) in
      var value = dictionary[code]
      let (first, second) = value.withUTF8 { bytes in
        (bigEndianWord(bytes, from: 0), bigEndianWord(bytes, from: 8))
      }
      return (first, second, code)
    }
    keyed.sort { ($0.first, $0.second) < ($1.first, $1.second) }
    // Values that share their first 16 bytes (or are shorter and end in zero bytes) are
    // put in order whole.
    var start = 0
    while start < keyed.count {
      var end = start + 1
      while end < keyed.count && keyed[end].first == keyed[start].first
        && keyed[end].second == keyed[start].second
      {
        end += 1
      }
      if end - start > 1 {
        keyed[start..<end].sort { dictionary[$0.code] < dictionary[$1.code] }
      }
      start = end
    }
    return keyed.map(\.code)
  }

  /// Bytes `offset..<offset + 8` of `bytes` as a number whose order is theirs, zero bytes
  /// standing in for those past the end.
  private static func bigEndianWord(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> UInt64
  {
    var word: UInt64 = 0
    for index in offset..<offset + 8 {
      word = word << 8 | UInt64(index < bytes.count ? bytes[index] : 0)
    }
    return word
  }

  public static let missingCode: UInt32 = 0
}

/// The sorted codes of a text column, shared by its copies.
private final class ValueOrder: Sendable {
  let order = Mutex<[Int]?>(nil)
}

/// Text kept as bytes until its codes are first wanted; the first reader codes it, any other
/// reader meanwhile waits, and the bytes are freed once coded.
///
/// Readers after that take no lock (callers may read ``TextColumn/dictionary`` once per
/// comparison of a sort): the codes are written once, before the flag that says so.
private final class DeferredText: @unchecked Sendable {
  let rowCount: Int
  let blankCount: Int
  /// The bytes, until coded; the lock is held while coding.
  private let plain: Mutex<PlainText?>
  /// Set once, under the lock, before `ready`.
  private var codesValue: TextCodes?
  private var dictionaryValue: [String]?
  private let ready = Atomic<Bool>(false)

  init(_ plain: PlainText) {
    rowCount = plain.rowCount
    blankCount = plain.blankCount
    self.plain = Mutex(plain)
  }

  var isCoded: Bool { ready.load(ordering: .acquiring) }

  var codes: TextCodes {
    if !ready.load(ordering: .acquiring) { code() }
    return codesValue.unsafelyUnwrapped
  }

  var dictionary: [String] {
    if !ready.load(ordering: .acquiring) { code() }
    return dictionaryValue.unsafelyUnwrapped
  }

  /// Codes the bytes, unless another reader did while this one waited for the lock.
  private func code() {
    plain.withLock { plain in
      guard let bytes = plain else { return }
      let made = bytes.encoded()
      codesValue = made.codes
      dictionaryValue = made.dictionary
      plain = nil
      ready.store(true, ordering: .releasing)
    }
  }
}

/// Numbers in the narrowest of three forms that holds every value exactly (see
/// ``NumberValues``); a missing value reads as NaN.
public struct NumberColumn: Sendable {
  public var storage: NumberValues

  public init(storage: NumberValues) {
    self.storage = storage
  }

  /// A column from doubles (NaN for missing), stored as narrow as they allow.
  public init(values: [Double]) {
    self.init(storage: NumberValues(values))
  }

  public var count: Int { storage.count }

  /// The value of row `row`, NaN when missing. Loops over many rows use ``visit(_:)``.
  @inline(__always)
  public subscript(row: Int) -> Double { storage[row] }

  /// Every value as a double (a copy), NaN for missing ones: for checks and tests rather
  /// than loops over rows.
  public var values: [Double] { storage.doubles }

  /// Runs `visitor` over the values in their stored form.
  @inline(__always)
  func visit<Visitor: NumberVisitor>(_ visitor: Visitor) -> Visitor.Output {
    storage.visit(visitor)
  }
}

/// Booleans as bytes: 0 false, 1 true, `missing` (2) for a blank.
public struct BooleanColumn: Sendable {
  public var values: ColumnValues<UInt8>

  public init(values: ColumnValues<UInt8>) {
    self.values = values
  }

  public init(values: [UInt8]) {
    self.init(values: ColumnValues(values))
  }

  public static let missing: UInt8 = 2
}

/// Instants as milliseconds since 1970-01-01T00:00:00Z; a missing value is `Int64.min`.
public struct TimestampColumn: Sendable {
  public var values: ColumnValues<Int64>

  public init(values: ColumnValues<Int64>) {
    self.values = values
  }

  public init(values: [Int64]) {
    self.init(values: ColumnValues(values))
  }

  public static let missing = Int64.min
}

/// The typed buffer behind one column.
public enum ColumnData: Sendable {
  case text(TextColumn)
  case number(NumberColumn)
  case boolean(BooleanColumn)
  case timestamp(TimestampColumn)
}

/// One named column of a dataset.
public struct Column: Sendable {
  /// The header as it appears in the file (trimmed of surrounding whitespace).
  public var name: String
  public var data: ColumnData

  public init(name: String, data: ColumnData) {
    self.name = name
    self.data = data
  }

  public var type: ColumnType {
    switch data {
    case .text: .text
    case .number: .number
    case .boolean: .boolean
    case .timestamp: .timestamp
    }
  }

  public var count: Int {
    switch data {
    case .text(let column): column.count
    case .number(let column): column.count
    case .boolean(let column): column.values.count
    case .timestamp(let column): column.values.count
    }
  }

  /// Whether row `row` holds no answer.
  public func isMissing(_ row: Int) -> Bool {
    switch data {
    case .text(let column): column.codes[row] == TextColumn.missingCode
    case .number(let column): column[row].isNaN
    case .boolean(let column): column.values[row] == BooleanColumn.missing
    case .timestamp(let column): column.values[row] == TimestampColumn.missing
    }
  }
}
