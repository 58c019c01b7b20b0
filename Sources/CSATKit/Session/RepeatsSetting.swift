// MARK: - `.set repeats` and `.set customer`

extension Session {
  /// `.set repeats first|latest|all`: `first` and `latest` need a customer and a time column.
  func setRepeats(_ values: [String]) throws {
    guard values.count == 1, let mode = RepeatsMode(rawValue: values[0].lowercased()) else {
      throw SettingError(
        "'.set repeats' takes first, latest or all",
        notes: [
          "first: each customer's earliest response counts; latest: the newest; all: every response"
        ])
    }
    if mode != .all, let catalog {
      let dataset = catalog.dataset
      guard Binder.customerColumn(dataset, named: settings.customerColumn) != nil else {
        throw SettingError(
          "'.set repeats \(mode.rawValue)' needs a customer column, and none was found",
          notes: [
            "name it with '.set customer FIELD' (a text field such as customer_id or email)"
          ])
      }
      guard dataset.roles.time != nil else {
        throw SettingError(
          "'.set repeats \(mode.rawValue)' needs a time column to tell first from latest, "
            + "and this data has none", notes: ["name one with '.set time FIELD'"])
      }
    }
    settings.repeats = mode
  }

  /// `.set customer FIELD`: a text field; `.set customer auto` finds one by name again.
  func setCustomer(_ name: String) throws {
    if name.lowercased() == "auto" {
      settings.customerColumn = nil
      return
    }
    guard let catalog else { throw SettingError("no data is loaded") }
    let dataset = catalog.dataset
    guard let index = dataset.columnIndex(named: name) else {
      let nearest = Suggestions.nearest(to: name, in: dataset.columns.map(\.name))
      throw SettingError(
        "no field named '\(name)'", notes: nearest.map { "did you mean '\($0)'?" })
    }
    let column = dataset.columns[index]
    guard column.type == .text else {
      throw SettingError(
        "'\(column.name)' is \(column.type.rawValue), and the customer column must be text")
    }
    settings.customerColumn = column.name
  }

  /// The repeats setting as `.set` lists it.
  var repeatsText: String {
    switch settings.repeats {
    case .all: "all (every response counts)"
    case .first: "first (each customer's earliest response)"
    case .latest: "latest (each customer's newest response)"
    }
  }

  /// The customer column as `.set` lists it: named, found by name, or none.
  var customerText: String {
    if let name = settings.customerColumn { return name }
    guard let catalog else { return "found by name when data is loaded" }
    guard let index = CustomerColumn.detect(in: catalog.dataset) else {
      return "none found ('.set customer FIELD')"
    }
    return "\(catalog.dataset.columns[index].name) (found by name)"
  }
}
