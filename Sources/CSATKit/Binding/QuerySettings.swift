import Foundation

/// When "now" is, for time windows.
public enum NowSetting: Sendable, Equatable {
  /// The system clock, read once per query.
  case clock
  /// A fixed instant (ms since the epoch), from `--now` or `.set now`.
  case fixed(Int64)
  /// The newest response in the data (`.set now latest`).
  case latest
}

/// The settings a query is bound under.
public struct QuerySettings: Sendable {
  /// The report time zone: days, weeks and months are cut here.
  public var timeZone: TimeZone
  public var now: NowSetting
  /// `.set satisfied >= N`: the lowest satisfied score; nil means the top two points.
  public var satisfiedFrom: Int?

  public init(
    timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current, now: NowSetting = .clock,
    satisfiedFrom: Int? = nil
  ) {
    self.timeZone = timeZone
    self.now = now
    self.satisfiedFrom = satisfiedFrom
  }

  /// The report time zone from the environment's `TZ`, UTC when unset or unknown.
  public static func environmentTimeZone(_ environment: [String: String]) -> TimeZone? {
    guard var name = environment["TZ"], !name.isEmpty else { return TimeZone(identifier: "UTC") }
    if name.hasPrefix(":") { name.removeFirst() }
    return TimeZone(identifier: name)
  }
}

extension TimeZone {
  /// The zone's name as shown to users: `UTC` rather than Foundation's `GMT` alias.
  public var displayName: String {
    ["GMT", "GMT+0000", "Etc/UTC", "Etc/GMT"].contains(identifier) ? "UTC" : identifier
  }
}
