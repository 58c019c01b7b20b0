import Foundation
import Testing

/// Queries on small CSV files written by the tests, with figures worked out by hand (see
/// `SmallSurvey` and `HalfwaySurvey`), checked through the built binary.
@Suite struct HandMadeDataTests {
  /// Runs one statement on the small survey in a format; returns the whole run.
  private func query(_ statement: String, format: String = "csv") throws -> RunResult {
    let scratch = Scratch()
    defer { scratch.remove() }
    scratch.write(SmallSurvey.fileName, SmallSurvey.csv)
    return try scratch.run(
      SmallSurvey.fileName, "--now", EndToEnd.now, "--format", format, "-e", statement)
  }

  @Test(arguments: [
    ("csat", "n,csat\n8,62.5\n"),
    ("dsat", "n,dsat\n8,25.0\n"),
    ("nps", "n,nps\n9,11.1\n"),
    ("count", "count\n10\n"),
    ("avg(wait_minutes)", "n,avg(wait_minutes)\n9,52.0\n"),
    ("csat since 30d", "n,csat\n7,57.1\n"),
    ("nps since 30d", "n,nps\n8,0.0\n"),
    (
      "csat, nps by rep",
      "rep,csat_n,csat,nps_n,nps\nAna,4,75.0,4,50.0\nBo,2,0.0,2,-50.0\nCy,2,100.0,3,0.0\n"
    ),
    ("csat by product", "product,n,csat\n\"Cloud, Pro\",4,25.0\nWidget,4,100.0\n"),
    ("count by channel", "channel,count\nchat,4\nemail,3\nphone,2\nweb,1\n"),
    (
      "avg(wait_minutes) by channel",
      "channel,n,avg(wait_minutes)\nchat,4,7.0\nemail,3,110.0\nphone,1,20.0\nweb,1,90.0\n"
    ),
    ("csat where followed_up", "n,csat\n4,50.0\n"),
    ("csat where not followed_up", "n,csat\n4,75.0\n"),
    ("nps by followed_up", "followed_up,n,nps\nfalse,6,33.3\ntrue,3,-33.3\n"),
    ("count by csat_score", "csat_score,count\n1,1\n2,1\n3,1\n4,2\n5,3\n,2\n"),
    ("csat last week", "n,csat\n2,100.0\n"),
    ("count this month", "count\n9\n"),
    ("csat by rep having n >= 3", "rep,n,csat\nAna,4,75.0\n"),
    ("csat by rep top 1", "rep,n,csat\nCy,2,100.0\n"),
    ("csat by rep bottom 2", "rep,n,csat\nBo,2,0.0\nAna,4,75.0\n"),
    (
      "csat, nps as score by rep order by score desc",
      "rep,csat_n,csat,score_n,score\nAna,4,75.0,4,50.0\nCy,2,100.0,3,0.0\nBo,2,0.0,2,-50.0\n"
    ),
    (
      "list rep, nps_score where nps_score <= 6 and not followed_up since 30d",
      "rep,nps_score\nBo,0\n"
    ),
  ])
  func csvFigures(statement: String, expected: String) throws {
    let result = try query(statement)

    #expect(result.figures == expected)
    #expect(result.messages == "")
    #expect(result.status == 0)
  }

  /// NPS intervals by week, z = 1.959964: p and d are the promoter and detractor shares,
  /// variance = p + d − (p − d)², bounds = 100·(p − d ± z·√(variance / n)), clipped.
  ///
  /// W45 (10, 9) and W49 (10): p = 1, d = 0 → variance 1 − 1 = 0 → [100.0, 100.0].
  /// W47 (0): p = 0, d = 1 → variance 0 → [−100.0, −100.0].
  /// W46 (3, 7) and W48 (8, 6): p = 0, d = 0.5 → variance 0.5 − 0.25 = 0.25;
  /// √(0.25 / 2) = 0.353553; × 1.959964 = 0.692952 → −0.5 ± 0.692952 = −1.192952 (clipped
  /// to −100.0) and 0.192952 → 19.3. Every week has n < 30, so every low_n is true.
  /// Bands: 100 is above 70, excellent; −50 and −100 are below 0, poor; no figure, none.
  private static let weeklyNPS = [
    ("2026-W44", 0, "null", "null", "null", "null"),
    ("2026-W45", 2, "100.0", "100.0", "100.0", "excellent"),
    ("2026-W46", 2, "-50.0", "-100.0", "19.3", "poor"),
    ("2026-W47", 1, "-100.0", "-100.0", "-100.0", "poor"),
    ("2026-W48", 2, "-50.0", "-100.0", "19.3", "poor"),
    ("2026-W49", 1, "100.0", "100.0", "100.0", "excellent"),
  ]

