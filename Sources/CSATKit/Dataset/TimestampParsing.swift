/// A timestamp cell as read, before the report time zone or the day/month order is applied.
enum ParsedTimestamp: Equatable {
  /// Milliseconds since the epoch: the cell gave its own offset (`Z`, `+01:00`, `+0100`).
  case instant(Int64)
  /// A wall-clock time with no offset, as milliseconds since the epoch read as if UTC.
  case local(Int64)
  /// A slash date whose first two fields are day and month in an order not yet known.
  case slash(SlashDate)
}

/// A date like `11/1/2019 8:51:12` whose day/month order is decided per column.
struct SlashDate: Equatable {
  var first: Int
  var second: Int
  var year: Int
  var millisecondOfDay: Int64

  /// Where packed slash dates start among timestamp values: far below any real instant
  /// (years 0–9999 stay within ±2⁴⁹ ms), so one `Int64` array can hold both while loading.
  static let packedBase: Int64 = -(1 << 62)
  /// Packed values lie in `packedBase ..< packedBase + packedSpan`.
  static let packedSpan: Int64 = 1 << 51

  /// The date packed into one integer, see ``packedBase``.
  var packed: Int64 {
    let fields = Int64((year * 32 + first) * 32 + second)
    return SlashDate.packedBase + fields * CivilTime.millisecondsPerDay + millisecondOfDay
  }

  /// Unpacks a value made by ``packed``, or `nil` for any other value.
  init?(packed: Int64) {
    let offset = packed &- SlashDate.packedBase
    guard packed != TimestampColumn.missing, offset >= 0, offset < SlashDate.packedSpan else {
      return nil
    }
    let fields = Int(offset / CivilTime.millisecondsPerDay)
    millisecondOfDay = offset % CivilTime.millisecondsPerDay
    second = fields % 32
    first = (fields / 32) % 32
    year = fields / 1024
  }

  init(first: Int, second: Int, year: Int, millisecondOfDay: Int64) {
    self.first = first
    self.second = second
    self.year = year
    self.millisecondOfDay = millisecondOfDay
  }

  /// Month and day under `order`, or `nil` when that order names no real date.
  func monthAndDay(_ order: DateOrder) -> (month: Int, day: Int)? {
    let (month, day) = order == .monthDay ? (first, second) : (second, first)
    return CivilTime.isValidDate(year, month, day) ? (month, day) : nil
  }
}

