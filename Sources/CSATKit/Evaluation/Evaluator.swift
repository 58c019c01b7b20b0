import Foundation

/// Runs bound statements against a catalog, producing result tables.
public struct Evaluator {
  let catalog: Catalog
  let zone: ZoneOffsets
  /// Whether Ctrl-C stops a running query (the interactive shell sets it).
  public var interruptible = false

  /// Whether Ctrl-C was pressed during an interruptible query: loops over millions of
  /// groups stop, and the session shows nothing.
  var isInterrupted: Bool { interruptible && InterruptFlag.isRaised }
  /// Now for the query (`Binder.now`): empty time buckets are listed up to now at the latest.
  public var now: Int64?

  public init(catalog: Catalog, zone: ZoneOffsets) {
    self.catalog = catalog
    self.zone = zone
  }

  /// Runs a query: select rows, number groups, count, then shape the result.
  public func run(_ query: BoundQuery) -> ResultTable {
    let figures: [RowFigures]
    var cut: GroupIndex.FillCut?
    if case .window(let earlier) = query.baseline, let window = query.window {
      figures = comparedRows(query, window: window, earlier: earlier)
    } else if case .buckets(let baseline) = query.baseline {
      figures = bucketComparedRows(query, baseline: baseline)
    } else {
      figures = groupedRows(query, cut: &cut)
    }
    var kept: [(cells: [Cell], ranks: [Int])] = []
    let rules = CellRules(query)
    for (index, figure) in figures.enumerated() {
      if index % 65_536 == 65_535 && isInterrupted { break }
      let cells = cells(figure, query, rules)
      if query.having.map({ Self.holds($0, cells) }) ?? true {
        kept.append((cells, figure.ranks))
      }
    }
    var rows = kept.map(\.cells)
    let groupingCount = query.groupings.count
    if !query.order.isEmpty {
      rows = Self.ordered(kept, by: query.order, columns: query.columns)
      // With `order by`, `top N` keeps the first N rows of that order, `bottom N` the last N.
      if let rank = query.rank {
        rows = rank.isTop ? Array(rows.prefix(rank.count)) : Array(rows.suffix(rank.count))
      }
    } else if let rank = query.rank, let metricColumn = firstMetricColumn(query) {
      rows = Self.ranked(rows, by: metricColumn, top: rank.isTop, groupingCount: groupingCount)
      rows = Array(rows.prefix(rank.count))
    }
    if let limit = query.limit { rows = Array(rows.prefix(limit)) }
    var caption = self.caption(query.window, repeats: query.repeats)
    if case .window(let earlier) = query.baseline, let window = query.window {
      caption = [self.caption(window), baselineCaption(earlier), query.repeats?.note]
        .compactMap { $0 }.joined(separator: "; ")
    }
    if case .buckets(let baseline) = query.baseline, let text = caption {
      caption = text + "; " + baselineCaption(baseline.earlier)
    }
    var table = ResultTable(
      columns: resultColumns(query), rows: rows, caption: caption,
      confidence: query.confidence.rawValue, minimumN: query.minimumN)
    table.series = seriesLayout(query)
    if let cut { table.notes.append(cut.note) }
    return table
  }

  /// The result column of the first metric's value.
  private func firstMetricColumn(_ query: BoundQuery) -> Int? {
    guard let first = query.metrics.first else { return nil }
    return query.resultColumns.firstIndex(of: first.name)
  }

  // MARK: - Captions

  /// The window a result covers, in the report time zone.
  func caption(_ window: ResolvedWindow?) -> String? {
    let zoneName = zone.timeZone.displayName
    guard let window else {
      guard let span = catalog.timeRange else { return nil }
      let first = CalendarMath.label(CalendarMath.civilDate(zone.localDay(span.lowerBound)))
      let last = CalendarMath.label(CalendarMath.civilDate(zone.localDay(span.upperBound)))
      return "all responses: \(first) to \(last) (\(zoneName))"
    }
    let whole = window.endsNow ? "" : ", whole days"
    return "\(baselineCaption(window))\(whole) (\(zoneName))"
  }

  /// ISO 8601 in the report time zone with its offset: `2026-11-30T14:03:27+01:00`, `…Z` in
  /// UTC; milliseconds only when there are some.
  func isoTimeText(_ instant: Int64) -> String {
    let offset = zone.offset(atUTC: instant)
    let local = instant + offset
    let day = Int(floorDivide(local, CalendarMath.millisecondsPerDay))
    let milliseconds = Int(local - Int64(day) * CalendarMath.millisecondsPerDay)
    let seconds = milliseconds / 1000
    var text = CalendarMath.label(CalendarMath.civilDate(day)) + "T"
    text += "\(CalendarMath.pad(seconds / 3600, 2)):\(CalendarMath.pad(seconds / 60 % 60, 2))"
    text += ":\(CalendarMath.pad(seconds % 60, 2))"
    if milliseconds % 1000 != 0 { text += ".\(CalendarMath.pad(milliseconds % 1000, 3))" }
    if offset == 0 { return text + "Z" }
    let minutes = Int(abs(offset) / 60_000)
    let sign = offset < 0 ? "-" : "+"
    return text + "\(sign)\(CalendarMath.pad(minutes / 60, 2)):\(CalendarMath.pad(minutes % 60, 2))"
  }

  /// A window's span as written in captions, e.g. for the earlier window of `vs previous`:
  /// `previous: 2026-10-02 00:00 to 2026-10-31 12:00`.
  func baselineCaption(_ window: ResolvedWindow) -> String {
    let first = CalendarMath.label(CalendarMath.civilDate(window.firstDay))
    if window.endsNow {
      return "\(window.text): \(first) 00:00 to \(localTimeText(window.upper - 1))"
    }
    let last = CalendarMath.label(CalendarMath.civilDate(window.lastDay))
    return "\(window.text): \(first) to \(last)"
  }

  /// `YYYY-MM-DD HH:MM` in the report time zone.
  func localTimeText(_ instant: Int64) -> String {
    let local = zone.local(instant)
    let day = Int(floorDivide(local, CalendarMath.millisecondsPerDay))
    let minutes = Int((local - Int64(day) * CalendarMath.millisecondsPerDay) / 60_000)
    let date = CalendarMath.label(CalendarMath.civilDate(day))
    return "\(date) \(CalendarMath.pad(minutes / 60, 2)):\(CalendarMath.pad(minutes % 60, 2))"
  }
}
