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
  /// The column takes the chunks' buffers over (their values, the first chunk's interner,
  /// the bytes of text kept as bytes), leaving empty ones in their place: the caller frees
  /// `parts` and `rereads` afterwards, as they are then.
  ///
  /// `invalidRows` receives, for each chunk with text that is not valid UTF-8, the first
  /// row (counted within the chunk) that holds such text.
  static func build(
    parts: inout [ColumnBuilder], rowCounts: [Int], decision: ColumnDecision,
    rereads: inout [Int: ColumnBuilder], timeZone: TimeZone, invalidRows: inout [Int: Int]
  ) -> ColumnData {
    switch decision.type {
    case .number:
      return .number(NumberColumn(storage: buildNumbers(&parts, rowCounts)))
    case .boolean:
      let values = joined(rowCounts, missing: BooleanColumn.missing) { index in
        guard parts[index].kind == .boolean, parts[index].booleans.count == rowCounts[index]
        else { return nil }
        return parts[index].booleans.take()
      }
      return .boolean(BooleanColumn(values: ColumnValues(adopting: values)))
    case .timestamp:
      return .timestamp(
        buildTimestamps(&parts, rowCounts, decision.dateOrder, timeZone: timeZone))
    case .text
    where parts.contains(where: { $0.plain != nil })
      || rereads.values.contains(where: { $0.plain != nil }):
      return .text(
        TextMerger.buildPlain(&parts, rowCounts, rereads: &rereads, invalidRows: &invalidRows))
    case .text:
      return .text(
        TextMerger.build(&parts, rowCounts, rereads: &rereads, invalidRows: &invalidRows))
    }
  }

  /// The chunks' numbers in the narrowest form that holds them (``NumberValues``): the
  /// widest form any chunk ended in, since each chunk kept the narrowest that held its own.
  private static func buildNumbers(_ parts: inout [ColumnBuilder], _ rowCounts: [Int])
    -> NumberValues
  {
    let filled = parts.indices.map { index in
      parts[index].kind == .number && parts[index].numbers.count == rowCounts[index]
    }
    let form = parts.indices.filter { filled[$0] }.map { parts[$0].numbers.form }.max()
    func values<Value: StoredNumber>(_ type: Value.Type) -> ColumnValues<Value> {
      let joined = joined(rowCounts, missing: Value(storedNumber: .nan)) { index in
        filled[index] ? parts[index].numbers.take(as: Value.self) : nil
      }
      return ColumnValues(adopting: joined)
    }
    switch form ?? .small {
    case .small: return .small(values(Int8.self))
    case .whole: return .whole(values(Int32.self))
    case .real: return .real(values(Double.self))
    }
  }

  /// The chunks' values one after the other, each chunk's buffer taken over (its pages
  /// moved, not copied: ``RawBuffer/absorb(_:)``). `take` hands over chunk `index`'s buffer
  /// of exactly its rows, or gives `nil` for a chunk without values, whose rows are then
  /// `missing`.
  ///
  /// Room for all the rows is made right after the first chunk, while the buffer is still
  /// one mapping that the system can enlarge without a copy. Once other chunks' pages were
  /// moved into it, it no longer is, and growing it would copy every value.
  static func joined<Element: BitwiseCopyable>(
    _ rowCounts: [Int], missing: Element, take: (_ index: Int) -> RawBuffer<Element>?
  ) -> RawBuffer<Element> {
    var result = RawBuffer<Element>()
    let total = rowCounts.reduce(0, +)
    for (index, rows) in rowCounts.enumerated() {
      if var part = take(index) {
        result.absorb(&part)
      } else {
        result.append(repeating: missing, count: rows)
      }
      if index == 0 {
        result.reserve(RawBuffer<Element>.roomToAbsorb(total, parts: rowCounts.count))
      }
    }
    return result
  }

  private static func buildTimestamps(
    _ parts: inout [ColumnBuilder], _ rowCounts: [Int], _ order: DateOrder, timeZone: TimeZone
  ) -> TimestampColumn {
    let slashDates = parts.map(\.sawSlashDate)
    let values = joined(rowCounts, missing: TimestampColumn.missing) { index in
      guard parts[index].kind == .timestamp, parts[index].timestamps.count == rowCounts[index]
      else { return nil }
      return parts[index].timestamps.take()
    }
    if slashDates.contains(true) {
      var converter = LocalTimeConverter(timeZone: timeZone)
      var row = 0
      for (sawSlashDate, rows) in zip(slashDates, rowCounts) {
        defer { row += rows }
        guard sawSlashDate else { continue }
        for index in row..<row + rows {
          guard let date = SlashDate(packed: values.pointer[index]) else { continue }
          // Every slash date is valid under the decided order: a date valid under one order
          // only has a field above 12, which would have decided the other order or made the
          // column text. A failure here would be a bug, so it becomes a missing value.
          guard let (month, day) = date.monthAndDay(order) else {
            values.pointer[index] = TimestampColumn.missing
            continue
          }
          let local = CivilTime.milliseconds(
            year: date.year, month: month, day: day, millisecondOfDay: date.millisecondOfDay)
          values.pointer[index] = converter.instant(fromLocal: local)
        }
      }
    }
    return TimestampColumn(values: ColumnValues(adopting: values))
  }
}
