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
  /// `.set confidence 90|95|99`: the level of intervals and significance tests.
  public var confidence: ConfidenceLevel
  /// `.set min_n N`: a figure from fewer respondents is marked as too few to trust.
  public var minimumN: Int
  /// `.target`: the targets set over the defaults.
  public var targets = TargetList()
  /// `.set repeats first|latest|all`: which of a customer's responses count.
  public var repeats = RepeatsMode.all
  /// `.set customer FIELD`: the column naming the customer; nil finds one by its name.
  public var customerColumn: String?

  public init(
    timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current, now: NowSetting = .clock,
    satisfiedFrom: Int? = nil, confidence: ConfidenceLevel = .ninetyFive, minimumN: Int = 30
  ) {
    self.timeZone = timeZone
    self.now = now
    self.satisfiedFrom = satisfiedFrom
    self.confidence = confidence
    self.minimumN = minimumN
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

/// The confidence level of intervals and significance tests.
public enum ConfidenceLevel: Int, Sendable, Equatable, CaseIterable {
  case ninety = 90
  case ninetyFive = 95
  case ninetyNine = 99

  /// The two-sided critical value of the standard normal distribution, to six decimals.
  public var z: Double {
    switch self {
    case .ninety: 1.644854
    case .ninetyFive: 1.959964
    case .ninetyNine: 2.575829
    }
  }
}
