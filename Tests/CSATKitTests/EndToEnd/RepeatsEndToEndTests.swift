import Foundation
import Testing

/// `.set repeats first|latest|all` and `.set customer` through the built binary, on small
/// files with repeated customers; every figure is worked out below from the rows.
@Suite struct RepeatsEndToEndTests {
  /// Rows (file order): 1 A Ann 01-01 csat 1 nps 0; 2 A Bob 01-05 5 10; 3 B Ann 01-03 2 3;
  /// 4 B Ann 01-03 (same time as 3) 4 9; 5 blank Bob 01-02 3 5; 6 blank Bob 01-04 5 8;
  /// 7 C Bob 01-06 no csat, nps 7. All at 10:00 UTC in January 2026.
  ///
  /// first: A → row 1, B → row 3 (tie: earlier in the file), C → row 7, and rows 5 and 6
  /// (blank customer: each its own). latest: A → row 2, B → row 4 (tie: later in the file),
  /// C → row 7, rows 5 and 6.
  static let csv = """
    responded_at,customer_id,rep,csat_score,nps_score
    2026-01-01T10:00:00Z,A,Ann,1,0
    2026-01-05T10:00:00Z,A,Bob,5,10
    2026-01-03T10:00:00Z,B,Ann,2,3
    2026-01-03T10:00:00Z,B,Ann,4,9
    2026-01-02T10:00:00Z,,Bob,3,5
    2026-01-04T10:00:00Z,,Bob,5,8
    2026-01-06T10:00:00Z,C,Bob,,7

    """

  private func run(
    _ statements: [String], file: String = "repeats.csv", text: String = csv
  ) throws -> RunResult {
    let scratch = Scratch()
    defer { scratch.remove() }
    scratch.write(file, text)
    return try scratch.run(
      arguments: [file, "--now", "2026-01-06T12:00Z", "--format", "csv"]
        + statements.flatMap { ["-e", $0] })
  }

