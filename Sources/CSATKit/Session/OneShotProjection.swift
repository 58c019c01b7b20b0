import Foundation
import Glibc

/// For runs of statements and scripts from the command line (`csat FILE -e ...`, `-f
/// FILE`): the columns the statements can need, so that the loader converts and stores only
/// those.
///
/// Names are the loader's own (``CSVLayout``: blank and repeated header names renamed,
/// quotes undone). A column is kept when a statement or a role flag names it (any case),
/// when it may hold timestamps (``ColumnSample``), and when it is a candidate for a role
/// the statements use:
/// - csat candidates (names about satisfaction, ratings or scores, not about recommending)
///   for `csat`, `dsat` and follow-ups;
/// - nps candidates (names about recommending or saying 0-10) for the nps metrics and
///   follow-ups, and for csat too when a column is a candidate for both: the nps column is
///   found first, and the csat column among the rest;
/// - follow-up candidates for follow-ups (which count detractors by the nps column, or else
///   by the csat column).
///
/// A statement that names a score column keeps both kinds of score candidates. When a
/// statement still cannot be bound on the reduced data, the session loads every column and
/// runs it again.
enum OneShotProjection {
  /// Words that make a statement use the follow-up role, and with it the score roles.
  static let followUpWords: Set = ["followup", "followed_up", "follow_up"]

  /// Words that make a statement use the csat role.
  static let csatWords = Set(["csat", "dsat", "satisfaction"]).union(followUpWords)

  /// Words that make a statement use the nps role.
  static let npsWords = Set(["nps", "recommend", "promoters", "passives", "detractors"])
    .union(followUpWords)

  /// The header names of `path` to keep for `statements` and the columns named by role
  /// flags; nil when every column is needed (a meta-command, a statement that does not
  /// parse, or a file that is not a regular file or cannot be read as CSV).
  static func columns(
    for statements: [String], path: String, roleColumns: [String] = []
  ) -> Set<String>? {
    var names = Set(roleColumns)
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
    guard let sample = ColumnSample.read(path: path) else { return nil }
    // A role flag that names no column fails the load: read every column, so that the
    // error suggests the nearest of them all.
    let header = Set(sample.names.map { $0.lowercased() })
    guard roleColumns.allSatisfy({ header.contains($0.lowercased()) }) else { return nil }
    let wanted = Set(names.map { $0.lowercased() })
    let columns = sample.names.enumerated().map { index, name in
      (name: name, words: NameWords(name), mayHoldTimes: sample.mayHoldTimes[index])
    }
    let named = columns.filter { wanted.contains($0.name.lowercased()) }
    let namesScore = named.contains { isNPSCandidate($0.words) || isCSATCandidate($0.words) }
    let csat = namesScore || !words.isDisjoint(with: csatWords)
    let shared = columns.contains { isNPSCandidate($0.words) && isCSATCandidate($0.words) }
    let nps = namesScore || !words.isDisjoint(with: npsWords) || (csat && shared)
    let followUps =
      !words.isDisjoint(with: followUpWords) || named.contains { $0.words.aboutFollowUp }
    let kept = columns.filter { column in
      wanted.contains(column.name.lowercased()) || column.mayHoldTimes
        || (csat && isCSATCandidate(column.words)) || (nps && isNPSCandidate(column.words))
        || (followUps && column.words.aboutFollowUp)
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

/// The header of a CSV file as the loader reads it, and which of its columns may hold
/// timestamps, judged as the loader judges a column's type: by the first value in it that
/// is not missing. A first value that is a number, a boolean, text with doubled quotes or
/// anything else that is no timestamp makes the column another type.
enum ColumnSample {
  /// How many records are read, at most, to find each column's first value.
  static let records = 1000

  /// The column names and, per column, whether it may hold timestamps (also when no value
  /// was found); nil for a path that is not a regular file (a pipe would be used up) or
  /// that cannot be read as CSV.
  static func read(path: String) -> (names: [String], mayHoldTimes: [Bool])? {
    var status = stat()
    guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
      let buffer = try? ByteBuffer.read(path: path),
      let layout = try? CSVLayout.read(buffer, file: path)
    else { return nil }
    let base = UnsafePointer(buffer.base)
    var decided = [Bool?](repeating: nil, count: layout.names.count)
    var scanner = RecordScanner(
      base: base, from: layout.dataStart, to: buffer.count, delimiter: layout.delimiter)
    var linesBefore = 0
    var read = 0
    while read < records, decided.contains(nil),
      let count = try? scanner.nextRecord(linesBefore: &linesBefore), count > 0
    {
      read += 1
      for column in 0..<min(count, decided.count) where decided[column] == nil {
        decided[column] = holdsTime(scanner.fields.pointer[column], base)
      }
    }
    return (layout.names, decided.map { $0 ?? true })
  }

  /// Whether a cell makes its column a timestamp column; nil when it is missing.
  private static func holdsTime(_ field: FieldRange, _ base: UnsafePointer<UInt8>) -> Bool? {
    var start = field.start
    var end = field.end
    ValueParsing.trim(base, &start, &end)
    if start == end { return nil }
    guard field.flags & FieldRange.escaped == 0 else { return false }
    if ValueParsing.isMissingToken(base, start, end) { return nil }
    return ValueParsing.parseNumber(base, start, end) == nil
      && ValueParsing.parseBoolean(base, start, end) == nil
      && TimestampParsing.parse(base, start, end) != nil
  }
}

extension Session {
  /// The columns command-line `statements` (the texts of `-e` and `-f`) need from `paths`,
  /// or nil to read them all (also for snapshots, which hold their columns ready).
  public func projection(for statements: [String], paths: [String]) -> Set<String>? {
    guard let first = paths.first, !paths.contains(where: Snapshot.isSnapshot(path:)) else {
      return nil
    }
    let named = [loadOptions.csatColumn, loadOptions.npsColumn, loadOptions.timeColumn]
    return OneShotProjection.columns(
      for: statements, path: first, roleColumns: named.compactMap { $0 })
  }
}
