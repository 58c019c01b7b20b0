import Foundation
import Testing

@testable import CSATKit

@Suite("timestamps")
struct TimestampTests {
  // Days from 1970-01-01 to 2026-01-01: 56 years × 365 + 14 leap days (1972…2024) = 20,454.
  // 2026-03-14 adds 31 + 28 + 13 = 72 days: day 20,526, so midnight is
  // 20,526 × 86,400 s = 1,773,446,400 s. 09:23:45 adds 33,825 s: 1,773,480,225 s.
  static let midnight: Int64 = 1_773_446_400_000
  static let morning: Int64 = 1_773_480_225_000

  @Test func isoVariantsWithZones() throws {
    let text = """
      at
      2026-03-14
      2026-03-14T09:23:45Z
      2026-03-14T09:23:45+01:00
      2026-03-14T09:23:45+0100
      2026-03-14T09:23:45-05:30
      2026-03-14 09:23
      2026-03-14T09:23:45.5Z
      """
    let values = try loadCSV(text).dataset.timestamps("at")
    #expect(
      values == [
        Self.midnight,
        Self.morning,
        Self.morning - 3_600_000,  // +01:00 is an hour ahead of UTC
        Self.morning - 3_600_000,
        Self.morning + 19_800_000,  // -05:30 is 5.5 h × 3,600 s behind
        Self.morning - 45_000,  // no seconds
        Self.morning + 500,  // .5 s
      ])
  }

  @Test func fractionalSecondsKeepMilliseconds() throws {
    // 2019-01-01 is day 49 × 365 + 12 leap days = 17,897; November adds 304 days: 18,201.
    // 18,201 × 86,400 = 1,572,566,400 s, plus 08:51:12 = 31,872 s, plus 402 ms.
    let values = try loadCSV("at\n2019-11-01 08:51:12.402\n").dataset.timestamps("at")
    #expect(values == [1_572_598_272_402])
  }

  @Test func invalidDatesAreNotTimestamps() throws {
    for bad in ["2026-02-30", "2026-13-01", "31/4/2026", "2026-03-14T25:00"] {
      let dataset = try loadCSV("at\n2026-03-14\n\(bad)\n").dataset
      #expect(try dataset.column("at").type == .text, "\(bad)")
    }
  }

  @Test func dayFirstWhenAFirstFieldExceedsTwelve() throws {
    let result = try loadCSV("at\n1/2/2020\n13/2/2020 10:00\n")
    // 1/2/2020 is 1 February 2020: 2020-01-01 is day 18,262 (50 × 365 + 12), plus 31.
    #expect(try result.dataset.timestamps("at")[0] == 18_293 * 86_400_000)
    #expect(result.warnings.isEmpty)
  }

  @Test func monthFirstWhenASecondFieldExceedsTwelve() throws {
    let result = try loadCSV("at\n1/2/2020\n2/13/2020\n")
    // 1/2/2020 is 2 January 2020: day 18,262 + 1.
    #expect(try result.dataset.timestamps("at")[0] == 18_263 * 86_400_000)
  }

  @Test func bothOrdersMakeText() throws {
    let result = try loadCSV("at\n13/2/2020\n2/13/2020\n")
    #expect(try result.dataset.column("at").type == .text)
    #expect(result.warnings.count == 1)
  }

  @Test func theOrderIsDecidedPerColumn() throws {
    let dataset = try loadCSV("a,b\n1/2/2020,1/2/2020\n13/2/2020,2/13/2020\n").dataset
    #expect(try dataset.timestamps("a")[0] == 18_293 * 86_400_000)
    #expect(try dataset.timestamps("b")[0] == 18_263 * 86_400_000)
  }

  @Test func ambiguousColumnWarnsAndReadsMonthFirst() throws {
    let result = try loadCSV("at\n1/2/2020\n3/4/2020\n")
    #expect(try result.dataset.timestamps("at")[0] == 18_263 * 86_400_000)
    #expect(result.warnings.count == 1)
    #expect(result.warnings[0].message.contains("'at'"))
    #expect(
      result.warnings[0].message.contains("ambiguous")
        || result.warnings[0].message.contains("could be"))
  }

  @Test func dateOrderOptionOverrides() throws {
    let options = LoadOptions(dateOrder: .dayMonth)
    let result = try loadCSV("at\n1/2/2020\n3/4/2020\n", options: options)
    #expect(try result.dataset.timestamps("at")[0] == 18_293 * 86_400_000)
    #expect(result.warnings.isEmpty)
  }

  @Test func otherSeparatorsAndTwelveHourTimes() throws {
    // 13.2.2020 and 13-2-2020 are 13 February 2020: day 18,262 + 31 + 12 = 18,305.
    // 1:05 PM is 13:05, 47,100 s into the day.
    let values = try loadCSV("at\n13.2.2020\n13-2-2020 1:05 PM\n").dataset.timestamps("at")
    let day: Int64 = 18_305 * 86_400_000
    #expect(values == [day, day + 47_100_000])
  }

  @Test func localTimesUseTheReportTimeZone() throws {
    let newYork = try #require(TimeZone(identifier: "America/New_York"))
    let text = "at\n2026-01-15 12:00:00\n2026-07-15 12:00:00\n2026-07-15T12:00:00Z\n"
    let values = try loadCSV(text, options: LoadOptions(timeZone: newYork)).dataset.timestamps("at")
    // 2026-01-15 is day 20,454 + 14 = 20,468; noon EST (UTC−5) is 17:00 UTC.
    // 2026-07-15 is day 20,454 + 181 + 14 = 20,649; noon EDT (UTC−4) is 16:00 UTC.
    let winter: Int64 = (20_468 * 86_400 + 17 * 3_600) * 1000
    let summer: Int64 = (20_649 * 86_400 + 16 * 3_600) * 1000
    let summerUTC: Int64 = (20_649 * 86_400 + 12 * 3_600) * 1000
    #expect(values == [winter, summer, summerUTC])
  }

  @Test func daylightSavingGapAndOverlap() throws {
    let newYork = try #require(TimeZone(identifier: "America/New_York"))
    // 2026-03-08 (second Sunday of March) 02:30 does not exist: read as 03:30 EDT, 07:30 UTC.
    // Day 20,454 + 31 + 28 + 7 = 20,520. 2026-11-01 01:30 happens twice: the first, EDT,
    // is 05:30 UTC; day 20,454 + 304 = 20,758.
    let text = "at\n2026-03-08 02:30\n2026-11-01 01:30\n"
    let values = try loadCSV(text, options: LoadOptions(timeZone: newYork)).dataset.timestamps("at")
    let gap: Int64 = (20_520 * 86_400 + 27_000) * 1000
    let overlap: Int64 = (20_758 * 86_400 + 19_800) * 1000
    #expect(values == [gap, overlap])
  }

  @Test func civilDaysRoundTrip() {
    for days in stride(from: Int64(-800_000), through: 800_000, by: 997) {
      let (year, month, day) = CivilTime.date(fromDays: days)
      #expect(CivilTime.daysSinceEpoch(year, month, day) == days)
    }
  }
}