  @Test func groupedFiguresCountOneResponsePerCustomer() throws {
    let statement = "csat, nps, count by rep"
    // all: Ann rows 1 3 4: csat 1 2 4 → 1/3 = 33.3; nps 0 3 9 → (1 − 2)/3 = −33.3; count 3.
    //   Bob rows 2 5 6 7: csat 5 3 5 → 2/3 = 66.7; nps 10 5 8 7 → (1 − 1)/4 = 0.0; count 4.
    // first: Ann rows 1 3: csat 1 2 → 0.0; nps 0 3 → −100.0; count 2.
    //   Bob rows 5 6 7: csat 3 5 → 1/2 = 50.0; nps 5 8 7 → (0 − 1)/3 = −33.3; count 3.
    // latest: Ann row 4: csat 4 → 100.0; nps 9 → 100.0; count 1.
    //   Bob rows 2 5 6 7: as in all.
    let result = try run(
      [statement, ".set repeats first", statement, ".set repeats latest", statement])
    let header = "rep,csat_n,csat,nps_n,nps,count\n"

    #expect(
      result.figures
        == header + "Ann,3,33.3,3,-33.3,3\nBob,3,66.7,4,0.0,4\n"
        + header + "Ann,2,0.0,2,-100.0,2\nBob,2,50.0,3,-33.3,3\n"
        + header + "Ann,1,100.0,1,100.0,1\nBob,3,66.7,4,0.0,4\n")
    #expect(result.status == 0)
  }

  @Test func whereComesBeforeCollapsing() throws {
    // Bob's rows 2 5 6 7 first, then one per customer: A's first among them is row 2 (its
    // row 1 is Ann's). csat 5 3 5 → 2/3 = 66.7.
    let result = try run([".set repeats first", "csat where rep = \"Bob\""])

    #expect(result.figures == "n,csat\n3,66.7\n")
  }

  @Test func listShowsTheResponsesThatCount() throws {
    let result = try run([
      ".set repeats first", "list customer_id, csat_score", ".set repeats latest",
      "list customer_id, csat_score",
    ])

    #expect(
      result.figures
        == "customer_id,csat_score\nA,1\nB,2\n,3\n,5\nC,\n"
        + "customer_id,csat_score\nA,5\nB,4\n,3\n,5\nC,\n")
  }

  /// since 3d: 01-04 00:00 to 01-06 12:00, rows 2 6 7; first of each: all three.
  /// csat 5 5 → 100.0, n 2; count 3. The 3 days before (01-01 00:00 to 01-03 12:00): rows
  /// 1 3 4 5, deduplicated within that window: A → 1, B → 3, row 5: csat 1 2 3 → 0.0, n 3;
  /// count 3. A counts in both windows: each window has its own first. Change +100 points;
  /// pooled p = 2/5: z = 1 / √(0.4 × 0.6 × (1/2 + 1/3)) = 1/√0.2 = 2.24 > 1.96.
  @Test func eachBaselineWindowIsCollapsedOnItsOwn() throws {
    let result = try run([".set repeats first", "csat, count since 3d vs previous"])

    #expect(
      result.figures
        == "csat_n,csat,csat_n_previous,csat_previous,csat_change,csat_significant,"
        + "count,count_previous,count_change\n2,100.0,3,0.0,100.0,true,3,3,0\n")
  }

  /// latest: rows 2 4 5 6 7: csat 5 4 3 5 → 3/4 = 75.0, n 4.
  @Test func checksAndTargetsCountOneResponsePerCustomer() throws {
    let scratch = Scratch()
    defer { scratch.remove() }
    scratch.write("repeats.csv", Self.csv)
    let result = try scratch.run(
      "repeats.csv", "--now", "2026-01-06T12:00Z", "-e", ".set repeats latest", "-e",
      "check csat >= 80")

    #expect(
      result.stdout
        == "failed: csat 75.0 >= 80 (n = 4, repeats: each customer's latest response "
        + "(customer_id))\n")
    #expect(result.status == 3)
  }

  /// As above, since 3d: rows 2 6 7 (Bob), csat 5 5 → 100, n 2; before: rows 1 3 (Ann, csat
  /// 1 2 → 0, n 2) and 5 (Bob, 3 → 0, n 1). Shares then 2/3 and 1/3, now 0 and 1. Bob:
  /// rate effect (100 − 0)·(1/3 + 1)/2 = 66.6667, mix effect (1 − 1/3)·(0 + 100)/2 = 33.3333;
  /// Ann: no respondents now, so her rate then stands for now: both effects 0.
  @Test func explainCollapsesEachWindow() throws {
    let result = try run([
      ".set repeats first", "explain change in csat by rep since 3d vs previous",
    ])

    #expect(
      result.stdout
        == "rep,n_previous,n,share_previous,share,csat_previous,csat,rate_effect,mix_effect,"
        + "change\nAnn,2,0,66.6667,0.0000,0.0000,,0.0000,0.0000,0.0000\n"
        + "Bob,1,2,33.3333,100.0000,0.0000,100.0000,66.6667,33.3333,100.0000\n"
        + "total,3,2,100.0000,100.0000,0.0000,100.0000,66.6667,33.3333,100.0000\n")
  }

  /// latest: rows 2 4 5 6 7. csat 5 4 3 5 → 75.0 (n 4), 5 points short of the default 80;
  /// nps 10 9 5 8 7 → promoters 2, detractors 1: (2 − 1)/5 = 20.0, fair.
  @Test func targetsCountOneResponsePerCustomer() throws {
    let result = try run([".set repeats latest", "targets"])

    #expect(
      result.stdout
        == "metric,where,target,n,value,met,gap,band\ncsat,,>= 80,4,75.0,false,-5.0,\n"
        + "nps,,,5,20.0,,,fair\n")
  }

  @Test func aCustomerColumnCanBeNamed() throws {
    // Customers are reps now: Ann's first is row 1 (csat 1), Bob's row 5 (csat 3): 0 of 2.
    let result = try run([".set customer rep", ".set repeats first", "csat, count"])

    #expect(result.figures == "csat_n,csat,count\n2,0.0,2\n")
  }

  @Test func aCustomerColumnCanBeNamedInBackQuotes() throws {
    // The same as above, with the name written as in a query.
    let result = try run([".set customer `rep`", ".set repeats first", "csat, count"])

    #expect(result.figures == "csat_n,csat,count\n2,0.0,2\n")
  }

  /// Found by the name `email`. A response without a time loses to one with a time; among
  /// responses without one, the file order decides. first: x → row 2 (2), y → row 3 (4):
  /// 1 of 2 → 50.0. latest: x → row 2 (2), y → row 4 (1): 0 of 2 → 0.0.
  @Test func responsesWithoutATime() throws {
    let text = """
      responded_at,email,csat_score
      ,x@example.com,5
      2026-01-02T00:00:00Z,x@example.com,2
      ,y@example.com,4
      ,y@example.com,1

      """
    let result = try run(
      [".set repeats first", "csat", ".set repeats latest", "csat"], file: "mail.csv",
      text: text)

    #expect(result.figures == "n,csat\n2,50.0\nn,csat\n2,0.0\n")
  }

  @Test func settingsShowTheRepeatsAndTheCustomer() throws {
    let result = try run([".set repeats first", ".set"])

    #expect(result.stdout.contains("repeats,first (each customer's earliest response)\n"))
    #expect(result.stdout.contains("customer,customer_id (found by name)\n"))
  }

  /// On examples/responses.csv, checked with Python's csv module: per customer_id the row
  /// with the least `responded_at` (first; a later row only replaces it when strictly
  /// earlier) or the greatest (latest; a later row replaces it on a tie), every row with a
  /// blank customer; then per channel the rows, the CSAT answers and the share of 4–5.
  @Test(arguments: [
    (
      "first",
      "chat,154,85.1,175\nemail,168,68.5,186\nphone,140,87.9,153\nweb,69,76.8,73\n"
    ),
    (
      "latest",
      "chat,159,88.1,175\nemail,172,62.2,188\nphone,129,80.6,145\nweb,75,73.3,79\n"
    ),
  ])
  func agreesWithPythonOnTheExample(mode: String, expected: String) throws {
    let scratch = Scratch()
    defer { scratch.remove() }
    let result = try scratch.run(
      EndToEnd.examples + "/responses.csv", "--format", "csv", "-e", ".set repeats \(mode)",
      "-e", "csat, count by channel")

    #expect(result.figures == "channel,csat_n,csat,count\n" + expected)
  }

  @Test func fieldsShowTheCustomerColumn() throws {
    let result = try run([".fields", ".set customer rep", ".fields", ".set customer auto", ".set"])
    let fields = result.stdout.split(separator: "\n").filter {
      $0.hasPrefix("customer_id,") || $0.hasPrefix("rep,")
    }

    #expect(
      fields == [
        "customer_id,text,customer,3,2", "rep,text,,2,0", "customer_id,text,,3,2",
        "rep,text,customer,2,0",
      ])
    #expect(result.stdout.hasSuffix("customer,customer_id (found by name)\n"))
  }

  @Test(arguments: [
    (
      "responded_at,rep,csat_score\n2026-01-01T10:00:00Z,Ann,4\n",
      "-e:1: error: '.set repeats first' needs a customer column, and none was found\n"
        + "note: name it with '.set customer FIELD' (a text field such as customer_id or "
        + "email)\n"
    ),
    (
      "customer_id,csat_score\nA,4\n",
      "-e:1: error: '.set repeats first' needs a time column to tell first from latest, "
        + "and this data has none\nnote: name one with '.set time FIELD'\n"
    ),
  ])
  func repeatsNeedACustomerAndATime(text: String, message: String) throws {
    let result = try run([".set repeats first", "csat"], file: "bare.csv", text: text)

    #expect(result.status == 1)
    #expect(result.stdout == "")
    #expect(result.stderr.hasSuffix(message))
  }

  @Test func aCustomerColumnMustBeText() throws {
    let result = try run([".set customer csat_score"])

    #expect(result.status == 1)
    #expect(
      result.stderr.hasSuffix(
        "-e:1: error: 'csat_score' is number, and the customer column must be text\n"))
  }
}
