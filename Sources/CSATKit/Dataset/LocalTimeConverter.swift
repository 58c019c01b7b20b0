import Foundation

/// Turns wall-clock times in one time zone into instants, asking Foundation rarely.
///
/// UTC and fixed-offset zones need no lookup at all. Other zones are asked once per local
/// hour: the offset found for the hour's first and last second is kept when both agree, which
/// is the case for every hour except those holding a transition at a minute other than :00.
/// Such hours are resolved value by value.
///
/// A local time that does not exist (inside the spring-forward gap) is read with the offset
/// before the gap, so 02:30 becomes 03:30 of the new offset. A local time that happens twice
/// (the autumn overlap) is read as the first of the two, under the earlier (larger) offset.
struct LocalTimeConverter {
  let timeZone: TimeZone
  /// The offset in seconds when the zone never changes it.
  private let fixedOffset: Int?
  private var lastHour: Int64 = .min
  private var lastOffset: Int64 = 0
  private var offsetsByHour: [Int64: Int32] = [:]

  private static let millisecondsPerHour: Int64 = 3_600_000

  init(timeZone: TimeZone) {
    self.timeZone = timeZone
    fixedOffset = LocalTimeConverter.fixedOffset(of: timeZone)
  }

  /// The constant offset of zones known never to change: UTC, GMT and `GMT±hh:mm` zones.
  private static func fixedOffset(of zone: TimeZone) -> Int? {
    let identifier = zone.identifier
    let fixedNames: Set<String> = ["UTC", "GMT", "Etc/UTC", "Etc/GMT", "Etc/Universal", "Z"]
    if fixedNames.contains(identifier) || identifier.hasPrefix("GMT+")
      || identifier.hasPrefix("GMT-")
    {
      return zone.secondsFromGMT(for: Date(timeIntervalSince1970: 0))
    }
    return nil
  }

  /// The instant (ms since the epoch) of a wall-clock time given as ms read as if UTC.
  mutating func instant(fromLocal local: Int64) -> Int64 {
    if let fixedOffset { return local - Int64(fixedOffset) * 1000 }

    let hour = CivilTime.floorDivide(local, LocalTimeConverter.millisecondsPerHour)
    if hour == lastHour { return local - lastOffset }
    if let cached = offsetsByHour[hour] {
      lastHour = hour
      lastOffset = Int64(cached) * 1000
      return local - lastOffset
    }

    let hourStart = hour * LocalTimeConverter.millisecondsPerHour / 1000
    let atStart = offset(forLocalSeconds: hourStart)
    let atEnd = offset(forLocalSeconds: hourStart + 3599)
    guard atStart == atEnd else {
      return local - Int64(offset(forLocalSeconds: CivilTime.floorDivide(local, 1000))) * 1000
    }
    offsetsByHour[hour] = Int32(atStart)
    lastHour = hour
    lastOffset = Int64(atStart) * 1000
    return local - lastOffset
  }

  /// The offset (seconds east of UTC) under which local time `local` (seconds) is read.
  ///
  /// An offset `o` fits when the zone's offset at the instant `local − o` is `o` itself. The
  /// offsets a day before and a day after are the only candidates, as long as transitions are
  /// more than two days apart.
  private func offset(forLocalSeconds local: Int64) -> Int {
    let before = zoneOffset(atSeconds: local - 86_400)
    let after = zoneOffset(atSeconds: local + 86_400)
    let beforeFits = zoneOffset(atSeconds: local - Int64(before)) == before
    let afterFits = zoneOffset(atSeconds: local - Int64(after)) == after
    switch (beforeFits, afterFits) {
    case (true, true): return max(before, after)  // the overlap: the first occurrence
    case (true, false): return before
    case (false, true): return after
    case (false, false): return before  // the gap: read with the offset before it
    }
  }

  private func zoneOffset(atSeconds seconds: Int64) -> Int {
    timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
  }
}
