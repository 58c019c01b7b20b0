import Foundation

/// A time zone's offsets from UTC over a span of time, for converting many instants cheaply.
///
/// Built from the zone's transitions, so a lookup is a binary search over a handful of
/// entries instead of a Foundation call per row.
public struct ZoneOffsets: Sendable {
  /// Instants (ms since the epoch) where a new offset starts, ascending.
  private var starts: [Int64]
  /// The offset in ms in force from the matching start.
  private var offsets: [Int64]
  public let timeZone: TimeZone

  /// Offsets for `timeZone` valid from `lower` to `upper` (ms since the epoch).
  public init(timeZone: TimeZone, from lower: Int64, to upper: Int64) {
    self.timeZone = timeZone
    let margin = 400 * CalendarMath.millisecondsPerDay
    var instant = Date(timeIntervalSince1970: Double(lower - margin) / 1000)
    let end = Date(timeIntervalSince1970: Double(upper + margin) / 1000)
    var starts: [Int64] = [Int64.min]
    var offsets: [Int64] = [Int64(timeZone.secondsFromGMT(for: instant)) * 1000]
    while let next = timeZone.nextDaylightSavingTimeTransition(after: instant), next < end {
      starts.append(Int64((next.timeIntervalSince1970 * 1000).rounded()))
      offsets.append(Int64(timeZone.secondsFromGMT(for: next)) * 1000)
      instant = next
    }
    self.starts = starts
    self.offsets = offsets
  }

  /// The zone's offset in ms at a UTC instant.
  @inline(__always)
  public func offset(atUTC instant: Int64) -> Int64 {
    if starts.count == 1 { return offsets[0] }
    var low = 0
    var high = starts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if starts[middle] <= instant { low = middle } else { high = middle - 1 }
    }
    return offsets[low]
  }

  /// Local wall-clock ms (as if UTC) for a UTC instant.
  @inline(__always)
  public func local(_ instant: Int64) -> Int64 {
    instant + offset(atUTC: instant)
  }

  /// The local day number of a UTC instant.
  @inline(__always)
  public func localDay(_ instant: Int64) -> Int {
    Int(floorDivide(local(instant), CalendarMath.millisecondsPerDay))
  }

  /// The UTC instant of a local wall-clock time; in a gap, the time after the gap.
  public func utc(fromLocal local: Int64) -> Int64 {
    let first = local - offset(atUTC: local)
    let second = local - offset(atUTC: first)
    if second + offset(atUTC: second) == local { return second }
    if first + offset(atUTC: first) == local { return first }
    // The wall-clock time does not exist (a spring-forward gap): move past it.
    return max(first, second)
  }

  /// The UTC instant of local midnight starting a day.
  public func startOfDay(_ dayNumber: Int) -> Int64 {
    utc(fromLocal: Int64(dayNumber) * CalendarMath.millisecondsPerDay)
  }
}
