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
      let builder = result.builders[column]
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
      let builder = result.builders[column]
      let blankOnly = builder.kind == .undecided && !builder.sawMissingToken
      if builder.kind != .text && !blankOnly { decision.chunksToReread.append(index) }
    }
    return decision
  }

  /// The column's buffer from its builder in each chunk (`parts`, whose arrays it frees as it
  /// goes) and the chunks' row counts; `rereads` holds the text builders for `chunksToReread`.
  static func build(
    parts: inout [ColumnBuilder], rowCounts: [Int], decision: ColumnDecision,
    rereads: [Int: ColumnBuilder], timeZone: TimeZone
  ) -> ColumnData {
    let total = rowCounts.reduce(0, +)
    switch decision.type {
    case .number:
      var values: [Double] = []
      values.reserveCapacity(total)
      for index in parts.indices {
        let builder = takeBuilder(&parts, index)
        if builder.kind == .undecided {
          values.append(contentsOf: repeatElement(.nan, count: rowCounts[index]))
        } else {
          values.append(contentsOf: builder.numbers)
        }
      }
      return .number(NumberColumn(values: values))
    case .boolean:
      var values: [UInt8] = []
      values.reserveCapacity(total)
      for index in parts.indices {
        let builder = takeBuilder(&parts, index)
        if builder.kind == .undecided {
          values.append(contentsOf: repeatElement(BooleanColumn.missing, count: rowCounts[index]))
        } else {
          values.append(contentsOf: builder.booleans)
        }
      }
      return .boolean(BooleanColumn(values: values))
    case .timestamp:
      return .timestamp(
        buildTimestamps(&parts, rowCounts, decision.dateOrder, total: total, timeZone: timeZone))
    case .text:
      return .text(buildText(&parts, rowCounts, rereads: rereads, total: total))
    }
  }

  /// Moves a builder out of `parts` so its arrays are freed once copied.
  private static func takeBuilder(_ parts: inout [ColumnBuilder], _ index: Int) -> ColumnBuilder {
    let builder = parts[index]
    parts[index] = ColumnBuilder()
    return builder
  }

  private static func buildTimestamps(
    _ parts: inout [ColumnBuilder], _ rowCounts: [Int], _ order: DateOrder, total: Int,
    timeZone: TimeZone
  ) -> TimestampColumn {
    var converter = LocalTimeConverter(timeZone: timeZone)
    var values: [Int64] = []
    values.reserveCapacity(total)
    for index in parts.indices {
      let builder = takeBuilder(&parts, index)
      guard builder.kind != .undecided else {
        values.append(contentsOf: repeatElement(TimestampColumn.missing, count: rowCounts[index]))
        continue
      }
      guard builder.sawSlashDate else {
        values.append(contentsOf: builder.timestamps)
        continue
      }
      for value in builder.timestamps {
        guard let date = SlashDate(packed: value) else {
          values.append(value)
          continue
        }
        // Every slash date is valid under the decided order: a date valid under one order
        // only has a field above 12, which would have decided the other order or made the
        // column text. A failure here would be a bug, so it becomes a missing value.
        guard let (month, day) = date.monthAndDay(order) else {
          values.append(TimestampColumn.missing)
          continue
        }
        let local = CivilTime.milliseconds(
          year: date.year, month: month, day: day, millisecondOfDay: date.millisecondOfDay)
        values.append(converter.instant(fromLocal: local))
      }
    }
    return TimestampColumn(values: values)
  }

  /// Joins per-chunk dictionaries, merging values equal under Unicode canonical equivalence.
  ///
  /// The chunks' distinct values are joined by their bytes. A value with any non-ASCII byte
  /// is first decoded and normalised to NFC (once per chunk), so canonically equivalent
  /// spellings and invalid bytes (read as U+FFFD) meet under the same bytes; ASCII is NFC
  /// already. A `String` is made once per distinct value of the whole column.
  private static func buildText(
    _ parts: inout [ColumnBuilder], _ rowCounts: [Int], rereads: [Int: ColumnBuilder], total: Int
  ) -> TextColumn {
    var joined = TextInterner(capacity: 1024)
    var codes: [UInt32] = []
    codes.reserveCapacity(total)
    for index in parts.indices {
      let builder = rereads[index] ?? takeBuilder(&parts, index)
      guard builder.kind == .text else {
        codes.append(contentsOf: repeatElement(TextColumn.missingCode, count: rowCounts[index]))
        continue
      }
      let remap = builder.interner.remap(into: &joined)
      remap.withUnsafeBufferPointer { table in
        codes.append(contentsOf: builder.codes.lazy.map { table[Int($0)] })
      }
    }
    return TextColumn(codes: codes, dictionary: joined.strings())
  }
}
