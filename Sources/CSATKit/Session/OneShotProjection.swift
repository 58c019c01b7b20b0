import Foundation

/// For runs of statements and scripts from the command line (`csat FILE -e ...`, `-f
/// FILE`): the columns the statements can need, so that the loader converts and stores only
/// those.
///
/// A column is kept when a statement names it (any case), when it may be the time column
/// (its first value is a date, or its name is about time and its first value is no
/// number), and when it is a candidate for a role the statements use:
/// - csat candidates (names about satisfaction, ratings or scores, not about recommending)
///   for `csat`, `dsat` and `followup`;
/// - nps candidates (names about recommending or saying 0-10) for the nps metrics and
///   `followup`, and for csat too when a column is a candidate for both: the nps column is
///   found first, and the csat column among the rest;
/// - follow-up candidates for `followup` and the follow-up field.
///
/// A statement that names a score column keeps both kinds of score candidates. When a
/// statement still cannot be bound on the reduced data, the session loads every column and
/// runs it again.
enum OneShotProjection {
  /// Words that make a statement use the csat role (`followup` counts detractors by the
  /// nps column, or else by the csat column).
  static let csatWords: Set = ["csat", "dsat", "satisfaction", "followup"]

  /// Words that make a statement use the nps role.
  static let npsWords: Set = [
    "nps", "recommend", "promoters", "passives", "detractors", "followup",
  ]

  /// Words that make a statement use the follow-up role.
  static let followUpWords: Set<String> = ["followup", "followed_up", "follow_up"]

  /// The header names of `path` to keep for `statements`; nil when every column is needed
  /// (a meta-command, a statement that does not parse, or a header that cannot be read).
  static func columns(for statements: [String], path: String) -> Set<String>? {
    var names: Set<String> = []
    var words: Set<String> = []
    for text in statements {
      for statement in ScriptSplitter.split(text) {
        guard !statement.isMetaCommand, let syntax = try? Parser.parse(statement.text),
          let used = NameCollector.names(in: syntax)
        else { return nil }
        names.formUnion(used)
        words.formUnion(identifierWords(statement.text))
      }
    }
    guard let header = CSVHeader.read(path: path) else { return nil }
    let wanted = Set(names.map { $0.lowercased() })
    let columns = header.names.enumerated().map { index, name in
      (
        name: name, words: NameWords(name),
        first: index < header.first.count ? header.first[index] : ""
      )
    }
    let named = columns.filter { wanted.contains($0.name.lowercased()) }
    let namesScore = named.contains { isNPSCandidate($0.words) || isCSATCandidate($0.words) }
    let csat = namesScore || !words.isDisjoint(with: csatWords)
    let shared = columns.contains { isNPSCandidate($0.words) && isCSATCandidate($0.words) }
    let nps = namesScore || !words.isDisjoint(with: npsWords) || (csat && shared)
    let followUps =
      !words.isDisjoint(with: followUpWords) || named.contains { $0.words.aboutFollowUp }
    let kept = columns.filter { column in
      wanted.contains(column.name.lowercased())
        || (csat && isCSATCandidate(column.words)) || (nps && isNPSCandidate(column.words))
        || (followUps && column.words.aboutFollowUp) || CSVHeader.looksLikeDate(column.first)
        || (column.words.aboutTime && Double(column.first) == nil)
    }
    return Set(kept.map(\.name))
  }

  /// Whether a column's name makes it a candidate for the nps role (``RoleDetection``).
  private static func isNPSCandidate(_ words: NameWords) -> Bool {
    words.aboutRecommending || words.saysZeroToTen
  }

  /// Whether a column's name makes it a candidate for the csat role (``RoleDetection``).
  private static func isCSATCandidate(_ words: NameWords) -> Bool {
    !words.aboutRecommending && words.satisfactionScore > 0
  }

  /// The names a statement's text holds, lower-cased: field names, metrics and functions.
  private static func identifierWords(_ text: String) -> [String] {
    Lexer.tokenize(text).compactMap { token in
      switch token.kind {
      case .identifier: token.text.lowercased()
      case .quotedIdentifier: String(token.text.dropFirst().dropLast()).lowercased()
      default: nil
      }
    }
  }
}

