import Foundation
import Testing

@testable import CSATKit

/// `top N` and `bottom N` over many groups with many ties, checked against counts and an
/// order worked out here from the rows as written.
@Suite struct TopManyGroupsTests {
  /// Collects what a session prints.
  private final class Printed: @unchecked Sendable {
    var results = ""
  }

  /// 3,000 rows over 400 groups `g000`…`g399`, each group's size drawn from 1 to 12: many
  /// groups share a count. Returns the file and each group's count.
  private func survey() -> (text: String, counts: [String: Int]) {
    var generator = SplitMix64(state: 7)
    var text = "id,g,score\n"
    var counts: [String: Int] = [:]
    var id = 0
    for group in 0..<400 {
      let name = groupName(group)
      let size = Int(generator.next() % 12) + 1
      for _ in 0..<size {
        text += "\(id),\(name),\(id % 5 + 1)\n"
        id += 1
      }
      counts[name] = size
    }
    return (text, counts)
  }

  private func run(_ statement: String, on text: String) throws -> String {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("groups.csv").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let printed = Printed()
    let session = Session(
      format: .csv, sink: OutputSink(result: { printed.results += $0 }, message: { _ in }))
    #expect(session.load(paths: [path]))
    _ = session.run(script: statement, inputName: "test")
    return printed.results
  }

  @Test func groupsWhoseNumbersOverflowAreCountedByTheirKeys() throws {
    // Four groupings of about 70,000 values each: more groups than 64 bits can number.
    // Row i holds A i, B 7i mod 70,001, C 13i mod 70,003, D 17i mod 70,007; rows 0-4 come
    // again 1-5 more times, so their counts are 2-6 and every other is 1.
    func row(_ i: Int) -> String {
      "A\(i),B\(7 * i % 70_001),C\(13 * i % 70_003),D\(17 * i % 70_007)"
    }
    var text = "a,b,c,d\n"
    for i in 0..<70_000 { text += row(i) + "\n" }
    for i in 0..<5 { for _ in 0...i { text += row(i) + "\n" } }
    let output = try run("count by a, b, c, d top 3", on: text)
    #expect(output == "a,b,c,d,count\n\(row(4)),6\n\(row(3)),5\n\(row(2)),4\n")
    let repeated = try run("count by a, b, c, d having count > 3", on: text)
    // In group order: A2 < A3 < A4.
    #expect(repeated == "a,b,c,d,count\n\(row(2)),4\n\(row(3)),5\n\(row(4)),6\n")
  }

  @Test func havingIsCheckedOverMoreGroupsThanOneBlock() throws {
    // 70,000 groups of one row, more than one block of `having` checks; g69990 comes 4
    // times and g00010 3 times, one in each block.
    var text = "g\n"
    for group in 0..<70_000 { text += "g" + String(format: "%05d", group) + "\n" }
    text += String(repeating: "g69990\n", count: 3) + String(repeating: "g00010\n", count: 2)
    #expect(Evaluator.havingBlock < 70_000)
    let output = try run("count by g top 5 having count >= 2", on: text)
    #expect(output == "g,count\ng69990,4\ng00010,3\n")
  }

  @Test(arguments: [("top", 7), ("bottom", 9), ("top", 1), ("bottom", 400), ("top", 500)])
  func rankedGroupsKeepTiesInGroupOrder(word: String, count: Int) throws {
    let (text, counts) = survey()
    // By count (largest first for top), ties by name, as the groups are ordered.
    let expected = counts.sorted { left, right in
      if left.value != right.value {
        return word == "top" ? left.value > right.value : left.value < right.value
      }
      return left.key < right.key
    }.prefix(count)
    let lines = expected.map { "\($0.key),\($0.value)" }
    let output = try run("count by g \(word) \(count)", on: text)
    #expect(output == "g,count\n" + lines.joined(separator: "\n") + "\n")
  }
}

