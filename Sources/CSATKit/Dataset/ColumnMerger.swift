import Foundation

/// The type a column ends with once every chunk has been read.
struct ColumnDecision {
  var type: ColumnType
  /// The day/month order for slash dates in a timestamp column.
  var dateOrder = DateOrder.monthDay
  /// Chunks whose cells must be read again as text.
  var chunksToReread: [Int] = []
}

/// Joins the per-chunk builders of one column into the column's final buffer.
enum ColumnMerger {
  /// Decides the type of column `column` from what every chunk saw.
  ///
  /// All chunks must agree on number, boolean or timestamp (chunks with only missing cells
  /// agree with anything); otherwise the column is text. Slash dates decide their order
  /// over the whole column: a first field above 12 means day first, a second field above 12
  /// means month first, both mean the column is text, and neither keeps the month-first
  /// default with a warning, unless the options fix the order.
  static func decide(
    column: Int, name: String, results: [ChunkResult], options: LoadOptions,
    warnings: inout [LoadWarning], file: String
  ) -> ColumnDecision {
    var kinds = Set<BuilderKind>()
    var sawDayFirst = false
    var sawMonthFirst = false
    var sawSlashDate = false
    var sawConflict = false
    for result in results {
      let builder = result.columns[column]
      if builder.kind != .undecided { kinds.insert(builder.kind) }
      sawDayFirst = sawDayFirst || builder.sawDayFirst
      sawMonthFirst = sawMonthFirst || builder.sawMonthFirst
      sawSlashDate = sawSlashDate || builder.sawSlashDate
      sawConflict = sawConflict || builder.sawDateOrderConflict
    }

    var decision = ColumnDecision(type: .text)
    switch kinds.count == 1 ? kinds.first : nil {
    case .number: decision.type = .number
    case .boolean: decision.type = .boolean
    case .timestamp
    where !sawConflict && !(sawDayFirst && sawMonthFirst && options.dateOrder == nil):
      if let order = options.dateOrder {
        decision = ColumnDecision(type: .timestamp, dateOrder: order)
      } else {
        decision = ColumnDecision(type: .timestamp, dateOrder: sawDayFirst ? .dayMonth : .monthDay)
        if sawSlashDate && !sawDayFirst && !sawMonthFirst {
          warnings.append(
            LoadWarning(
              file: file,
              message: "column '\(name)' has dates like 3/4/2026 that could be day/month or "
                + "month/day; read as month/day (use --date-format dmy for day/month)"))
        }
      }
    default: break
    }

    guard decision.type == .text else { return decision }
    if sawConflict || (sawDayFirst && sawMonthFirst && options.dateOrder == nil) {
      let reason =
        options.dateOrder.map { "dates that do not fit the \($0.rawValue) date format" }
        ?? "dates with the day first and dates with the month first"
      warnings.append(
        LoadWarning(file: file, message: "column '\(name)' has \(reason); it is read as text"))
    }
    for (index, result) in results.enumerated() {
      let builder = result.columns[column]
      let blankOnly = builder.kind == .undecided && !builder.sawMissingToken
      if builder.kind != .text && !blankOnly { decision.chunksToReread.append(index) }
    }
    return decision
  }

  /// The column from its builder in each chunk (`parts`) and the chunks' row counts;
  /// `rereads` holds the text builders for `chunksToReread`.
  ///
  /// Building text may take over the first chunk's interner, or the bytes of text kept as
  /// bytes, leaving `nil` in their place: the caller frees `parts` and `rereads` afterwards,
  /// as they are then.
  ///
  /// `invalidRows` receives, for each chunk with text that is not valid UTF-8, the first
  /// row (counted within the chunk) that holds such text.
  static func build(
    parts: inout [ColumnBuilder], rowCounts: [Int], decision: ColumnDecision,
    rereads: inout [Int: ColumnBuilder], timeZone: TimeZone, invalidRows: inout [Int: Int]
  ) -> ColumnData {
    let total = rowCounts.reduce(0, +)
    switch decision.type {
    case .number:
      return .number(NumberColumn(storage: buildNumbers(parts, rowCounts, total: total)))
    case .boolean:
      let values = joined(parts, rowCounts, total: total, missing: BooleanColumn.missing) {
        $0.booleans
      }
      return .boolean(BooleanColumn(values: values))
    case .timestamp:
      return .timestamp(
        buildTimestamps(parts, rowCounts, decision.dateOrder, total: total, timeZone: timeZone))
    case .text
    where parts.contains(where: { $0.plain != nil })
      || rereads.values.contains(where: { $0.plain != nil }):
      return .text(
        TextMerger.buildPlain(&parts, rowCounts, rereads: &rereads, invalidRows: &invalidRows))
    case .text:
      return .text(
        TextMerger.build(
          &parts, rowCounts, rereads: rereads, total: total, invalidRows: &invalidRows))
    }
  }

