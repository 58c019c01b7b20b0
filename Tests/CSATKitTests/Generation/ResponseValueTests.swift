import Testing

/// Each column holds the values it promises, with blanks only where answers may be missing.
struct ResponseValueTests {
  static let sample = GeneratedSample.twoYears

  @Test(arguments: [
    ("customer_type", ["new", "returning", "enterprise", "smb"]),
    ("channel", ["email", "chat", "phone", "web"]),
    (
      "interaction_type",
      ["purchase", "support", "onboarding", "renewal", "general inquiry", "technical support"]
    ),
    ("followed_up", ["true", "false"]),
  ])
  func categoriesComeFromTheirValueSet(column: String, values: [String]) {
    #expect(Set(Self.sample.column(column)) == Set(values))
  }

  @Test func dimensionsHaveRealisticSizes() {
    #expect(Set(Self.sample.column("product")).count == 40)
    #expect(Set(Self.sample.column("region")).count == 12)
    #expect((150...200).contains(Set(Self.sample.column("rep")).count))
    let reps = Set(Self.sample.column("rep"))
    #expect(reps.contains { $0.contains("'") })
    #expect(reps.contains { $0.unicodeScalars.contains { !$0.isASCII } })
  }

  @Test func scoresAndMinutesAreInRange() {
    let csat = Self.sample.column("csat_score").compactMap(Int.init)
    let nps = Self.sample.column("nps_score").compactMap(Int.init)
    let minutes = Self.sample.column("response_time_minutes")
    #expect(csat.allSatisfy { (1...5).contains($0) })
    #expect(Set(csat).count == 5)
    #expect(nps.allSatisfy { (0...10).contains($0) })
    #expect(Set(nps).count == 11)
    #expect(minutes.allSatisfy { Int($0).map { $0 >= 0 } ?? false })
  }

  @Test func blanksAppearOnlyInAnswerColumns() {
    let rowCount = Double(Self.sample.rows.count)
    func blankShare(_ column: String) -> Double {
      Double(Self.sample.column(column).filter(\.isEmpty).count) / rowCount
    }

    #expect((0.10...0.14).contains(blankShare("csat_score")))
    #expect((0.19...0.25).contains(blankShare("nps_score")))
    #expect((0.50...0.60).contains(blankShare("comment")))
    let alwaysFilled = GeneratedSample.columnNames.filter {
      !["csat_score", "nps_score", "comment"].contains($0)
    }
    for column in alwaysFilled {
      #expect(blankShare(column) == 0, "\(column) has blanks")
    }
  }

  @Test func customerIdsAreSkewedAndKeepTheirAttributes() {
    let ids = Self.sample.column("customer_id")
    #expect(ids.allSatisfy { $0.wholeMatch(of: /CUST-\d{7}/) != nil })

    var counts: [String: Int] = [:]
    var attributes: [String: [String]] = [:]
    for row in Self.sample.rows {
      counts[row[2], default: 0] += 1
      let fixed = [row[3], row[4], row[5]]
      #expect(attributes[row[2], default: fixed] == fixed, "\(row[2]) changed attributes")
      attributes[row[2]] = fixed
    }
    // 20 000 rows over 4000 customers: 5 each on average; the busiest answer far more often.
    #expect(counts.values.max() ?? 0 >= 40)
    #expect(counts.values.filter { $0 == 1 }.count > 100)
  }

  @Test func responseTimesDependOnTheChannel() {
    func median(_ channel: String) -> Int {
      let values = Self.sample.rows(where: "channel") { $0 == channel }.compactMap { Int($0[12]) }
      return values.sorted()[values.count / 2]
    }

    #expect(median("chat") < median("phone"))
    #expect(median("phone") < 60)
    #expect(median("email") > 120)
    #expect(median("web") > 120)
  }
}