@Suite struct RadixNumberingTests {
  @Test func groupsAreNumberedInOrderOfFirstAppearance() {
    // Keys with many repeats and some far apart: each gets the number a Dictionary gives.
    var generator = SplitMix64(state: 19)
    var numbering = RadixNumbering()
    var expected: [Int: Int32] = [:]
    for _ in 0..<200_000 {
      let radix =
        generator.next() % 3 == 0
        ? Int(generator.next() % 1_000) : Int(generator.next() % (1 << 40))
      let known = expected[radix] ?? Int32(expected.count)
      expected[radix] = known
      #expect(numbering.number(radix) == known)
    }
    #expect(numbering.count == expected.count)
    for (radix, group) in expected.prefix(1_000) {
      #expect(numbering.group(of: radix) == Int(group))
    }
    // Every key drawn is below 2⁴⁰: this one was never numbered.
    #expect(numbering.group(of: 1 << 41) == nil)
  }
}

@Suite struct FirstInOrderTests {
  @Test func theFirstFewAreThoseASortPutsFirst() {
    // Values from a few levels (many ties) and some missing, ranked as `top` and `bottom`
    // do: by value, missing last, ties by position. Checked against a full sort.
    var generator = SplitMix64(state: 23)
    for total in [0, 1, 2, 7, 100, 1_000] {
      let keys: [Double?] = (0..<total).map { _ in
        generator.next() % 5 == 0 ? nil : Double(generator.next() % 6)
      }
      for top in [true, false] {
        let sorted = keys.indices.sorted { left, right in
          switch (keys[left], keys[right]) {
          case (nil, nil): return left < right
          case (nil, _): return false
          case (_, nil): return true
          case (let a?, let b?): return a != b ? (top ? a > b : a < b) : left < right
          }
        }
        for count in [0, 1, 3, total / 2, total, total + 1] {
          let first = Evaluator.first(count, of: total) { left, right in
            Evaluator.comesFirst(keys[left], keys[right], top: top) ?? (left < right)
          }
          #expect(first.sorted() == sorted.prefix(count).sorted())
        }
      }
    }
  }
}

extension TopManyGroupsTests {
  /// A file `id,g,<column>` of `groups` groups `g000`, `g001`, …: the scores `answers`
  /// draws for each group, or two blank rows when it draws none. Returns the file and, per
  /// group, the ratio `answers` gives with the scores (nil without scores).
  private func groupedSurvey(
    column: String, groups: Int, seed: UInt64,
    answers: (inout SplitMix64) -> (scores: [String], ratio: (Int, Int))?
  ) -> (text: String, ratios: [String: (Int, Int)?]) {
    var generator = SplitMix64(state: seed)
    var text = "id,g,\(column)\n"
    var ratios: [String: (Int, Int)?] = [:]
    var id = 0
    for group in 0..<groups {
      let name = groupName(group)
      let drawn = answers(&generator)
      for score in drawn?.scores ?? ["", ""] {
        text += "\(id),\(name),\(score)\n"
        id += 1
      }
      // Assigning nil would remove the group: a group without answers keeps a nil ratio.
      ratios.updateValue(drawn?.ratio, forKey: name)
    }
    return (text, ratios)
  }

  /// 600 groups of two or four answers (or two blanks), so that their CSAT is 0, 25, 50,
  /// 75 or 100 % exactly, or n/a: many ties. Returns the file and each group's 4s and 5s
  /// over answers (nil without answers).
  private func scoredSurvey() -> (text: String, ratios: [String: (Int, Int)?]) {
    groupedSurvey(column: "csat_score", groups: 600, seed: 11) { generator in
      let n = generator.next() % 7 == 0 ? 0 : (generator.next() % 2 == 0 ? 2 : 4)
      guard n > 0 else { return nil }
      let hits = Int(generator.next() % UInt64(n + 1))
      return ((0..<Int(n)).map { $0 < hits ? "5" : "2" }, (hits, Int(n)))
    }
  }

  @Test(arguments: [("top", 10), ("bottom", 25), ("top", 590), ("bottom", 600)])
  func rankedSharesPutGroupsWithoutAnswersLast(word: String, count: Int) throws {
    try expectRanking("csat", on: scoredSurvey(), word, count)
  }