/// Every name a parsed statement refers to: fields, metric arguments, groupings, order.
enum NameCollector {
  /// nil for `targets` and `check`, whose targets may read any field.
  static func names(in statement: StatementSyntax) -> [String]? {
    switch statement {
    case .query(let query):
      return query.metrics.compactMap { $0.argument?.name }
        + query.groupings.flatMap(names) + (query.condition.map(names) ?? [])
        + query.orderBy.map(\.name.name)
    case .list(let list):
      return list.fields.map(\.name) + (list.condition.map(names) ?? [])
        + list.orderBy.map(\.name.name)
    case .chart(let query):
      return names(in: .query(query))
    case .coverage(let coverage):
      return [coverage.field.name] + (coverage.condition.map(names) ?? [])
    case .explain(let explain):
      return [explain.metric.argument?.name].compactMap { $0 }
        + explain.groupings.flatMap(names) + (explain.condition.map(names) ?? [])
    case .targets, .check:
      return nil
    }
  }

  private static func names(_ grouping: GroupingSyntax) -> [String] {
    [grouping.name.name] + (grouping.buckets.map { [$0.field.name] } ?? [])
  }

  private static func names(_ condition: ExprSyntax) -> [String] {
    switch condition.kind {
    case .comparison(let name, _, _), .membership(let name, _, _), .contains(let name, _),
      .startsWith(let name, _), .missing(let name, _), .field(let name):
      return [name.name]
    case .not(let inner): return names(inner)
    case .and(let left, let right), .or(let left, let right): return names(left) + names(right)
    }
  }
}

/// Reads the first lines of a CSV file: the header and the first record, enough to name its
/// columns and see which hold dates before loading it.
enum CSVHeader {
  /// The header's names and the first record's fields (empty when there is none).
  static func read(path: String) -> (names: [String], first: [String])? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    guard var bytes = try? handle.read(upToCount: 1 << 16).map(Array.init), !bytes.isEmpty
    else { return nil }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    let header = record(bytes, from: 0)
    let delimiters: [UInt8] = [44, 59, 9, 124]
    let counts = delimiters.map { delimiter in split(header.line, delimiter).count }
    guard let best = counts.indices.max(by: { counts[$0] < counts[$1] }) else { return nil }
    var start = header.end
    while start < bytes.count && (bytes[start] == 10 || bytes[start] == 13) { start += 1 }
    let first = start < bytes.count ? split(record(bytes, from: start).line, delimiters[best]) : []
    return (split(header.line, delimiters[best]), first)
  }

  /// One record's bytes from `start` to its line break outside quotes.
  private static func record(_ bytes: [UInt8], from start: Int) -> (line: [UInt8], end: Int) {
    var inQuotes = false
    var end = bytes.count
    for index in start..<bytes.count {
      if bytes[index] == UInt8(ascii: "\"") { inQuotes.toggle() }
      if !inQuotes && (bytes[index] == 10 || bytes[index] == 13) {
        end = index
        break
      }
    }
    return (Array(bytes[start..<end]), end)
  }

  /// The fields of a record, quotes removed and blanks trimmed.
  private static func split(_ line: [UInt8], _ delimiter: UInt8) -> [String] {
    var fields: [String] = []
    var field: [UInt8] = []
    var quoted = false
    for byte in line {
      if byte == UInt8(ascii: "\"") {
        quoted.toggle()
        continue
      }
      if !quoted && byte == delimiter {
        fields.append(String(decoding: field, as: UTF8.self).trimmingCharacters(in: .whitespaces))
        field = []
      } else {
        field.append(byte)
      }
    }
    fields.append(String(decoding: field, as: UTF8.self).trimmingCharacters(in: .whitespaces))
    return fields
  }

  /// Whether a value looks like a date (`2026-11-30…`, `30/11/2026`, `11.30.2026`), so that
  /// its column may be the time column whatever its name.
  static func looksLikeDate(_ value: String) -> Bool {
    let parts = value.prefix(10).split(whereSeparator: { "-/.".contains($0) })
    return parts.count >= 3 && parts.prefix(2).allSatisfy { $0.allSatisfy(\.isNumber) }
      && parts[2].prefix(2).allSatisfy(\.isNumber)
  }
}

extension Session {
  /// The columns command-line `statements` (texts of `-e` and `-f`) need from `paths`, or nil to read them all (also for
  /// snapshots, which hold their columns ready).
  public func projection(for statements: [String], paths: [String]) -> Set<String>? {
    guard let first = paths.first, !paths.contains(where: Snapshot.isSnapshot(path:)) else {
      return nil
    }
    let named = [loadOptions.csatColumn, loadOptions.npsColumn, loadOptions.timeColumn]
    return OneShotProjection.columns(for: statements, path: first)?
      .union(named.compactMap { $0 })
  }
}