/// Reads timestamps from bytes.
///
/// Accepted, with `T` or a space between date and time:
/// - ISO 8601 `YYYY-MM-DD`, optionally `HH:MM`, `:SS`, a fraction (`.402`) and a zone
///   (`Z`, `+01:00`, `+0100`, `+01`, `UTC`); `YYYY/MM/DD` likewise.
/// - `D/M/YYYY` or `M/D/YYYY` (also with `-` or `.`), optionally `H:MM`, `:SS`, a fraction
///   and `AM`/`PM`; the order is decided per column later.
/// Fractions keep milliseconds (further digits are dropped).
enum TimestampParsing {
  static func parse(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> ParsedTimestamp? {
    guard end - start >= 8 else { return nil }
    var cursor = ByteCursor(base: base, index: start, end: end)
    if let year = cursor.digits(4, 4) {
      return parseYearFirst(&cursor, year: year)
    }
    return parseSlash(&cursor)
  }

  /// `YYYY-MM-DD…` after the year.
  private static func parseYearFirst(_ cursor: inout ByteCursor, year: Int) -> ParsedTimestamp? {
    guard let separator = cursor.next(), separator == 0x2D || separator == 0x2F,
      let month = cursor.digits(1, 2), cursor.eat(separator), let day = cursor.digits(1, 2),
      CivilTime.isValidDate(year, month, day)
    else { return nil }

    var millisecondOfDay: Int64 = 0
    if !cursor.atEnd {
      guard cursor.eat(0x54) || cursor.eat(0x74) || cursor.eat(ASCII.space),
        let time = parseTime(&cursor, twelveHour: false)
      else { return nil }
      millisecondOfDay = time
    }
    let local = CivilTime.milliseconds(
      year: year, month: month, day: day, millisecondOfDay: millisecondOfDay)
    if cursor.atEnd { return .local(local) }
    guard let offsetSeconds = parseZone(&cursor), cursor.atEnd else { return nil }
    return .instant(local - Int64(offsetSeconds) * 1000)
  }

  /// `D/M/YYYY` or `M/D/YYYY` with an optional time.
  private static func parseSlash(_ cursor: inout ByteCursor) -> ParsedTimestamp? {
    guard let first = cursor.digits(1, 2), let separator = cursor.next(),
      separator == 0x2F || separator == 0x2D || separator == 0x2E,
      let second = cursor.digits(1, 2), cursor.eat(separator), let year = cursor.digits(4, 4)
    else { return nil }
    let date = SlashDate(first: first, second: second, year: year, millisecondOfDay: 0)
    // At least one order must name a real date; the column decides which one later.
    guard date.monthAndDay(.monthDay) != nil || date.monthAndDay(.dayMonth) != nil else {
      return nil
    }

    var result = date
    if !cursor.atEnd {
      guard cursor.eat(ASCII.space) || cursor.eat(0x54),
        let time = parseTime(&cursor, twelveHour: true), cursor.atEnd
      else { return nil }
      result.millisecondOfDay = time
    }
    return .slash(result)
  }

  /// `H:MM[:SS[.fff]]`, and with `twelveHour` an optional ` AM`/` PM`; milliseconds of day.
  private static func parseTime(_ cursor: inout ByteCursor, twelveHour: Bool) -> Int64? {
    guard var hour = cursor.digits(1, 2), cursor.eat(0x3A), let minute = cursor.digits(2, 2),
      minute < 60
    else { return nil }
    var second = 0
    var millisecond = 0
    if cursor.eat(0x3A) {
      guard let value = cursor.digits(2, 2), value < 60 else { return nil }
      second = value
      if cursor.eat(0x2E) || cursor.eat(0x2C) {
        var count = 0
        while let digit = cursor.digits(1, 1) {
          if count < 3 { millisecond = millisecond * 10 + digit }
          count += 1
        }
        guard count > 0 else { return nil }
        for _ in count..<max(count, 3) { millisecond *= 10 }
      }
    }
    if twelveHour, let isAfternoon = parseMeridiem(&cursor) {
      guard hour >= 1 && hour <= 12 else { return nil }
      hour = hour % 12 + (isAfternoon ? 12 : 0)
    }
    guard hour < 24 else { return nil }
    return Int64(((hour * 60 + minute) * 60 + second) * 1000 + millisecond)
  }

  /// ` AM`, `PM`, `am`…: `true` for afternoon, `nil` when absent (nothing is consumed).
  private static func parseMeridiem(_ cursor: inout ByteCursor) -> Bool? {
    var probe = cursor
    _ = probe.eat(ASCII.space)
    guard let letter = probe.next(), let m = probe.next(), m | 0x20 == 0x6D else { return nil }
    let lower = letter | 0x20
    guard lower == 0x61 || lower == 0x70 else { return nil }
    cursor = probe
    return lower == 0x70
  }

  /// `Z`, `UTC`, `GMT`, `+HH:MM`, `+HHMM` or `+HH` (optionally after a space), in seconds.
  private static func parseZone(_ cursor: inout ByteCursor) -> Int? {
    _ = cursor.eat(ASCII.space)
    if cursor.eat(0x5A) || cursor.eat(0x7A) { return 0 }
    if cursor.eatWord("UTC") || cursor.eatWord("GMT") {
      if cursor.atEnd { return 0 }
    }
    guard let sign = cursor.next(), sign == 0x2B || sign == 0x2D,
      let hours = cursor.digits(2, 2), hours <= 18
    else { return nil }
    var minutes = 0
    if !cursor.atEnd {
      _ = cursor.eat(0x3A)
      guard let value = cursor.digits(2, 2), value < 60 else { return nil }
      minutes = value
    }
    let seconds = (hours * 60 + minutes) * 60
    return sign == 0x2D ? -seconds : seconds
  }
}

/// A read position in a cell, for the small timestamp grammar.
struct ByteCursor {
  let base: UnsafePointer<UInt8>
  var index: Int
  let end: Int

  var atEnd: Bool { index >= end }

  /// The next byte, consumed.
  mutating func next() -> UInt8? {
    guard index < end else { return nil }
    index += 1
    return base[index - 1]
  }

  /// Consumes `byte` if it comes next.
  mutating func eat(_ byte: UInt8) -> Bool {
    guard index < end && base[index] == byte else { return false }
    index += 1
    return true
  }

  /// Consumes an ASCII word if it comes next, in any letter case.
  mutating func eatWord(_ word: StaticString) -> Bool {
    let count = word.utf8CodeUnitCount
    guard end - index >= count else { return false }
    let letters = word.utf8Start
    for offset in 0..<count where base[index + offset] | 0x20 != letters[offset] | 0x20 {
      return false
    }
    index += count
    return true
  }

