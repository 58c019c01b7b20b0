import Testing

/// Fixes found by testing, checked through the binary on examples/responses.csv (now =
/// 2026-11-30 12:00 UTC). Expected counts come from Python's csv module:
///
/// ```python
/// import csv, datetime as dt
/// rows = list(csv.DictReader(open('examples/responses.csv', encoding='utf-8', newline='')))
/// for r in rows: r['t'] = dt.datetime.strptime(r['responded_at'], '%Y-%m-%dT%H:%M:%SZ')
/// D = dt.datetime; NOW = D(2026, 11, 30, 12)
/// def win(a, b, incl=True):  # from a to b, b included for windows ending now
///     return [r for r in rows if a <= r['t'] and (r['t'] <= b if incl else r['t'] < b)]
/// len(win(D(2025, 5, 31), NOW)), len(win(D(2024, 5, 31), D(2025, 11, 30, 12)))  # 2375 1302
/// ```
@Suite struct QueryFixesEndToEndTests {
  func run(_ statement: String) throws -> RunResult {
    try EndToEnd.run(
      ["responses.csv", "--now", EndToEnd.now, "--format", "csv", "-e", statement],
      in: EndToEnd.examples)
  }

  @Test(arguments: [
    // since 18mo: 2025-05-31 00:00 to now; a year earlier 2024-05-31 00:00 to 2025-11-30
    // 12:00, overlapping it: win(D(2025,5,31), NOW) = 2375, win(D(2024,5,31),
    // D(2025,11,30,12)) = 1302; change 2375 − 1302 = 1073.
    ("count since 18mo vs last year", "2375,1302,1073"),
    // since 2y: 2024-12-01 to now = 2995; 2023-12-01 to 2025-11-30 12:00 = 1302;
    // 2995 − 1302 = 1693.
    ("count since 2y vs last year", "2995,1302,1693"),
    // Whole days: win(D(2025,6,1), D(2026,12,1), False) = 2378 and win(D(2024,6,1),
    // D(2025,12,1), False) = 1304; 2378 − 1304 = 1074.
    ("count between 2025-06-01 and 2026-11-30 vs last year", "2378,1304,1074"),
    // vs previous: 18 months earlier, just before and not overlapping: 2023-11-30 00:00 to
    // 2025-05-30 12:00 = 618; 2375 − 618 = 1757.
    ("count since 18mo vs previous", "2375,618,1757"),
  ])
  func earlierWindowIsNotShortenedWhenItOverlaps(statement: String, row: String) throws {
    let result = try run(statement)
    #expect(result.stdout == "count,count_previous,count_change\n\(row)\n")
    #expect(result.status == 0)
  }

