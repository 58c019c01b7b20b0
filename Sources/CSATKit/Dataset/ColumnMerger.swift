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
    for result in results {
      let builder = result.builders[column]
      if builder.kind != .undecided { kinds.insert(builder.kind) }
      sawDayFirst = sawDayFirst || builder.sawDayFirst
      sawMonthFirst = sawMonthFirst || builder.sawMonthFirst
      sawSlashDate = sawSlashDate || builder.sawSlashDate
    }

    var decision = ColumnDecision(type: .text)
    switch kinds.count == 1 ? kinds.first : nil {
    case .number: decision.type = .number
    case .boolean: decision.type = .boolean
    case .timestamp:
      if let order = options.dateOrder {
        decision = ColumnDecision(type: .timestamp, dateOrder: order)
      } else if sawDayFirst && sawMonthFirst {
        warnings.append(
          LoadWarning(
            file: file,
            message: "column '\(name)' has dates with the day first and dates with the month "
              + "first; it is read as text"))
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
    for (index, result) in results.enumerated() {
      let builder = result.builders[column]
      let blankOnly = builder.kind == .undecided && !builder.sawMissingToken
      if builder.kind != .text && !blankOnly { decision.chunksToReread.append(index) }
    }
    return decision
  }

  /// The column's buffer; `rereads` holds the text builders for `chunksToReread`.
  static func build(
    column: Int, decision: ColumnDecision, results: inout [ChunkResult],
    rereads: [Int: ColumnBuilder], timeZone: TimeZone
  ) -> ColumnData {
    let total = results.reduce(0) { $0 + $1.rowCount }
    switch decision.type {
    case .number:
      var values: [Double] = []
      values.reserveCapacity(total)
      for index in results.indices {
        let builder = takeBuilder(&results, index, column)
        if builder.kind == .undecided {
          values.append(contentsOf: repeatElement(.nan, count: results[index].rowCount))
        } else {
          values.append(contentsOf: builder.numbers)
        }
      }
      return .number(NumberColumn(values: values))
    case .boolean:
      var values: [UInt8] = []
      values.reserveCapacity(total)
      for index in results.indices {
        let builder = takeBuilder(&results, index, column)
        if builder.kind == .undecided {
          values.append(contentsOf: repeatElement(BooleanColumn.missing, count: results[index].rowCount))
        } else {
          values.append(contentsOf: builder.booleans)
        }
      }
      return .boolean(BooleanColumn(values: values))
    case .timestamp:
      return .timestamp(
        buildTimestamps(column, decision.dateOrder, &results, total: total, timeZone: timeZone))
    case .text:
      return .text(buildText(column, &results, rereads: rereads, total: total))
    }
  }

  /// Moves a builder out of the results so its arrays are freed once copied.
  private static func takeBuilder(
    _ results: inout [ChunkResult], _ index: Int, _ column: Int
  ) -> ColumnBuilder {
    let builder = results[index].builders[column]
    results[index].builders[column] = ColumnBuilder()
    return builder
  }

  private static func buildTimestamps(
    _ column: Int, _ order: DateOrder, _ results: inout [ChunkResult], total: Int,
    timeZone: TimeZone
  ) -> TimestampColumn {
    var converter = LocalTimeConverter(timeZone: timeZone)
    var values: [Int64] = []
    values.reserveCapacity(total)
    for index in results.indices {
      let builder = takeBuilder(&results, index, column)
      guard builder.kind != .undecided else {
        values.append(contentsOf: repeatElement(TimestampColumn.missing, count: results[index].rowCount))
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
  /// Each distinct value of a chunk is normalised to NFC once (ASCII needs nothing).
  private static func buildText(
    _ column: Int, _ results: inout [ChunkResult], rereads: [Int: ColumnBuilder], total: Int
  ) -> TextColumn {
    var dictionary = [""]
    var lookup: [String: UInt32] = ["": 0]
    var codes: [UInt32] = []
    codes.reserveCapacity(total)
    for index in results.indices {
      let builder = rereads[index] ?? takeBuilder(&results, index, column)
      guard builder.kind == .text else {
        codes.append(contentsOf: repeatElement(TextColumn.missingCode, count: results[index].rowCount))
        continue
      }
      let strings = builder.interner.strings()
      var remap = [UInt32](repeating: 0, count: strings.count)
      for local in 1..<max(1, strings.count) {
        var value = strings[local]
        if !value.utf8.allSatisfy({ $0 < 0x80 }) {
          value = value.precomposedStringWithCanonicalMapping
        }
        if let code = lookup[value] {
          remap[local] = code
        } else {
          let code = UInt32(dictionary.count)
          dictionary.append(value)
          lookup[value] = code
          remap[local] = code
        }
      }
      remap.withUnsafeBufferPointer { table in
        codes.append(contentsOf: builder.codes.lazy.map { table[Int($0)] })
      }
    }
    return TextColumn(codes: codes, dictionary: dictionary)
  }
}