  @Test func ageWithoutATimeColumnSaysWhatIsMissing() throws {
    let scratch = Scratch()
    defer { scratch.remove() }
    scratch.write("untimed.csv", "rep,csat\nx,4\n")
    let result = try scratch.run("untimed.csv", "-e", "list rep, age")

    #expect(result.status == 1)
    #expect(
      result.stderr.contains(
        "-e:1:11: error: 'age' counts the days since each response, and this data has no time"
          + " column\nlist rep, age\n          ^~~\n"))
  }

  @Test func emptyWeeksAreListedWithNoFigure() throws {
    let result = try query("nps by week since 30d")

    let rows = Self.weeklyNPS.map { week, n, nps, low, high, band in
      [week, String(n), nps, low, high, "true", band].joined(separator: ",")
        .replacing("null", with: "")
    }
    let header = "week,n,nps,nps_low,nps_high,low_n,nps_band"
    #expect(result.stdout == ([header] + rows + [""]).joined(separator: "\n"))
    #expect(result.status == 0)
  }

  @Test func jsonHasNullForNoFigureAndKeepsColumnOrder() throws {
    let result = try query("nps by week since 30d", format: "json")

    let objects = Self.weeklyNPS.map { week, n, nps, low, high, band in
      "  {\"week\": \"\(week)\", \"n\": \(n), \"nps\": \(nps), \"nps_low\": \(low), "
        + "\"nps_high\": \(high), \"low_n\": true, "
        + "\"nps_band\": \(band == "null" ? band : "\"\(band)\"")}"
    }
    #expect(result.stdout == "[\n" + objects.joined(separator: ",\n") + "\n]\n")
    #expect(result.status == 0)
  }

  @Test func jsonParsesWithFoundation() throws {
    let result = try query(
      "list rep, product, followed_up, csat_score where channel = \"phone\"", format: "json")
    let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    let objects = try #require(parsed as? [[String: Any]])

    // Rows 4 (Bo, Widget, not followed up, no CSAT) and 8 (Cy, "Cloud, Pro", followed up, 4).
    try #require(objects.count == 2)
    #expect(objects[0]["rep"] as? String == "Bo")
    #expect(objects[0]["product"] as? String == "Widget")
    #expect(objects[0]["followed_up"] as? Bool == false)
    #expect(objects[0]["csat_score"] is NSNull)
    #expect(objects[1]["product"] as? String == "Cloud, Pro")
    #expect(objects[1]["followed_up"] as? Bool == true)
    #expect((objects[1]["csat_score"] as? NSNumber)?.intValue == 4)
  }

  @Test func jsonForAnEmptyGroupIsNull() throws {
    let result = try query("csat where rep = \"Nobody\"", format: "json")
    let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    let objects = try #require(parsed as? [[String: Any]])

    #expect(objects.count == 1)
    #expect((objects.first?["n"] as? NSNumber)?.intValue == 0)
    #expect(objects.first?["csat"] is NSNull)
    // A value no row has is a warning, not an error.
    #expect(
      result.messages == """
        -e:1:18: warning: no row has rep = "Nobody"
        csat where rep = "Nobody"
                         ^~~~~~~~

        """)
    #expect(result.status == 0)
  }

  @Test func tableOutputIsAligned() throws {
    let result = try query("csat, nps by rep", format: "table")

    // Figures right-aligned, intervals and markers left-aligned, each in a sub-column; the
    // caption spans the data's first to last response (row 10 included: there is no window).
    // Wilson, z = 1.959964, z² = 3.841459; centre = (p + z²/2n) / (1 + z²/n), half-width =
    // z·√(p(1 − p)/n + z²/4n²) / (1 + z²/n):
    //   Ana 3/4: z²/n = 0.960365, divisor 1.960365; centre (0.75 + 0.480182) / 1.960365 =
    //     0.627527; half 1.959964·√(0.046875 + 0.060023) / 1.960365 = 0.326885 →
    //     [30.1, 95.4].
    //   Bo 0/2: z²/n = 1.920729, divisor 2.920729; centre 0.960365 / 2.920729 = 0.328810;
    //     half 1.959964·√(0 + 0.240091) / 2.920729 = 0.328810 → [0.0, 65.8].
    //   Cy 2/2: centre (1 + 0.960365) / 2.920729 = 0.671190; half 0.328810 (as for Bo) →
    //     [34.2, 100.0].
    // NPS, variance = p + d − (p − d)², bounds 100·(p − d ± z·√(variance / n)):
    //   Ana 10 9 3 9: p 0.75, d 0.25 → 1 − 0.25 = 0.75; √(0.75/4) = 0.433013; × z = 0.848689
    //     → [−34.9, 134.9 clipped to 100.0].
    //   Bo 7 0: p 0, d 0.5 → 0.25; √(0.25/2) = 0.353553; × z = 0.692952 → [−100.0, 19.3].
    //   Cy 8 6 10: p = d = 1/3 → 2/3; √(2/9) = 0.471405; × z = 0.923936 → ±92.4.
    // Every n is under 30: all marked. Against the default CSAT target of 80, 75.0 and 0.0
    // miss (✗) and 100.0 meets it (✓); NPS has no target.
    #expect(
      result.stdout == """
        all responses: 2026-11-02 to 2026-11-30 (UTC)
        rep  csat_n  csat                     nps_n  nps
        ───  ──────  ───────────────────────  ─────  ──────────────────────
        Ana       4   75.0 [30.1, 95.4]  * ✗      4   50.0 [-34.9, 100.0] *
        Bo        2    0.0 [0.0, 65.8]   * ✗      2  -50.0 [-100.0, 19.3] *
        Cy        2  100.0 [34.2, 100.0] * ✓      3    0.0 ±92.4          *
        (3 rows)
        * n < 30: too few responses to trust
        ±, [low, high]: 95% confidence interval
        ✓ target met, ✗ target missed ('targets' lists the targets)

        """)
    #expect(result.status == 0)
  }

  @Test func windowedTableHasTheWindowAsCaption() throws {
    let result = try query("count by channel since 7d", format: "table")

    // since 7d = 2026-11-24 00:00 to now: rows 7 (chat), 8 (phone), 9 (email).
    #expect(
      result.stdout == """
        since 7d: 2026-11-24 00:00 to 2026-11-30 12:00 (UTC)
        channel  count
        ───────  ─────
        chat         1
        email        1
        phone        1
        (3 rows)

        """)
  }

  @Test func halvesRoundAwayFromZero() throws {
    let scratch = Scratch()
    defer { scratch.remove() }
    scratch.write(HalfwaySurvey.fileName, HalfwaySurvey.csv)

    let result = try scratch.run(
      HalfwaySurvey.fileName, "--now", EndToEnd.now, "--format", "csv",
      "-e", "csat, dsat, nps, avg(x), avg(y), count", "-e", "nps by g")

    #expect(
      result.figures == """
        csat_n,csat,dsat_n,dsat,nps_n,nps,avg(x)_n,avg(x),avg(y)_n,avg(y),count
        16,6.3,16,0.0,16,-6.3,16,0.3,16,-0.3,16
        g,n,nps
        g0,8,0.0
        g1,8,-12.5

        """)
    #expect(result.messages == "")
    #expect(result.status == 0)
  }

  @Test func reportTimeZoneMovesDaysAndNow() throws {
    let scratch = Scratch()
    defer { scratch.remove() }
    scratch.write(SmallSurvey.fileName, SmallSurvey.csv)

    // Now is 12:00 in New York = 17:00 UTC, so row 10 (15:00 UTC = 10:00 local) is in the
    // window; rows 9 and 10 fall on 11-30 local, nothing on 11-28 or 11-29.
    let result = try scratch.run(
      SmallSurvey.fileName, "--tz", "America/New_York", "--now", EndToEnd.now, "--format",
      "csv", "-e", "count by day since 3d")

    #expect(result.stdout == "day,count\n2026-11-28,0\n2026-11-29,0\n2026-11-30,2\n")
    #expect(result.status == 0)
  }

  @Test func nowLatestIsTheLastResponse() throws {
    let scratch = Scratch()
    defer { scratch.remove() }
    scratch.write(SmallSurvey.fileName, SmallSurvey.csv)

    // The last response is row 10 (2026-11-30 15:00), so today's rows are 9 and 10.
    let result = try scratch.run(
      SmallSurvey.fileName, "--now", "latest", "--format", "csv", "-e", "count since 1d")

    #expect(result.stdout == "count\n2\n")
  }

  @Test func daysFollowDaylightSavingTime() throws {
    let scratch = Scratch()
    defer { scratch.remove() }
    // Paris moves to summer time on 2026-03-29; each row is 30 minutes from a local midnight.
    scratch.write(
      "dst.csv",
      """
      when,csat_score
      2026-03-28T23:30:00+01:00,5
      2026-03-29T00:30:00+01:00,4
      2026-03-29T23:30:00+02:00,1
      2026-03-30T00:30:00+02:00,2

      """)

    let result = try scratch.run(
      "dst.csv", "--tz", "Europe/Paris", "--now", "2026-03-31T12:00", "--format", "csv",
      "-e", "count by day since 4d")

    #expect(
      result.stdout == "day,count\n2026-03-28,1\n2026-03-29,2\n2026-03-30,1\n2026-03-31,0\n")
    #expect(result.status == 0)
  }

  @Test func textIsQuotedEscapedAndMeasuredPerFormat() throws {
    let scratch = Scratch()
    defer { scratch.remove() }
    scratch.write(
      "notes.csv", "name,csat_score,note\nZoë,5,\"say \"\"hi\"\"\nbye\"\n東京,4,\nBob,1,plain\n")

    let csv = try scratch.run("notes.csv", "--format", "csv", "-e", "list name, note")
    let json = try scratch.run("notes.csv", "--format", "json", "-e", "list name, note")
    let table = try scratch.run("notes.csv", "-e", "csat by name")

    #expect(csv.stdout == "name,note\nZoë,\"say \"\"hi\"\"\nbye\"\n東京,\nBob,plain\n")
    #expect(
      json.stdout == """
        [
          {"name": "Zoë", "note": "say \\"hi\\"\\nbye"},
          {"name": "東京", "note": null},
          {"name": "Bob", "note": "plain"}
        ]

        """)
    // 東京 is four columns wide; no time column, so no caption. Bob 1 → 0.0; the others 100.0.
    // n = 1, Wilson with z = 1.959964: z²/n = 3.841459, divisor 4.841459; half-width
    // z·√(0 + 3.841459/4) / 4.841459 = 1.920729 / 4.841459 = 0.396725 for either answer;
    // centre for 0 of 1: 1.920729 / 4.841459 = 0.396725 → [0.0, 79.3]; for 1 of 1:
    // 2.920729 / 4.841459 = 0.603275 → [20.7, 100.0]. n = 1 < 30: all marked. 0.0 misses
    // the default CSAT target of 80 (✗), 100.0 meets it (✓).
    #expect(
      table.stdout == """
        name  n  csat
        ────  ─  ───────────────────────
        Bob   1    0.0 [0.0, 79.3]   * ✗
        Zoë   1  100.0 [20.7, 100.0] * ✓
        東京  1  100.0 [20.7, 100.0] * ✓
        (3 rows)
        * n < 30: too few responses to trust
        ±, [low, high]: 95% confidence interval
        ✓ target met, ✗ target missed ('targets' lists the targets)

        """)
  }
}
