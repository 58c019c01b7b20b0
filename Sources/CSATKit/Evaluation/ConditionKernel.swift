/// A bound condition compiled against the columns' buffers, evaluated a block of rows at a
/// time into a byte mask (1 = the row matches).
///
/// Text tests are byte tables indexed by dictionary code, whole-number tests byte tables
/// indexed by the score's bit pattern; a test on a missing value is false and only
/// `is missing` is true for it.
indirect enum ConditionKernel: @unchecked Sendable {
  case codeTable(codes: TextCodes, table: [UInt8])
  case scoreTable(scores: ColumnValues<Int8>, table: [UInt8])
  case numberCompare(values: NumberColumn, ComparisonOperator, Double)
  case numberIn(values: NumberColumn, [Double])
  case byteEquals(values: ColumnValues<UInt8>, UInt8)
  case timeRange(values: ColumnValues<Int64>, lower: Int64, upper: Int64)
  case numberMissing(values: NumberColumn)
  case timeMissing(values: ColumnValues<Int64>)
  case constant(Bool)
  case not(ConditionKernel)
  case and(ConditionKernel, ConditionKernel)
  case or(ConditionKernel, ConditionKernel)

  /// Compiles a bound condition against a catalog's columns.
  init(_ condition: BoundCondition, catalog: Catalog) {
    let columns = catalog.dataset.columns
    switch condition {
    case .textCodes(let column, let accepted):
      guard case .text(let text) = columns[column].data else {
        self = .constant(false)
        return
      }
      self = .codeTable(codes: text.codes, table: accepted.map { $0 ? 1 : 0 })
    case .numberCompare(let column, let op, let literal):
      if let scores = catalog.scores[column] {
        let table = (0..<256).map { pattern -> UInt8 in
          let score = Int8(truncatingIfNeeded: pattern)
          if score == ScoreCodes.missing { return 0 }
          return Evaluator.compare(Double(score), op, literal) ? 1 : 0
        }
        self = .scoreTable(scores: scores.values, table: table)
      } else if case .number(let numbers) = columns[column].data {
        self = .numberCompare(values: numbers, op, literal)
      } else {
        self = .constant(false)
      }
    case .numberIn(let column, let literals):
      guard case .number(let numbers) = columns[column].data else {
        self = .constant(false)
        return
      }
      self = .numberIn(values: numbers, literals)
    case .boolean(let column, let flag):
      guard case .boolean(let booleans) = columns[column].data else {
        self = .constant(false)
        return
      }
      self = .byteEquals(values: booleans.values, flag ? 1 : 0)
    case .timeRange(let column, let lower, let upper):
      guard case .timestamp(let times) = columns[column].data else {
        self = .constant(false)
        return
      }
      self = .timeRange(values: times.values, lower: lower, upper: upper)
    case .missing(let column):
      switch columns[column].data {
      case .text(let text):
        var table = [UInt8](repeating: 0, count: text.dictionary.count)
        table[Int(TextColumn.missingCode)] = 1
        self = .codeTable(codes: text.codes, table: table)
      case .number(let numbers): self = .numberMissing(values: numbers)
      case .boolean(let booleans):
        self = .byteEquals(values: booleans.values, BooleanColumn.missing)
      case .timestamp(let times): self = .timeMissing(values: times.values)
      }
    case .constant(let value):
      self = .constant(value)
    case .not(let inner):
      self = ConditionKernel(inner, catalog: catalog).negated()
    case .and(let left, let right):
      self = .and(ConditionKernel(left, catalog: catalog), ConditionKernel(right, catalog: catalog))
    case .or(let left, let right):
      self = .or(ConditionKernel(left, catalog: catalog), ConditionKernel(right, catalog: catalog))
    }
  }

  /// The kernel of the opposite test: tables are inverted, `and` and `or` swap (De Morgan),
  /// so that a `not` is left only around tests without a table.
  func negated() -> ConditionKernel {
    switch self {
    case .codeTable(let codes, let table): .codeTable(codes: codes, table: table.map { $0 ^ 1 })
    case .scoreTable(let scores, let table):
      .scoreTable(scores: scores, table: table.map { $0 ^ 1 })
    case .constant(let value): .constant(!value)
    case .not(let inner): inner
    case .and(let left, let right): .or(left.negated(), right.negated())
    case .or(let left, let right): .and(left.negated(), right.negated())
    default: .not(self)
    }
  }

  /// How a test's result meets what is already in the mask.
  enum Combine {
    case set, and, or
  }

  /// Writes 1 or 0 for each row of `rows` (absolute row numbers) to `out`, or combines it
  /// with what `out` holds.
  func evaluate(_ rows: Range<Int>, into out: UnsafeMutablePointer<UInt8>, _ mode: Combine = .set) {
    let base = rows.lowerBound
    let count = rows.count
    switch self {
    case .codeTable(let codes, let table):
      table.withUnsafeBufferPointer { table in
        codes.visit(CodeTableTest(table: table, base: base, count: count, out: out, mode: mode))
      }
    case .scoreTable(let scores, let table):
      scores.withUnsafeBufferPointer { scores in
        table.withUnsafeBufferPointer { table in
          Self.write(out, count, mode) { table[Int(UInt8(bitPattern: scores[base + $0]))] }
        }
      }
    case .numberCompare(let values, let op, let literal):
      values.visit(
        NumberTest(base: base, count: count, out: out, mode: mode) {
          Evaluator.compare($0, op, literal)
        })
    case .numberIn(let values, let literals):
      values.visit(
        NumberTest(base: base, count: count, out: out, mode: mode) { literals.contains($0) })
    case .byteEquals(let values, let wanted):
      values.withUnsafeBufferPointer { values in
        Self.write(out, count, mode) { values[base + $0] == wanted ? 1 : 0 }
      }
    case .timeRange(let values, let lower, let upper):
      values.withUnsafeBufferPointer { values in
        Self.write(out, count, mode) {
          let value = values[base + $0]
          return value >= lower && value < upper && value != Int64.min ? 1 : 0
        }
      }
    case .numberMissing(let values):
      values.visit(NumberTest(base: base, count: count, out: out, mode: mode) { $0.isNaN })
    case .timeMissing(let values):
      Self.write(out, count, mode) { values[base + $0] == Int64.min ? 1 : 0 }
    case .constant(let value):
      let byte: UInt8 = value ? 1 : 0
      Self.write(out, count, mode) { _ in byte }
    case .not(let inner):
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { scratch in
        guard let other = scratch.baseAddress else { return }
        inner.evaluate(rows, into: other)
        Self.write(out, count, mode) { other[$0] ^ 1 }
      }
    case .and(let left, let right):
      switch mode {
      case .set, .and:
        left.evaluate(rows, into: out, mode)
        right.evaluate(rows, into: out, .and)
      case .or:
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { scratch in
          guard let other = scratch.baseAddress else { return }
          self.evaluate(rows, into: other)
          Self.write(out, count, .or) { other[$0] }
        }
      }
    case .or(let left, let right):
      switch mode {
      case .set, .or:
        left.evaluate(rows, into: out, mode)
        right.evaluate(rows, into: out, .or)
      case .and:
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { scratch in
          guard let other = scratch.baseAddress else { return }
          self.evaluate(rows, into: other)
          Self.write(out, count, .and) { other[$0] }
        }
      }
    }
  }

  /// One loop per way of combining, each with the test inlined.
  @inline(__always)
  fileprivate static func write(
    _ out: UnsafeMutablePointer<UInt8>, _ count: Int, _ mode: Combine, _ value: (Int) -> UInt8
  ) {
    switch mode {
    case .set: for index in 0..<count { out[index] = value(index) }
    case .and: for index in 0..<count { out[index] &= value(index) }
    case .or: for index in 0..<count { out[index] |= value(index) }
    }
  }
}

/// The test of a text column against a byte table indexed by code, one loop per code width.
private struct CodeTableTest: TextCodesVisitor {
  let table: UnsafeBufferPointer<UInt8>
  let base: Int
  let count: Int
  let out: UnsafeMutablePointer<UInt8>
  let mode: ConditionKernel.Combine

  func visit<Code: FixedWidthInteger & UnsignedInteger>(_ codes: UnsafeBufferPointer<Code>) {
    ConditionKernel.write(out, count, mode) { table[Int(codes[base + $0])] }
  }
}

/// A test of a number column's values (as doubles, NaN when missing), one loop per stored
/// form.
private struct NumberTest: NumberVisitor {
  let base: Int
  let count: Int
  let out: UnsafeMutablePointer<UInt8>
  let mode: ConditionKernel.Combine
  let test: (Double) -> Bool

  func visit<Value: StoredNumber>(_ values: UnsafeBufferPointer<Value>) {
    ConditionKernel.write(out, count, mode) { test(values[base + $0].number) ? 1 : 0 }
  }
}
