/// Calendar buckets numbered so that consecutive buckets have consecutive ordinals.
public enum TimeBucket {
  /// The bucket ordinal of a local day number.
  @inline(__always)
  public static func ordinal(_ unit: CalendarUnit, day: Int) -> Int {
    switch unit {
    case .day:
      return day
    case .week:
      // Weeks start on Monday; day 0 (a Thursday) is in the week whose Monday is day −3.
      return Int(floorDivide(Int64(day + 3), 7))
    case .month, .quarter, .year:
      let date = CalendarMath.civilDate(day)
      switch unit {
      case .month: return date.year * 12 + date.month - 1
      case .quarter: return date.year * 4 + (date.month - 1) / 3
      default: return date.year
      }
    }
  }

  /// The label of a bucket: `2026-11-30`, `2026-W48`, `2026-11`, `2026-Q4`, `2026`.
  public static func label(_ unit: CalendarUnit, ordinal: Int) -> String {
    switch unit {
    case .day:
      return CalendarMath.label(CalendarMath.civilDate(ordinal))
    case .week:
      let (year, week) = CalendarMath.isoWeek(ordinal * 7 - 3)
      return "\(CalendarMath.pad(year, 4))-W\(CalendarMath.pad(week, 2))"
    case .month:
      let year = Int(floorDivide(Int64(ordinal), 12))
      return "\(CalendarMath.pad(year, 4))-\(CalendarMath.pad(ordinal - year * 12 + 1, 2))"
    case .quarter:
      let year = Int(floorDivide(Int64(ordinal), 4))
      return "\(CalendarMath.pad(year, 4))-Q\(ordinal - year * 4 + 1)"
    case .year:
      return CalendarMath.pad(ordinal, 4)
    }
  }
}