  /// 500 groups of three or five answers on 0–10 (or two blanks), each a 10, an 8 or a 3,
  /// so that many groups tie on their NPS. Returns the file and each group's promoters minus
  /// detractors over answers (nil without answers).
  private func npsSurvey() -> (text: String, ratios: [String: (Int, Int)?]) {
    groupedSurvey(column: "nps_score", groups: 500, seed: 5) { generator in
      let n = generator.next() % 9 == 0 ? 0 : (generator.next() % 2 == 0 ? 3 : 5)
      guard n > 0 else { return nil }
      var net = 0
      let scores = (0..<Int(n)).map { _ -> String in
        switch generator.next() % 3 {
        case 0:
          net += 1
          return "10"
        case 1: return "8"
        default:
          net -= 1
          return "3"
        }
      }
      return (scores, (net, Int(n)))
    }
  }

  @Test(arguments: [("top", 10), ("bottom", 30), ("top", 480), ("bottom", 500)])
  func rankedNPSPutsGroupsWithoutAnswersLast(word: String, count: Int) throws {
    try expectRanking("nps", on: npsSurvey(), word, count)
  }

  @Test(arguments: [
    ("top", 10, "n >= 5"), ("bottom", 400, "n = 3"), ("top", 7, "g >= \"g450\" and n < 4"),
    ("bottom", 6, "nps > 0 or n > 4"), ("top", 3, "n > 5"),
  ])
  func rankedNPSKeepsOnlyGroupsMeetingHaving(word: String, count: Int, having: String) throws {
    // The same conditions on a group's name and on its net and answers (n).
    let holds: (String, (Int, Int)?) -> Bool
    switch having {
    case "n >= 5": holds = { $1?.1 ?? 0 >= 5 }
    case "n = 3": holds = { $1?.1 == 3 }
    case "n > 5": holds = { $1?.1 ?? 0 > 5 }
    case "nps > 0 or n > 4": holds = { ($1?.0 ?? 0) > 0 || ($1?.1 ?? 0) > 4 }
    default: holds = { $0 >= "g450" && ($1?.1 ?? 0) < 4 }
    }
    let survey = npsSurvey()
    let kept = survey.ratios.filter { holds($0.key, $0.value) }
    try expectRanking("nps", on: (survey.text, kept), word, count, having: having)
  }

  /// Checks that `<metric> by g top|bottom N [having …]` lists the groups of `survey` in the
  /// order of their ratios (``expectedOrder(_:_:_:)``).
  private func expectRanking(
    _ metric: String, on survey: (text: String, ratios: [String: (Int, Int)?]), _ word: String,
    _ count: Int, having: String? = nil
  ) throws {
    let expected = expectedOrder(survey.ratios, word, count)
    let clause = having.map { " having \($0)" } ?? ""
    let output = try run("\(metric) by g \(word) \(count)\(clause)", on: survey.text)
    let names = output.split(separator: "\n").dropFirst().map { String($0.prefix(4)) }
    #expect(names == Array(expected))
  }

  /// The first `count` names, by their ratio (numerator over denominator, compared
  /// multiplied out) highest first for `top` and lowest first for `bottom`, ties by name,
  /// names without a ratio last.
  private func expectedOrder(_ ratios: [String: (Int, Int)?], _ word: String, _ count: Int)
    -> [String]
  {
    let sorted = ratios.sorted { left, right in
      switch (left.value, right.value) {
      case (nil, nil): return left.key < right.key
      case (nil, _): return false
      case (_, nil): return true
      case (let a?, let b?):
        let (x, y) = (a.0 * b.1, b.0 * a.1)
        if x != y { return word == "top" ? x > y : x < y }
        return left.key < right.key
      }
    }
    return sorted.prefix(count).map(\.key)
  }

  /// `g000`, `g001`, …: group names whose text order is their number's.
  private func groupName(_ group: Int) -> String {
    "g" + String(repeating: "0", count: 3 - String(group).count) + String(group)
  }
}
