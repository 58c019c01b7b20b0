// MARK: - The words Tab offers

extension Completion {
  /// Words offered by Tab, by what comes before the word: at the start of a statement the
  /// metrics, the statement words and meta-commands; after `chart` metrics; after `by` fields
  /// and calendar units; after a clause keyword or an operator, fields (in a list `age` too);
  /// after `vs last` only `year`; after `coverage by FIELD` its clauses; elsewhere keywords
  /// and fields.
  package static func words(_ session: Session, before text: String) -> [String] {
    let fields = session.catalog?.dataset.columns.map(\.name) ?? []
    let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "(" })
    let current = text.last.map { $0 == " " || $0 == "," || $0 == "(" } == true ? "" : words.last
    let previous = (current == nil || current == "" ? words.last : words.dropLast().last)?
      .lowercased()
    let isFirstWord = words.count <= (current == nil || current == "" ? 0 : 1)
    if isFirstWord {
      return Session.metaCommands + Binder.metricNames + ["list", "chart", "coverage", "explain"]
    }
    if previous == ".set" { return Session.settingNames }
    if previous == "repeats" && text.lowercased().hasPrefix(".set") {
      return RepeatsMode.allCases.map(\.rawValue)
    }
    if text.hasPrefix(".") { return fields }
    let units = CalendarUnit.allCases.map(\.rawValue)
    let statement = words.first?.lowercased()
    let beforePrevious = (current == nil || current == "" ? words.dropLast() : words.dropLast(2))
      .last?.lowercased()
    // In a list, `age` is a field too; after `vs last` only `year` fits.
    let listFields = statement == "list" ? fields + ["age"] : fields
    if previous == "last", beforePrevious == "vs" { return ["year"] }
    switch previous {
    case "explain": return ["change"]
    case "change" where text.lowercased().hasPrefix("explain"): return ["in"]
    case "in" where text.lowercased().hasPrefix("explain"): return Binder.metricNames
    case "vs": return ["previous", "last", "rest"]
    case "by": return listFields + units
    case "where", "and", "or", "not", "order", "list": return listFields + ["by"]
    case "since", "this", "last", "during", "between": return units
    case "chart": return Binder.metricNames
    case "coverage": return ["by"]
    case "per": return ["week", "month"]
    default:
      if statement == "coverage" {
        return ["where", "since", "between", "during", "this", "last", "per"]
      }
      return clauseWords + (statement == "list" ? listFields : Binder.metricNames + fields)
    }
  }

  /// The words that may follow a field or a figure inside a statement.
  static let clauseWords = [
    "by", "where", "since", "between", "during", "this", "last", "having", "order", "top",
    "bottom", "limit", "and", "or", "not", "in", "contains", "starts", "with", "is", "missing",
    "as", "asc", "desc", "per", "vs",
  ]
}
