/// The numbers of one column of one chunk, in the narrowest of the three forms of
/// ``NumberValues`` that holds every value so far: bytes while every value is a whole number
/// within ±127, four-byte whole numbers from the first that is not, doubles from the first
/// value that is not a whole number within ±(2³¹ − 1).
///
/// The column takes the chunk's buffer over when every chunk ends in the same form
/// (``ColumnValues``), as survey columns do: scores are bytes in every chunk, ids and
/// minutes four bytes. A chunk in a narrower form than the column's is converted at the
/// merge. A missing value is `Int8.min`, `Int32.min` or NaN, as in ``NumberValues``.
///
/// Exactly one copy of the numbers may ``release()`` them.
struct ChunkNumbers {
  /// The forms, narrowest first.
  enum Form: Int, Comparable {
    case small, whole, real

    static func < (left: Form, right: Form) -> Bool { left.rawValue < right.rawValue }
  }

  private(set) var form = Form.small
  /// The values while `form` is `.small`.
  private var small = RawBuffer<Int8>()
  /// The values while `form` is `.whole`.
  private var whole = RawBuffer<Int32>()
  /// The values once `form` is `.real`.
  private var real = RawBuffer<Double>()

  /// The number of rows with a value.
  var count: Int {
    switch form {
    case .small: small.count
    case .whole: whole.count
    case .real: real.count
    }
  }

  /// Makes room for `rows` values in all, in the current form.
  mutating func reserve(_ rows: Int) {
    switch form {
    case .small: small.reserve(rows)
    case .whole: whole.reserve(rows)
    case .real: real.reserve(rows)
    }
  }

  /// The whole number that stands for `value` exactly, or `nil`: -0 is not one, since its
  /// sign would be lost, and neither is `Int32.min`, which marks a missing value.
  @inline(__always)
  static func exactWhole(_ value: Double) -> Int32? {
    guard value > -2_147_483_648, value <= 2_147_483_647 else { return nil }
    let candidate = Int32(value)
    return Double(candidate).bitPattern == value.bitPattern ? candidate : nil
  }

  @inline(__always)
  mutating func append(_ value: Double) {
    if form != .real, let exact = ChunkNumbers.exactWhole(value) {
      append(whole: exact)
      return
    }
    if form != .real { widen(to: .real) }
    real.append(value)
  }

  /// Appends a whole number that is no missing value (not `Int32.min`).
  @inline(__always)
  mutating func append(whole value: Int32) {
    if form == .small {
      if value >= -127 && value <= 127 {
        small.append(Int8(truncatingIfNeeded: value))
        return
      }
      widen(to: .whole)
    }
    if form == .whole {
      whole.append(value)
    } else {
      real.append(Double(value))
    }
  }

  @inline(__always)
  mutating func appendMissing() {
    switch form {
    case .small: small.append(Int8.min)
    case .whole: whole.append(Int32.min)
    case .real: real.append(.nan)
    }
  }

  /// Appends `repeats` missing values.
  mutating func appendMissing(count repeats: Int) {
    switch form {
    case .small: small.append(repeating: Int8.min, count: repeats)
    case .whole: whole.append(repeating: Int32.min, count: repeats)
    case .real: real.append(repeating: .nan, count: repeats)
    }
  }

  /// The values in the form `target` (no narrower than ``form``), handed over to the
  /// caller, who frees them: the buffer itself when in that form already, else a converted
  /// copy. No values are left here.
  mutating func take<Value: StoredNumber>(as target: Value.Type) -> RawBuffer<Value> {
    defer { release() }
    switch form {
    case .small where Value.self == Int8.self:
      return unsafeBitCast(small.take(), to: RawBuffer<Value>.self)
    case .whole where Value.self == Int32.self:
      return unsafeBitCast(whole.take(), to: RawBuffer<Value>.self)
    case .real where Value.self == Double.self:
      return unsafeBitCast(real.take(), to: RawBuffer<Value>.self)
    case .small:
      return Self.converted(small, to: Value.self)
    case .whole:
      return Self.converted(whole, to: Value.self)
    case .real:
      preconditionFailure("doubles cannot be taken as whole numbers")
    }
  }

  /// Frees the values; none are left.
  mutating func release() {
    small.release()
    whole.release()
    real.release()
    form = .small
  }

  /// Moves the values to the wider form `target`, keeping the room reserved for the chunk.
  /// Once per chunk at most: out of line, to keep the appends small where they are inlined.
  @inline(never)
  private mutating func widen(to target: Form) {
    switch (form, target) {
    case (.small, .whole):
      whole = Self.converted(small, to: Int32.self)
      small.release()
    case (.small, .real):
      real = Self.converted(small, to: Double.self)
      small.release()
    case (.whole, .real):
      real = Self.converted(whole, to: Double.self)
      whole.release()
    default:
      return
    }
    form = target
  }

  /// `values` in the wider form `Value`, missing values kept missing, with room for as many
  /// values as `values` had room for.
  private static func converted<Source: StoredNumber, Value: StoredNumber>(
    _ values: RawBuffer<Source>, to target: Value.Type
  ) -> RawBuffer<Value> {
    var result = RawBuffer<Value>(capacity: max(values.capacity, values.count + 1))
    for row in 0..<values.count {
      result.append(Value(storedNumber: values.pointer[row].number))
    }
    return result
  }
}
