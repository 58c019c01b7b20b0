/// Repeat answers: which of a customer's responses count (`.set repeats`), and the column
/// that says who the customer is (`.set customer`). README.md, "Repeat answers", states the
/// rules.

/// `.set repeats first|latest|all`.
public enum RepeatsMode: String, Sendable, Equatable, CaseIterable {
  /// Every response counts.
  case all
  /// Each customer's earliest response counts.
  case first
  /// Each customer's latest response counts.
  case latest
}

/// One response per customer, bound: after the query's `where` and window, each customer
/// keeps its earliest or latest selected response by the time column (ties: the earlier row
/// in the file for `first`, the later one for `latest`). A response with a blank customer is
/// a customer of its own.
public struct BoundRepeats: Sendable, Equatable {
  public var keepLatest: Bool
  /// A text column: customers are its dictionary codes.
  public var customer: Int
  public var time: Int
  /// The note shown with results, e.g. `repeats: each customer's first response (customer_id)`.
  public var note: String
}

/// Finds the customer column among text columns by its name.
public enum CustomerColumn {
  /// The text column whose name best says it identifies the customer: `customer_id` (or
  /// `customer id`, `CustomerID`, `customer_email`) first, then a name containing
  /// `customer` or `client`, then one containing `email` or `contact`; the first among
  /// equals. nil when no text column has such a name.
  public static func detect(in dataset: Dataset) -> Int? {
    var choice: (column: Int, score: Int)?
    for (index, column) in dataset.columns.enumerated() where column.type == .text {
      let score = self.score(column.name)
      if score > 0 && score > (choice?.score ?? 0) { choice = (index, score) }
    }
    return choice?.column
  }

  /// How strongly a name says "customer": 0 (not at all) to 3.
  static func score(_ name: String) -> Int {
    let letters = String(name.lowercased().filter { $0.isLetter || $0.isNumber })
    if ["customerid", "customeremail", "clientid", "contactid"].contains(letters) { return 3 }
    if letters.contains("customer") || letters.contains("client") { return 2 }
    if letters.contains("email") || letters.contains("contact") { return 1 }
    return 0
  }
}

extension Binder {
  /// The repeats setting bound to columns; nil when every response counts. `range` is
  /// where an error points (the statement).
  func bindRepeats(at range: SourceRange) throws -> BoundRepeats? {
    guard settings.repeats != .all else { return nil }
    let dataset = catalog.dataset
    let setting = "'.set repeats \(settings.repeats.rawValue)'"
    guard let customer = Self.customerColumn(dataset, named: settings.customerColumn) else {
      throw QueryError(
        .error(
          "\(setting) needs a customer column, and none was found", at: range,
          notes: ["name it with '.set customer FIELD', or '.set repeats all'"]))
    }
    guard let time = dataset.roles.time else {
      throw QueryError(
        .error(
          "\(setting) needs a time column to tell first from latest, and this data has none",
          at: range, notes: ["name one with '.set time COLUMN', or '.set repeats all'"]))
    }
    let name = dataset.columns[customer].name
    return BoundRepeats(
      keepLatest: settings.repeats == .latest, customer: customer, time: time,
      note: "repeats: each customer's \(settings.repeats.rawValue) response (\(name))")
  }

  /// The customer column: the one named by `.set customer` when it is a text column, else
  /// the one found by name.
  static func customerColumn(_ dataset: Dataset, named name: String?) -> Int? {
    guard let name else { return CustomerColumn.detect(in: dataset) }
    guard let index = dataset.columnIndex(named: name), dataset.columns[index].type == .text
    else { return nil }
    return index
  }
}
