/// Which column plays which part in the analysis.
public struct Roles: Sendable, Equatable {
  /// The satisfaction score (1–5 and similar).
  public var csat: Int?
  /// The likelihood-to-recommend score (0–10).
  public var nps: Int?
  /// The time each response was given.
  public var time: Int?
  /// Whether negative feedback was followed up.
  public var followUp: Int?

  public init(csat: Int? = nil, nps: Int? = nil, time: Int? = nil, followUp: Int? = nil) {
    self.csat = csat
    self.nps = nps
    self.time = time
    self.followUp = followUp
  }
}

/// Responses loaded into memory, column by column.
public struct Dataset: Sendable {
  public var columns: [Column]
  public var rowCount: Int
  public var roles: Roles
  /// The files the rows came from, in load order.
  public var sources: [String]

  public init(columns: [Column], rowCount: Int, roles: Roles, sources: [String]) {
    self.columns = columns
    self.rowCount = rowCount
    self.roles = roles
    self.sources = sources
  }

  /// The index of the column called `name`: exact match first, then case-insensitive.
  public func columnIndex(named name: String) -> Int? {
    if let exact = columns.firstIndex(where: { $0.name == name }) { return exact }
    let lowered = name.lowercased()
    return columns.firstIndex { $0.name.lowercased() == lowered }
  }
}
