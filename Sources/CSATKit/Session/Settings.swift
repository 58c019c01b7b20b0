import Foundation

/// A `.set` or flag value that cannot be used, with what would be accepted.
public struct SettingError: Error, Sendable, Equatable, CustomStringConvertible {
  public var message: String
  public var notes: [String]

  public init(_ message: String, notes: [String] = []) {
    self.message = message
    self.notes = notes
  }

  public var description: String { message }
}

// MARK: - `.set`

extension Session {
  package static let settingNames = [
    "now", "tz", "satisfied", "confidence", "min_n", "csat", "nps", "time", "followup",
    "date_format", "repeats", "customer",
  ]

  /// Settings whose value is one word.
  static let singleValued: Set<String> = [
    "now", "tz", "timezone", "time_zone", "confidence", "min_n", "minimum_n", "date_format",
  ]

  /// Applies `.set NAME VALUE...`; with no arguments lists the settings.
  func applySetting(_ arguments: [String]) throws {
    guard let name = arguments.first?.lowercased() else {
      render(settingsTable())
      return
    }
    let values = Array(arguments.dropFirst())
    guard !values.isEmpty else { throw SettingError("'.set \(name)' needs a value") }
    if Self.singleValued.contains(name) && values.count > 1 {
      throw SettingError("'.set \(name)' takes one value; '\(values[1])' is one too many")
    }
    switch name {
    case "now":
      settings.now = try Self.parseNow(values[0], timeZone: settings.timeZone)
    case "tz", "timezone", "time_zone":
      changeTimeZone(to: try Self.parseTimeZone(values[0]))
    case "satisfied":
      let number = values.last ?? ""
      if number.lowercased() == "default" {
        settings.satisfiedFrom = nil
      } else if let threshold = Int(number), values.count == 1 || values[0] == ">=" {
        settings.satisfiedFrom = threshold
      } else {
        throw SettingError(
          "'.set satisfied' takes '>= N' (the lowest satisfied score) or 'default'")
      }
    case "confidence":
      let number = values[0].hasSuffix("%") ? String(values[0].dropLast()) : values[0]
      guard values.count == 1, let level = Int(number).flatMap(ConfidenceLevel.init) else {
        throw SettingError("'.set confidence' takes 90, 95 or 99 (percent)")
      }
      settings.confidence = level
    case "min_n", "minimum_n":
      guard values.count == 1, let minimum = Int(values[0]), minimum >= 0 else {
        throw SettingError(
          "'.set min_n' takes a whole number of respondents (0 flags nothing)")
      }
      settings.minimumN = minimum
    case "csat", "csat_column", "nps", "nps_column", "time", "time_column", "followup",
      "followed_up", "followup_column":
      try setRole(name, column: values.joined(separator: " "))
    case "date_format":
      guard let order = DateOrder(rawValue: values[0].lowercased()) else {
        throw SettingError("'.set date_format' takes 'mdy' or 'dmy'")
      }
      changeDateOrder(to: order)
    case "repeats":
      try setRepeats(values)
    case "customer", "customer_column":
      try setCustomer(values.joined(separator: " "))
    default:
      let nearest = Suggestions.nearest(to: name, in: Self.settingNames, limit: 1)
      throw SettingError(
        "unknown setting '\(name)'",
        notes: (nearest.map { "did you mean '\($0)'?" }) + [
          "settings: " + Self.settingNames.joined(separator: ", ")
        ])
    }
  }

  private func setRole(_ role: String, column name: String) throws {
    guard let catalog else { throw SettingError("no data is loaded") }
    guard let index = catalog.dataset.columnIndex(named: name) else {
      let nearest = Suggestions.nearest(to: name, in: catalog.dataset.columns.map(\.name))
      throw SettingError(
        "no field named '\(name)'", notes: nearest.map { "did you mean '\($0)'?" })
    }
    let type = catalog.dataset.columns[index].type
    let wanted: ColumnType =
      role.hasPrefix("time") ? .timestamp : role.hasPrefix("follow") ? .boolean : .number
    guard type == wanted else {
      throw SettingError(
        "'\(name)' is \(type.rawValue), and the \(role) role needs \(wanted.rawValue)")
    }
    updateRoles { roles in
      if role.hasPrefix("csat") { roles.csat = index }
      if role.hasPrefix("nps") { roles.nps = index }
      if role.hasPrefix("time") { roles.time = index }
      if role.hasPrefix("follow") { roles.followUp = index }
    }
    if role.hasPrefix("csat") || role.hasPrefix("nps") { warnStrays(columns: [index]) }
  }

  private func settingsTable() -> ResultTable {
    let now: String
    switch settings.now {
    case .clock: now = "clock"
    case .latest: now = "latest"
    case .fixed(let instant):
      now = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(instant) / 1000))
    }
    let satisfied = settings.satisfiedFrom.map { ">= \($0)" } ?? "default (top two points)"
    let rows: [[Cell]] = [
      [.text("now"), .text(now)],
      [.text("tz"), .text(settings.timeZone.displayName)],
      [.text("satisfied"), .text(satisfied)],
      [.text("confidence"), .text("\(settings.confidence.rawValue)%")],
      [.text("min_n"), .text(String(settings.minimumN))],
      [.text("format"), .text(format.rawValue)],
      [.text("date_format"), .text(loadOptions.dateOrder?.rawValue ?? "decided per column")],
      [.text("repeats"), .text(repeatsText)],
      [.text("customer"), .text(customerText)],
    ]
    return ResultTable(
      columns: [
        ResultColumn(name: "setting", isNumeric: false),
        ResultColumn(name: "value", isNumeric: false),
      ], rows: rows)
  }

  // MARK: - Values of settings and flags

  /// A time zone by IANA name (`Europe/Paris`) or `UTC`.
  public static func parseTimeZone(_ text: String) throws -> TimeZone {
    guard let zone = TimeZone(identifier: text) else {
      throw SettingError(
        "unknown time zone '\(text)'", notes: ["use an IANA name such as UTC or Europe/Paris"])
    }
    return zone
  }

  /// `latest`, `clock`, or a time `2026-11-30T12:00[:00][Z|±HH:MM]` (local to `timeZone`
  /// without an offset), or a date alone (its midnight).
  public static func parseNow(_ text: String, timeZone: TimeZone) throws -> NowSetting {
    switch text.lowercased() {
    case "latest": return .latest
    case "clock", "now": return .clock
    default:
      guard let instant = InstantText.parse(text, timeZone: timeZone) else {
        throw SettingError(
          "cannot read '\(text)' as a time",
          notes: ["write e.g. 2026-11-30T12:00, 2026-11-30, 'latest' or 'clock'"])
      }
      return .fixed(instant)
    }
  }
}

/// Reads one instant written by a person, with the loader's timestamp reader: ISO 8601 with or
/// without a time and zone; without a zone it is local to `timeZone`. Slash dates are refused
/// here, as their day/month order is unknown.
enum InstantText {
  static func parse(_ text: String, timeZone: TimeZone) -> Int64? {
    var bytes = Array(text.utf8)
    let count = bytes.count
    guard count > 0 else { return nil }
    // The reader may look one byte past the end (files are padded too).
    bytes.append(contentsOf: [UInt8](repeating: 0, count: 64))
    let parsed = bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress.flatMap { TimestampParsing.parse($0, 0, count) }
    }
    switch parsed {
    case .instant(let instant):
      return instant
    case .local(let local):
      return ZoneOffsets(timeZone: timeZone, from: local, to: local).utc(fromLocal: local)
    case .slash, nil:
      return nil
    }
  }
}
