/// The timestamps of one column of one chunk, as the column keeps them: milliseconds since
/// 1970 (or packed slash dates, until the day/month order is known), ``TimestampColumn/missing``
/// for a missing value.
///
/// They are written at their final width so that the column can take the chunk's buffer
/// over (``ColumnValues``): a narrower form here would save memory only to be copied into
/// fresh memory at the merge, which costs more.
///
/// Exactly one copy of the values may ``release()`` them.
struct ChunkTimes {
  /// The values, in milliseconds or packed.
  private(set) var values = RawBuffer<Int64>()

  /// The number of rows with a value.
  var count: Int { values.count }

  /// Makes room for `rows` values in all.
  mutating func reserve(_ rows: Int) {
    values.reserve(rows)
  }

  /// Appends an instant in milliseconds.
  @inline(__always)
  mutating func append(_ instant: Int64) {
    values.append(instant)
  }

  /// Appends a packed slash date (``SlashDate/packed``).
  mutating func append(packed: Int64) {
    values.append(packed)
  }

  @inline(__always)
  mutating func appendMissing() {
    values.append(TimestampColumn.missing)
  }

  /// Appends `repeats` missing values.
  mutating func appendMissing(count repeats: Int) {
    values.append(repeating: TimestampColumn.missing, count: repeats)
  }

  /// Hands the values over to the caller, who frees them; none are left here.
  mutating func take() -> RawBuffer<Int64> {
    values.take()
  }

  /// Frees the values; none are left.
  mutating func release() {
    values.release()
  }
}
