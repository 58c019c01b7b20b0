/// The type a column gets from its values at load.
public enum ColumnType: String, Sendable {
  case text, number, boolean, timestamp
}

/// Text stored as one small integer code per row plus one dictionary per column.
///
/// Code 0 is always the blank (missing) value and `dictionary[0]` is the empty string.
/// Every other entry is distinct after Unicode canonical (NFC) normalisation, so two
/// values are equal exactly when their codes are equal.
public struct TextColumn: Sendable {
  /// One code per row, as narrow as the dictionary allows (see ``TextCodes``).
  public var codes: TextCodes
  public var dictionary: [String]

  public init(codes: TextCodes, dictionary: [String]) {
    self.codes = codes
    self.dictionary = dictionary
  }

  /// A column from four-byte codes, stored at the width the dictionary needs.
  public init(codes: [UInt32], dictionary: [String]) {
    self.init(codes: TextCodes(codes, entries: dictionary.count), dictionary: dictionary)
  }

  public static let missingCode: UInt32 = 0
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
  public var values: [UInt8]

  public init(values: [UInt8]) {
    self.values = values
  }

  public static let missing: UInt8 = 2
}

/// Instants as milliseconds since 1970-01-01T00:00:00Z; a missing value is `Int64.min`.
public struct TimestampColumn: Sendable {
  public var values: [Int64]

  public init(values: [Int64]) {
    self.values = values
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
    case .text(let column): column.codes.count
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