  @Test func overlappingWindowsPairGroups() throws {
    // Per region of win(D(2024,12,1), NOW) and win(D(2023,12,1), D(2025,11,30,12)); the
    // first three regions alphabetically: DACH 222 and 112, East Asia 247 and 102, France &
    // Benelux 268 and 105.
    let result = try run("count by region since 2y vs last year limit 3")
    #expect(
      result.stdout
        == "region,count,count_previous,count_change\nDACH,222,112,110\n"
        + "East Asia,247,102,145\nFrance & Benelux,268,105,163\n")
  }

  @Test(arguments: [false, true])
  func orderByBucketFollowsTheRanges(descending: Bool) throws {
    // nps_score: 0 → '<1' (2 rows), 1–4 → '1–5' (150), 5–6 → '5–7' (305), 7–10 → '≥7'
    // (1902), blank (641): Counter over rows of the bucket of each nps_score.
    let ranges = ["<1,2", "1–5,150", "5–7,305", "≥7,1902"]
    let order = descending ? " desc" : ""
    let result = try run("count by bucket(nps_score, 1, 5, 7) order by nps_score\(order)")
    let body = (descending ? ranges.reversed() : ranges) + [",641"]
    #expect(result.stdout == "nps_score,count\n" + body.joined(separator: "\n") + "\n")
  }

  @Test func orderByANumberGroupingIsByValue() throws {
    // The four largest response_time_minutes, one response each: 6960, 5116, 4911, 4570
    // (Counter of the column, sorted by value descending); as text "999" would come first.
    let result = try run(
      "count by response_time_minutes order by response_time_minutes desc limit 4")
    #expect(result.stdout == "response_time_minutes,count\n6960,1\n5116,1\n4911,1\n4570,1\n")
  }

  @Test func hugeWindowsListOnlyTheDataYears() throws {
    // The first response is 2024-12-01, so days are listed from 2024-01-01 to today:
    // (date(2026,11,30) − date(2024,1,1)).days + 1 = 1065 rows, plus the header.
    let result = try run("count by day since 3660000d")
    #expect(result.stdout.split(separator: "\n").count == 1066)
    #expect(result.stdout.hasPrefix("day,count\n2024-01-01,0\n"))
    #expect(result.status == 0)
  }

  @Test func tooManyBucketsIsALocatedError() throws {
    // Now at the end of 9999: days from 2024-01-01 (the first response's year) to
    // 9999-12-31: (date(9999,12,31) − date(2024,1,1)).days + 1 = 2913174 > 1000000.
    let result = try EndToEnd.run(
      ["responses.csv", "--now", "9999-12-31", "-e", "count by day since 3660000d"],
      in: EndToEnd.examples)
    #expect(result.status == 1)
    #expect(
      result.messages.contains(
        "-e:1:10: error: 'by day' would list 2913174 buckets here, more than the 1000000"))
  }

  @Test(arguments: ["count since 3660001d", "count since 99999999y", "count by day since 522001w"])
  func tooLongDurationsAreLocatedErrors(statement: String) throws {
    let result = try run(statement)
    let token = statement.split(separator: " ").last.map(String.init) ?? ""
    #expect(result.status == 1)
    #expect(result.messages.contains("error: duration too long: '\(token)'"))
    #expect(result.stdout == "")
  }

  /// Fields named like result columns: `n` and `count`. Rows: n = 1 with CSAT 5 and 3, n = 2
  /// with CSAT 4; count = a for rows 1 and 3, b for row 2.
  static let clashing = "n,csat_score,count\n1,5,a\n2,4,b\n1,3,a\n"

  func runOnClashing(_ statement: String) throws -> RunResult {
    let scratch = Scratch()
    defer { scratch.remove() }
    scratch.write("clash.csv", Self.clashing)
    return try scratch.run("clash.csv", "--format", "csv", "-e", statement)
  }

  @Test func aGroupingNamedNKeepsTheMetricsNApart() throws {
    // n = 1: CSAT 5 and 3 → 1 of 2 satisfied = 50.0; n = 2: CSAT 4 → 1 of 1 = 100.0.
    let plain = try runOnClashing("csat by n")
    #expect(plain.status == 0)
    let lines = plain.stdout.split(separator: "\n").map { $0.split(separator: ",") }
    #expect(lines.first?.prefix(3) == ["n", "csat_n", "csat"])
    #expect(
      lines.dropFirst().map { Array($0.prefix(3)) } == [["1", "2", "50.0"], ["2", "1", "100.0"]])
    let aliased = try runOnClashing("csat as c by n")
    #expect(aliased.status == 0)
    #expect(aliased.stdout.hasPrefix("n,c_n,c,"))
  }

  @Test func renamingAdviceWorksWhenFollowed() throws {
    let clash = try runOnClashing("count by count")
    #expect(clash.status == 1)
    let advice = "note: rename the metric with 'as', e.g. 'count as count_all'"
    #expect(clash.stderr.contains(advice))
    // Following it: count a → rows 1 and 3 = 2, b → row 2 = 1.
    let followed = try runOnClashing("count as count_all by count")
    #expect(followed.stdout == "count,count_all\na,2\nb,1\n")
    #expect(followed.status == 0)
  }

  @Test func everyWeekIsListedForEachProductThatOccurs() throws {
    // 40 products; responses from 2024-12-01 (ISO week starting 2024-11-25) to 2026-11-30
    // 23:44 (week starting 2026-11-30): (2026-11-30 − 2024-11-25) / 7 + 1 = 106 weeks;
    // 40 × 106 = 4240 rows, plus the header.
    let result = try run("count by week, product")
    #expect(result.stdout.split(separator: "\n").count == 4241)
  }

  @Test func emptyBucketsPastTheLimitAreLeftOutWithANote() throws {
    // since 2y: 2024-12-01 to now, 730 days; 587 customers respond in it; 587 × 730 =
    // 428510 rows > 100000, so only the 2986 (day, customer) pairs that occur are listed.
    let result = try run("count by day, customer_id since 2y")
    #expect(result.stdout.split(separator: "\n").count == 2987)
    let table = try EndToEnd.run(
      ["responses.csv", "--now", EndToEnd.now, "-e", "count by day, customer_id since 2y"],
      in: EndToEnd.examples)
    #expect(
      table.stdout.contains(
        "note: empty time buckets are not listed: every bucket for each of the 587 combinations"
          + " of the other groupings that occur would make 428510 rows, more than 100000"))
  }
}
