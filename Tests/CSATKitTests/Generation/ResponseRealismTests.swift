import Testing

/// Satisfaction behaves like a real survey: overall levels, segment differences, the trend,
/// follow-ups and the incident on "Cloud Backup, Business".
struct ResponseRealismTests {
  static let sample = GeneratedSample.twoYears

  @Test func overallScoresAreRealistic() {
    let csat = Self.sample.csatPercent(Self.sample.rows)
    let nps = Self.sample.netPromoterScore(Self.sample.rows)
    #expect((72...88).contains(csat), "CSAT \(csat)")
    #expect((18...42).contains(nps), "NPS \(nps)")
  }

  @Test(arguments: [
    ("channel", "chat", "email"),
    ("interaction_type", "purchase", "technical support"),
    ("customer_type", "returning", "enterprise"),
    ("product", "Training: Admin Basics", "LaserJet Office 500"),
  ])
  func segmentsReallyDiffer(column: String, better: String, worse: String) {
    let high = Self.sample.csatPercent(Self.sample.rows(where: column) { $0 == better })
    let low = Self.sample.csatPercent(Self.sample.rows(where: column) { $0 == worse })
    #expect(high > low + 5, "\(better) \(high) vs \(worse) \(low)")
  }

  @Test func repsDiffer() {
    var byRep: [String: [[String]]] = [:]
    for row in Self.sample.rows { byRep[row[9], default: []].append(row) }
    let scores = byRep.values.filter { $0.count >= 80 }.map { Self.sample.csatPercent($0) }
    #expect((scores.max() ?? 0) - (scores.min() ?? 0) > 20)
  }

  @Test func volumeGrowsOverTheWindow() {
    let firstYear = Self.sample.rows(where: "responded_at") { $0 < "2025-12-01" }.count
    let secondYear = Self.sample.rows.count - firstYear
    #expect(Double(secondYear) > 1.15 * Double(firstYear))
  }

  @Test func weekendsAreQuieter() {
    // Two weekends against the Tuesdays and Wednesdays of the same weeks (weekdays checked
    // with Python's datetime).
    let sample = GeneratedSample.lastSixtyDays
    let weekend = sample.rows(where: "responded_at") {
      ["2026-11-28", "2026-11-29", "2026-11-21", "2026-11-22"].contains(String($0.prefix(10)))
    }.count
    let weekdays = sample.rows(where: "responded_at") {
      ["2026-11-24", "2026-11-25", "2026-11-17", "2026-11-18"].contains(String($0.prefix(10)))
    }.count
    #expect(Double(weekend) < 0.7 * Double(weekdays))
  }

  @Test func unhappyCustomersAreFollowedUpMoreOften() {
    let unhappy = Self.sample.rows(where: "csat_score") { $0 == "1" || $0 == "2" }
    let happy = Self.sample.rows(where: "csat_score") { $0 == "5" }
    func share(_ rows: [[String]]) -> Double {
      Double(rows.filter { $0[13] == "true" }.count) / Double(rows.count)
    }

    #expect(share(unhappy) > share(happy) + 0.3)
  }

  @Test func theIncidentHurtsCloudBackupBusinessOnly() {
    let sample = GeneratedSample.lastSixtyDays
    func during(_ time: String) -> Bool {
      time >= "2026-10-20" && time < "2026-11-10"
    }
    func csat(product: (String) -> Bool, inIncident: Bool) -> Double {
      let rows = sample.rows.filter { product($0[6]) && during($0[1]) == inIncident }
      return sample.csatPercent(rows)
    }

    let hitProduct = { (name: String) in name == "Cloud Backup, Business" }
    let otherProducts = { (name: String) in name != "Cloud Backup, Business" }
    let hitDuring = csat(product: hitProduct, inIncident: true)
    let hitOtherwise = csat(product: hitProduct, inIncident: false)
    #expect(hitDuring < hitOtherwise - 20, "\(hitDuring) vs \(hitOtherwise)")
    let otherDuring = csat(product: otherProducts, inIncident: true)
    let otherOtherwise = csat(product: otherProducts, inIncident: false)
    #expect(abs(otherDuring - otherOtherwise) < 5)
  }

  @Test func theIncidentShowsWeekOverWeek() {
    let sample = GeneratedSample.lastSixtyDays
    let product = sample.rows(where: "product") { $0 == "Cloud Backup, Business" }
    // The weeks starting Monday 2026-10-12 and Monday 2026-10-26.
    let before = product.filter { $0[1] >= "2026-10-12" && $0[1] < "2026-10-19" }
    let during = product.filter { $0[1] >= "2026-10-26" && $0[1] < "2026-11-02" }
    #expect(sample.csatPercent(during) < sample.csatPercent(before) - 20)
  }
}
