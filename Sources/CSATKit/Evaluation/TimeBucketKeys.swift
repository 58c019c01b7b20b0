/// The bucket key of each row of a time column: 1 + the bucket's ordinal − the first
/// ordinal, 0 for a missing time or one outside the listed buckets.
///
/// Rows close in time share a local day, so the key of the last day seen is kept with that
/// day's bounds in UTC: most rows cost two comparisons, not a division.
struct TimeBucketKeys: @unchecked Sendable {
  let values: ColumnValues<Int64>
  /// The row of offset 0.
  let base: Int
  let zone: ZoneOffsets
  let unit: CalendarUnit
  let firstOrdinal: Int
  /// Keys run from 0 to count − 1.
  let count: Int

  /// The key and UTC bounds of the local day holding `instant`.
  @inline(__always)
  private func day(of instant: Int64) -> (key: Int32, start: Int64, end: Int64) {
    let day = zone.localDay(instant)
    let key = TimeBucket.ordinal(unit, day: day) - firstOrdinal + 1
    return (
      key >= 1 && key < count ? Int32(key) : 0, zone.startOfDay(day), zone.startOfDay(day + 1)
    )
  }

  func key(atOffset offset: Int) -> Int32 {
    let value = values[base + offset]
    return value == TimestampColumn.missing ? 0 : day(of: value).key
  }

  /// `slots[j] = slots[j] × size + key` for each row: the rows of `chunk` (offsets from
  /// `base`) in order, or the rows `chunk.lowerBound + chosen[j]`.
  func accumulate(
    into slots: UnsafeMutableBufferPointer<Int32>, chunk: Range<Int>,
    chosen: UnsafePointer<Int32>?, size: Int32
  ) {
    var current: (key: Int32, start: Int64, end: Int64) = (0, 1, 0)
    values.withUnsafeBufferPointer { values in
      let first = base + chunk.lowerBound
      for index in 0..<slots.count {
        let value = values[first + (chosen.map { Int($0[index]) } ?? index)]
        var key: Int32 = 0
        if value != TimestampColumn.missing {
          if value < current.start || value >= current.end { current = day(of: value) }
          key = current.key
        }
        slots[index] = slots[index] &* size &+ key
      }
    }
  }
}

extension GroupDimension {
  /// The most buckets one time grouping may list; past it the binder refuses the query.
  static let bucketLimit = 1_000_000

  /// The days a time grouping lists buckets for, empty ones included (grammar.md, "Empty
  /// groups"): without a window, the first to the last response; with one, the window
  /// clipped to the data: from its first day, but not before 1 January of the first
  /// response's year, to its last day, but not after the later of today and the last
  /// response's day. So the buckets, and the memory they take, never outgrow the data and
  /// now. `first > last` when there is nothing to list.
  static func bucketDays(
    window: ResolvedWindow?, timeRange: ClosedRange<Int64>?, today: Int?, zone: ZoneOffsets
  ) -> (first: Int, last: Int) {
    guard let span = timeRange else {
      return window.map { ($0.firstDay, min($0.lastDay, today ?? $0.lastDay)) } ?? (0, -1)
    }
    let dataFirst = zone.localDay(span.lowerBound)
    let dataLast = zone.localDay(span.upperBound)
    guard let window else { return (dataFirst, dataLast) }
    let yearStart = WindowResolver.period(.year, containing: dataFirst).0
    return (max(window.firstDay, yearStart), min(window.lastDay, max(dataLast, today ?? dataLast)))
  }
}
