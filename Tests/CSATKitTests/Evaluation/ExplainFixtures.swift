@testable import CSATKit

/// Small datasets for `explain change` and bucketed baselines, built from groups of alike
/// responses so that every figure can be worked out by hand.
enum ExplainFixtures {
  /// `count` responses of one segment on one day at `hour` UTC (09:00 unless said), with a
  /// CSAT (1–5) and an NPS (0–10) score; nil leaves that answer blank.
  struct Group {
    var segment: String
    var day: (Int, Int, Int)
    var csat: Double?
    var nps: Double?
    var count: Int
    var hour = 9

    init(_ segment: String, _ day: (Int, Int, Int), csat: Double?, nps: Double? = nil, _ count: Int)
    {
      self.segment = segment
      self.day = day
      self.csat = csat
      self.nps = nps
      self.count = count
    }
  }

  /// The responses of `groups`, in the order given, with columns segment, csat_score,
  /// nps_score and responded_at.
  static func dataset(_ groups: [Group]) -> Dataset {
    var dictionary = [""]
    var codes: [UInt32] = []
    var csat: [Double] = []
    var nps: [Double] = []
    var times: [Int64] = []
    for group in groups {
      if !dictionary.contains(group.segment) { dictionary.append(group.segment) }
      let code = UInt32(dictionary.firstIndex(of: group.segment) ?? 0)
      for _ in 0..<group.count {
        codes.append(code)
        csat.append(group.csat ?? .nan)
        nps.append(group.nps ?? .nan)
        times.append(Fixtures.instant(group.day.0, group.day.1, group.day.2, group.hour, 0))
      }
    }
    let columns = [
      Column(name: "segment", data: .text(TextColumn(codes: codes, dictionary: dictionary))),
      Column(name: "csat_score", data: .number(NumberColumn(values: csat))),
      Column(name: "nps_score", data: .number(NumberColumn(values: nps))),
      Column(name: "responded_at", data: .timestamp(TimestampColumn(values: times))),
    ]
    return Dataset(
      columns: columns, rowCount: codes.count, roles: Roles(csat: 1, nps: 2, time: 3),
      sources: ["explain fixture"])
  }

  /// Runs statements on `groups` with now 2026-11-30 12:00 UTC; returns stdout and stderr.
  static func run(
    _ script: String, _ groups: [Group], format: OutputFormat = .csv
  ) -> (output: String, messages: String, outcome: StatementOutcome) {
    let output = Collected()
    let messages = Collected()
    let session = Session(
      settings: QuerySettings(now: .fixed(Fixtures.now)), format: format,
      sink: OutputSink(result: output.append, message: messages.append))
    session.use(dataset(groups))
    let outcome = session.run(script: script, inputName: "test")
    return (output.text, messages.text, outcome)
  }
}
