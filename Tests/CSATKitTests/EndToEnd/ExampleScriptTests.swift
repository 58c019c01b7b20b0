import Foundation
import Testing

/// The saved scripts in `examples/*.csatq`, run on `examples/responses.csv` as a user would.
///
/// Each must run cleanly (exit 0, results on stdout, no message but the load summary). One
/// query of each is checked against figures computed independently with Python's csv module
/// from examples/responses.csv, with now = 2026-11-30 12:00 UTC (a window `since Nd` runs from
/// midnight N − 1 days before today to now, included; `between A and B` is whole days):
///
/// ```python
/// import csv, datetime as dt
/// from fractions import Fraction as F
/// rows = list(csv.DictReader(open('examples/responses.csv', encoding='utf-8', newline='')))
/// for r in rows: r['t'] = dt.datetime.strptime(r['responded_at'], '%Y-%m-%dT%H:%M:%SZ')
/// NOW = dt.datetime(2026, 11, 30, 12)
/// def r1(x):  # one decimal, halves away from zero
///     n = F(x) * 10; s = -1 if n < 0 else 1; n = abs(n); k = n.numerator // n.denominator
///     k += 1 if n - k >= F(1, 2) else 0; k *= s
///     return ('-' if k < 0 else '') + f'{abs(k)//10}.{abs(k)%10}'
/// def csat(rs):
///     a = [int(r['csat_score']) for r in rs if r['csat_score']]
///     return len(a), r1(F(sum(v >= 4 for v in a), len(a)) * 100)
/// def dsat(rs):
///     a = [int(r['csat_score']) for r in rs if r['csat_score']]
///     return len(a), r1(F(sum(v <= 2 for v in a), len(a)) * 100)
/// def nps(rs):
///     a = [int(r['nps_score']) for r in rs if r['nps_score']]
///     return len(a), r1(F(sum(v >= 9 for v in a) - sum(v <= 6 for v in a), len(a)) * 100)
/// def since(d): return [r for r in rows if dt.datetime.combine(d, dt.time()) <= r['t'] <= NOW]
/// def between(a, b):
///     return [r for r in rows if dt.datetime.combine(a, dt.time()) <= r['t']
///             < dt.datetime.combine(b + dt.timedelta(1), dt.time())]
/// wk = lambda r: '%d-W%02d' % r['t'].isocalendar()[:2]
/// # weekly.csatq, csat, nps by week since 8w (from 2026-10-06)
/// w8 = since(dt.date(2026, 10, 6))
/// for w in ('2026-W43', '2026-W49'):
///     g = [r for r in w8 if wk(r) == w]; print(w, *csat(g), *nps(g))
/// # product-incident.csatq, during the incident
/// cb = [r for r in between(dt.date(2026, 10, 20), dt.date(2026, 11, 9))
///       if r['product'] == 'Cloud Backup, Business']
/// print(*csat(cb))
/// for ch in ('chat', 'email', 'phone', 'web'):
///     print(ch, *dsat([r for r in cb if r['channel'] == ch]))
/// # channels.csatq, since 1y (from 2025-12-01)
/// y1 = since(dt.date(2025, 12, 1))
/// for ch in ('chat', 'email', 'phone', 'web'):
///     g = [r for r in y1 if r['channel'] == ch]
///     m = [int(r['response_time_minutes']) for r in g if r['response_time_minutes']]
///     print(ch, *csat(g), *nps(g), len(m), r1(F(sum(m), len(m))))
/// ```
@Suite struct ExampleScriptTests {
  /// Runs a script in examples/ on responses.csv with a format.
  private func run(_ script: String, format: String) throws -> RunResult {
    try EndToEnd.run(
      ["responses.csv", "--now", EndToEnd.now, "--format", format, "-f", script],
      in: EndToEnd.examples)
  }

  @Test(arguments: [
    "weekly.csatq", "product-incident.csatq", "channels.csatq", "walkthrough.csatq",
  ])
  func scriptRunsCleanly(script: String) throws {
    let result = try run(script, format: "table")

    #expect(!result.figures.isEmpty)
    #expect(result.messages == "")
    #expect(result.status == 0)
  }

  @Test func everyExampleScriptIsTested() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: EndToEnd.examples)
      .filter { $0.hasSuffix(".csatq") }.sorted()

    #expect(
      names == [
        "channels.csatq", "product-incident.csatq", "walkthrough.csatq", "weekly.csatq",
      ])
  }

  @Test func weeklyFigures() throws {
    let result = try run("weekly.csatq", format: "csv")
    let lines = result.figures.split(separator: "\n")

    // Python: 2026-W43 33 54.5 25 4.0 and 2026-W49 2 100.0 2 100.0 (W49 is today only).
    #expect(lines.first == "week,csat_n,csat,nps_n,nps")
    #expect(lines.contains("2026-W43,33,54.5,25,4.0"))
    #expect(lines.contains("2026-W49,2,100.0,2,100.0"))
    #expect(result.status == 0)
  }

  @Test func productIncidentFigures() throws {
    let result = try run("product-incident.csatq", format: "csv")

    // Python: during the incident, n 37, CSAT 32.4; dsat by channel chat 6 50.0,
    // email 10 70.0, phone 17 23.5, web 4 25.0.
    #expect(result.figures.contains("\nn,csat\n37,32.4\n"))
    #expect(
      result.figures.contains(
        "\nchannel,n,dsat\nchat,6,50.0\nemail,10,70.0\nphone,17,23.5\nweb,4,25.0\n"))
    #expect(result.status == 0)
  }

  /// The README's walkthrough. Python, with the helpers above: now =
  /// between(2026-10-20, 2026-11-09), prev = between(2026-09-29, 2026-10-19).
  /// csat: 60 of 98 = 61.2 now, 73 of 96 = 76.0 then; pooled p = 133/194,
  /// z = (60/98 − 73/96) / √(p(1 − p)(1/98 + 1/96)) = −2.22, beyond −1.96: significant.
  /// Cloud Backup, Business: 12 of 37 = 32.4; the rest 48 of 61 = 78.7.
  /// Per interaction type, with s, r in % and missing rates none: Σ (r1 − r0)(s0 + s1)/2/100
  /// = −9.2273 and Σ (s1 − s0)(r0 + r1)/2/100 = −5.5899, adding up to 61.2245 − 76.0417.
  @Test func walkthroughFigures() throws {
    let result = try run("walkthrough.csatq", format: "csv")

    #expect(result.figures.contains("\n98,61.2,96,76.0,-14.8,true\n"))
    #expect(result.figures.contains("\n\"Cloud Backup, Business\",37,32.4,61,78.7,true\n"))
    #expect(
      result.figures.contains(
        "\ntotal,96,98,100.0000,100.0000,76.0417,61.2245,-9.2273,-5.5899,-14.8172\n"))
    #expect(result.status == 0)
  }

  @Test func channelFigures() throws {
    let result = try run("channels.csatq", format: "csv")

    // Python: chat 453 87.9 392 56.1 520 3.7; email 469 64.6 417 15.1 531 570.2;
    // phone 346 82.9 312 48.4 391 12.5; web 226 73.0 206 21.4 249 541.5.
    #expect(
      result.figures.hasPrefix(
        """
        channel,csat_n,csat,nps_n,nps
        chat,453,87.9,392,56.1
        email,469,64.6,417,15.1
        phone,346,82.9,312,48.4
        web,226,73.0,206,21.4
        channel,n,minutes
        email,531,570.2
        web,249,541.5
        phone,391,12.5
        chat,520,3.7

        """))
    #expect(result.status == 0)
  }
}
