/// A ten-row survey written by hand, with every figure the end-to-end tests expect worked out
/// below, by hand, from the rows themselves.
enum SmallSurvey {
  static let fileName = "survey.csv"

  /// Rows 4 and 9 have no CSAT answer, row 6 no NPS answer, row 4 no wait. Row 10 comes after
  /// the tests' now (2026-11-30 12:00 UTC), so windows leave it out but unwindowed queries
  /// count it. ISO weeks: 11-02 and 11-03 are W45, 11-10/11 W46, 11-17/18 W47, 11-24/25 W48,
  /// 11-30 W49; 2026-11-01 (a Sunday) is in W44.
  static let csv = """
    id,responded_at,rep,product,channel,csat_score,nps_score,followed_up,wait_minutes
    1,2026-11-02T09:00:00Z,Ana,Widget,email,5,10,false,30
    2,2026-11-03T10:30:00Z,Ana,Widget,chat,4,9,true,5
    3,2026-11-10T14:00:00Z,Ana,"Cloud, Pro",chat,2,3,true,12
    4,2026-11-11T08:15:00Z,Bo,Widget,phone,,7,false,
    5,2026-11-17T16:45:00Z,Bo,"Cloud, Pro",email,1,0,false,240
    6,2026-11-18T11:00:00Z,Bo,"Cloud, Pro",web,3,,true,90
    7,2026-11-24T09:30:00Z,Cy,Widget,chat,5,8,false,3
    8,2026-11-25T13:00:00Z,Cy,"Cloud, Pro",phone,4,6,true,20
    9,2026-11-30T10:00:00Z,Cy,Widget,email,,10,false,60
    10,2026-11-30T15:00:00Z,Ana,Widget,chat,5,9,false,8

    """

  // Worked figures (csat = share of 4–5 among CSAT answers; dsat = share of 1–2; nps = % of
  // 9–10 minus % of 0–6 among NPS answers; one decimal, halves away from zero):
  //
  // All rows. CSAT answers (rows 1 2 3 5 6 7 8 10) 5 4 2 1 3 5 4 5: n 8, satisfied 5
  //   (rows 1 2 7 8 10) → 62.5; dissatisfied 2 (rows 3 5) → 25.0.
  //   NPS answers (rows 1 2 3 4 5 7 8 9 10) 10 9 3 7 0 8 6 10 9: n 9, promoters 4 (1 2 9 10),
  //   detractors 3 (3 5 8) → (4 − 3) / 9 = 11.1. count 10.
  //   wait_minutes 30 5 12 240 90 3 20 60 8: n 9, sum 468 → avg 52.0.
  // since 30d = 2026-11-01 00:00 to now: rows 1–9.
  //   CSAT 5 4 2 1 3 5 4: n 7, satisfied 4 → 57.1. NPS 10 9 3 7 0 8 6 10: n 8, 3 − 3 → 0.0.
  // by rep, all rows:
  //   Ana (1 2 3 10): CSAT 5 4 2 5 → 3/4 = 75.0; NPS 10 9 3 9 → (3 − 1)/4 = 50.0.
  //   Bo (4 5 6): CSAT 1 3 → 0/2 = 0.0; NPS 7 0 → (0 − 1)/2 = −50.0.
  //   Cy (7 8 9): CSAT 5 4 → 2/2 = 100.0; NPS 8 6 10 → (1 − 1)/3 = 0.0.
  // by product, all rows: "Cloud, Pro" (3 5 6 8) CSAT 2 1 3 4 → 1/4 = 25.0;
  //   Widget (1 2 4 7 9 10) CSAT 5 4 5 5 → 4/4 = 100.0.
  // nps by week since 30d: W44 none → n 0, n/a; W45 (1 2) 10 9 → 100.0; W46 (3 4) 3 7 →
  //   −50.0; W47 (5 6) 0 → −100.0 (n 1); W48 (7 8) 8 6 → −50.0; W49 (row 9 only) 10 → 100.0.
  // count by channel: chat (2 3 7 10) 4, email (1 5 9) 3, phone (4 8) 2, web (6) 1.
  // avg(wait_minutes) by channel: chat 5 12 3 8 → 7.0; email 30 240 60 → 110.0;
  //   phone 20 (row 4 blank) → 20.0, n 1; web 90 → 90.0.
  // csat where followed_up (2 3 6 8): 4 2 3 4 → 2/4 = 50.0; not followed_up (1 4 5 7 9 10):
  //   5 1 5 5 → 3/4 = 75.0.
  // nps by followed_up: false (1 4 5 7 9 10) 10 7 0 8 10 9 → (3 − 1)/6 = 33.3;
  //   true (2 3 6 8) 9 3 6 → (1 − 2)/3 = −33.3.
  // count by csat_score: 1 → 1, 2 → 1, 3 → 1, 4 → 2 (2 8), 5 → 3 (1 7 10), blank → 2 (4 9).
  // last week = 2026-11-23 to 11-29: rows 7 8, CSAT 5 4 → 100.0, n 2.
  // this month = 2026-11-01 to now: rows 1–9 → count 9.
  // list where nps_score <= 6 and not followed_up since 30d: rows 3 5 8 have NPS ≤ 6; only
  //   row 5 (Bo, 0) was not followed up.
}

/// Sixteen rows whose figures land exactly on a half, to check rounding away from zero.
///
/// CSAT: one 5 and fifteen 3s → 1/16 = 6.25 → 6.3; dsat 0/16 = 0.0. NPS: one 10, two 0s and
/// thirteen 8s → (1 − 2)/16 = −6.25 → −6.3. x: four 1s, twelve 0s → 0.25 → 0.3; y: four −1s
/// → −0.25 → −0.3. Lines end with CRLF. By g (even rows g0, odd rows g1): g0 has the 10, one
/// 0 (row 3) and six 8s → 0.0; g1 has one 0 (row 2) and seven 8s → −1/8 = −12.5.
enum HalfwaySurvey {
  static let fileName = "halves.csv"

  static var csv: String {
    var lines = ["id,answered,csat_score,nps_score,x,y,g"]
    for index in 0..<16 {
      let csat = index == 0 ? 5 : 3
      let nps = index == 0 ? 10 : (index == 1 || index == 2 ? 0 : 8)
      let day = index + 1 < 10 ? "0\(index + 1)" : "\(index + 1)"
      lines.append(
        "\(index + 1),2026-11-\(day)T10:00:00Z,\(csat),\(nps),\(index < 4 ? 1 : 0),"
          + "\(index < 4 ? -1 : 0),g\(index % 2)")
    }
    return lines.joined(separator: "\r\n") + "\r\n"
  }
}