  /// Reads between `minimum` and `maximum` decimal digits; `nil` (consuming nothing) if fewer.
  mutating func digits(_ minimum: Int, _ maximum: Int) -> Int? {
    var value = 0
    var count = 0
    while count < maximum && index + count < end {
      let digit = base[index + count] &- 0x30
      guard digit < 10 else { break }
      value = value * 10 + Int(digit)
      count += 1
    }
    guard count >= minimum else { return nil }
    index += count
    return value
  }
}

/// Reads the most common timestamp shape, `YYYY-MM-DDTHH:MM:SS` with an optional `Z`, with
/// no cursor, and remembers the last date's day number, since rows in time order repeat
/// their dates. Anything else, and any value it would reject, is left to
/// ``TimestampParsing/parse(_:_:_:)``, so both always agree.
struct TimestampFastPath {
  /// Bytes 0..<8 and 8..<10 of the last date read, and its days since the epoch; before
  /// the first, those of `1970-01-01` (day 0), so that the cache is never wrong.
  private var lastDate: (head: UInt64, day: UInt16) = (0x2D31_302D_3037_3931, 0x3130)
  private var lastDays: Int64 = 0

  /// The timestamp when the cell has exactly the shape and is valid; `nil` otherwise.
  ///
  /// The date is checked and converted only when it differs from the last one read; the
  /// time of day is checked and read eight bytes at once.
  @inline(__always)
  mutating func parse(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> ParsedTimestamp? {
    let length = end - start
    let text = base + start
    guard length == 19 || (length == 20 && text[19] | 0x20 == 0x7A) else { return nil }
    let separator = text[10] | 0x20
    let raw = UnsafeRawPointer(text)
    guard separator == 0x74 || separator == 0x20,
      let seconds = TimestampFastPath.secondsOfDay(
        raw.loadUnaligned(fromByteOffset: 11, as: UInt64.self))
    else { return nil }
    let date = (
      raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self)
    )
    if date != lastDate {
      guard let days = TimestampFastPath.days(text) else { return nil }
      lastDays = days
      lastDate = date
    }
    let instant = (lastDays * 86_400 + seconds) * 1000
    return length == 20 ? .instant(instant) : .local(instant)
  }

  /// The days since the epoch of the date `YYYY-MM-DD` at `text`, `nil` unless valid.
  private static func days(_ text: UnsafePointer<UInt8>) -> Int64? {
    guard text[4] == 0x2D, text[7] == 0x2D else { return nil }
    // A byte below "0" wraps around, so one comparison of the largest checks every digit.
    func digit(_ offset: Int) -> UInt8 { text[offset] &- 0x30 }
    let yearDigits = max(max(digit(0), digit(1)), max(digit(2), digit(3)))
    let dayDigits = max(max(digit(5), digit(6)), max(digit(8), digit(9)))
    guard max(yearDigits, dayDigits) < 10 else { return nil }
    let year = twoDigits(text) * 100 + twoDigits(text + 2)
    let month = twoDigits(text + 5)
    let day = twoDigits(text + 8)
    guard CivilTime.isValidDate(year, month, day) else { return nil }
    return CivilTime.daysSinceEpoch(year, month, day)
  }

  /// The seconds since midnight of `HH:MM:SS` held in `clock` (first byte lowest), `nil`
  /// unless the colons are in place, the rest are digits and the time is a valid one.
  @inline(__always)
  static func secondsOfDay(_ clock: UInt64) -> Int64? {
    // The colons are bytes 2 and 5; the digits the other six.
    guard clock & 0x0000_FF00_00FF_0000 == 0x0000_3A00_003A_0000 else { return nil }
    let digitBytes: UInt64 = 0xFFFF_00FF_FF00_FFFF
    let digits = (clock & digitBytes) &- (0x3030_3030_3030_3030 & digitBytes)
    // A byte below "0" wraps around to a high nibble; one above "9" gets one from adding 6.
    guard (digits | (digits &+ (0x0606_0606_0606_0606 & digitBytes))) & 0xF0F0_F0F0_F0F0_F0F0 == 0
    else { return nil }
    // Ten times each byte plus the next: bytes 0, 3 and 6 become the hour, minute and second.
    let pairs = digits &* 10 &+ (digits >> 8)
    let hour = pairs & 0xFF
    let minute = (pairs >> 24) & 0xFF
    let second = (pairs >> 48) & 0xFF
    guard hour < 24 && minute < 60 && second < 60 else { return nil }
    return Int64((hour * 60 + minute) * 60 + second)
  }

  @inline(__always)
  private static func twoDigits(_ text: UnsafePointer<UInt8>) -> Int {
    Int(text[0] &- 0x30) * 10 + Int(text[1] &- 0x30)
  }
}
