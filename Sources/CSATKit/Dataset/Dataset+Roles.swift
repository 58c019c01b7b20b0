extension Dataset {
  /// Gives `role` to the column called `name` (exact name first, then any letter case).
  ///
  /// Throws a ``DataError`` when no column has that name (with the nearest names) or when
  /// the column's type does not suit the role (a csat or nps column must be a number
  /// column, the time column a timestamp column, the follow-up column a boolean column).
  /// Other roles are left as they are; a column loses any other role it had.
  public mutating func setRole(_ role: Role, toColumnNamed name: String) throws {
    let column = try columnForRole(role, named: name)
    for other in Role.allCases where other != role && roles[other] == column {
      roles[other] = nil
    }
    roles[role] = column
  }

  /// The column `name` would take for `role`, checked as ``setRole(_:toColumnNamed:)`` does.
  public func columnForRole(_ role: Role, named name: String) throws -> Int {
    let file = sources.first ?? "csat"
    guard let column = columnIndex(named: name) else {
      var message = "no column named '\(name)' for the \(role.rawValue) role"
      let nearest = Suggestions.nearest(to: name, in: columns.map(\.name))
      if !nearest.isEmpty {
        message += "; did you mean " + nearest.map { "'\($0)'" }.joined(separator: ", ") + "?"
      } else {
        let suitable = columns.filter { $0.type == role.requiredType }.prefix(5).map(\.name)
        if !suitable.isEmpty {
          message +=
            "; \(role.requiredType.rawValue) columns: "
            + suitable.map { "'\($0)'" }.joined(separator: ", ")
        }
      }
      throw DataError(file: file, message: message)
    }
    let type = columns[column].type
    guard type == role.requiredType else {
      throw DataError(
        file: file,
        message: "column '\(columns[column].name)' is a \(type.rawValue) column, but the "
          + "\(role.rawValue) role needs a \(role.requiredType.rawValue) column")
    }
    return column
  }

  /// Finds the roles again from names and values, keeping those given in `fixed`.
  public mutating func detectRoles(keeping fixed: Roles = Roles()) {
    roles = RoleDetection.detect(in: self, fixed: fixed)
  }

  /// Sets the roles named in `options` and finds the others.
  mutating func applyRoleOverrides(_ options: LoadOptions) throws {
    var fixed = Roles()
    let overrides: [(Role, String?)] = [
      (.csat, options.csatColumn), (.nps, options.npsColumn), (.time, options.timeColumn),
    ]
    for case (let role, let name?) in overrides {
      fixed[role] = try columnForRole(role, named: name)
    }
    guard fixed != Roles() else { return }
    detectRoles(keeping: fixed)
  }
}