  /// The chunks' numbers in the narrowest form that holds them (``NumberValues``): doubles
  /// when a chunk has a value that is not whole, else bytes or four-byte whole numbers by
  /// the range of the values.
  private static func buildNumbers(_ parts: [ColumnBuilder], _ rowCounts: [Int], total: Int)
    -> NumberValues
  {
    let filled = zip(parts, rowCounts).filter { part, rows in
      part.kind != .undecided && part.numbers.count == rows
    }
    if filled.contains(where: { part, _ in part.numbers.isWide }) {
      return .real(
        joined(
          parts, rowCounts, total: total, missing: Double.nan, count: { $0.numbers.count },
          copy: { $0.numbers.copy($1, into: $2) }))
    }
    let ranges = filled.compactMap { part, rows in part.numbers.wholeRange(rows) }
    let low = ranges.map(\.lowerBound).min() ?? 0
    let high = ranges.map(\.upperBound).max() ?? 0
    if low >= -127 && high <= 127 {
      return .small(
        joined(
          parts, rowCounts, total: total, missing: Int8.min, count: { $0.numbers.count },
          copy: { $0.numbers.copyWhole($1, into: $2) }))
    }
    return .whole(
      joined(
        parts, rowCounts, total: total, missing: Int32.min, count: { $0.numbers.count },
        copy: { $0.numbers.copyWhole($1, into: $2) }))
  }

  /// The chunks' values one after the other, `missing` for chunks with no value at all.
  private static func joined<Element: BitwiseCopyable>(
    _ parts: [ColumnBuilder], _ rowCounts: [Int], total: Int, missing: Element,
    _ values: (ColumnBuilder) -> RawBuffer<Element>
  ) -> [Element] {
    joined(
      parts, rowCounts, total: total, missing: missing, count: { values($0).count },
      copy: { $2.initialize(from: values($0).pointer, count: $1) })
  }

  /// The chunks' values one after the other, `missing` for chunks with no value at all:
  /// `count` tells how many values a chunk's builder holds, and `copy` writes the first
  /// `rows` of them (`rows` > 0) to the target.
  private static func joined<Element: BitwiseCopyable>(
    _ parts: [ColumnBuilder], _ rowCounts: [Int], total: Int, missing: Element,
    count: (ColumnBuilder) -> Int,
    copy: (ColumnBuilder, _ rows: Int, UnsafeMutablePointer<Element>) -> Void
  ) -> [Element] {
    [Element](unsafeUninitializedCapacity: total) { target, initialized in
      guard let start = target.baseAddress else { return }
      var filled = 0
      for (part, rows) in zip(parts, rowCounts) {
        if part.kind == .undecided || count(part) != rows {
          (start + filled).initialize(repeating: missing, count: rows)
        } else {
          copy(part, rows, start + filled)
        }
        filled += rows
      }
      initialized = filled
    }
  }

  private static func buildTimestamps(
    _ parts: [ColumnBuilder], _ rowCounts: [Int], _ order: DateOrder, total: Int,
    timeZone: TimeZone
  ) -> TimestampColumn {
    var values = joined(
      parts, rowCounts, total: total, missing: TimestampColumn.missing,
      count: { $0.timestamps.count }, copy: { $0.timestamps.copy($1, into: $2) })
    guard parts.contains(where: \.sawSlashDate) else { return TimestampColumn(values: values) }
    var converter = LocalTimeConverter(timeZone: timeZone)
    values.withUnsafeMutableBufferPointer { values in
      var row = 0
      for (part, rows) in zip(parts, rowCounts) {
        defer { row += rows }
        guard part.sawSlashDate else { continue }
        for index in row..<row + rows {
          guard let date = SlashDate(packed: values[index]) else { continue }
          // Every slash date is valid under the decided order: a date valid under one order
          // only has a field above 12, which would have decided the other order or made the
          // column text. A failure here would be a bug, so it becomes a missing value.
          guard let (month, day) = date.monthAndDay(order) else {
            values[index] = TimestampColumn.missing
            continue
          }
          let local = CivilTime.milliseconds(
            year: date.year, month: month, day: day, millisecondOfDay: date.millisecondOfDay)
          values[index] = converter.instant(fromLocal: local)
        }
      }
    }
    return TimestampColumn(values: values)
  }
}
