import Foundation
import Testing

@testable import CSATKit

@Suite struct CalendarTests {
  @Test(arguments: [
    // 1970-01-01 is day 0; 2000-01-01 is 30 years with 7 leap days later: 30 × 365 + 7 = 10957;
    // 2000-03-01 adds January (31) and leap February (29): 11017.
    (CivilDate(year: 1970, month: 1, day: 1), 0),
    (CivilDate(year: 2000, month: 1, day: 1), 10957),
    (CivilDate(year: 2000, month: 3, day: 1), 11017),
    (CivilDate(year: 1969, month: 12, day: 31), -1),
  ])
  func dayNumbers(date: CivilDate, day: Int) {
    #expect(CalendarMath.dayNumber(date) == day)
    #expect(CalendarMath.civilDate(day) == date)
  }

  @Test(arguments: [
    // 2026-01-01 is a Thursday, so week 1 of 2026 starts Monday 2025-12-29; 2026-11-30 is
    // 336 days (48 weeks) later: week 49. A week earlier is week 48.
    (CivilDate(year: 2026, month: 11, day: 30), "2026-W49"),
    (CivilDate(year: 2026, month: 11, day: 23), "2026-W48"),
    (CivilDate(year: 2025, month: 12, day: 29), "2026-W01"),
    // 2024-12-30 is a Monday whose Thursday is 2025-01-02: week 1 of 2025.
    (CivilDate(year: 2024, month: 12, day: 30), "2025-W01"),
    // 2021-01-03 is a Sunday; its week's Thursday is 2020-12-31, and 2020 (a leap year that
    // began on a Wednesday) has 53 weeks.
    (CivilDate(year: 2021, month: 1, day: 3), "2020-W53"),
  ])
  func isoWeekLabels(date: CivilDate, label: String) {
    let ordinal = TimeBucket.ordinal(.week, day: CalendarMath.dayNumber(date))
    #expect(TimeBucket.label(.week, ordinal: ordinal) == label)
  }

  @Test func bucketLabels() {
    let day = CalendarMath.dayNumber(CivilDate(year: 2026, month: 11, day: 30))
    #expect(TimeBucket.label(.day, ordinal: TimeBucket.ordinal(.day, day: day)) == "2026-11-30")
    #expect(TimeBucket.label(.month, ordinal: TimeBucket.ordinal(.month, day: day)) == "2026-11")
    #expect(
      TimeBucket.label(.quarter, ordinal: TimeBucket.ordinal(.quarter, day: day)) == "2026-Q4")
    #expect(TimeBucket.label(.year, ordinal: TimeBucket.ordinal(.year, day: day)) == "2026")
  }

  @Test func monthArithmeticClampsToTheMonthEnd() {
    // 31 March minus one month has no 31 February: the last day, 28 February 2026.
    let date = CalendarMath.addingMonths(-1, to: CivilDate(year: 2026, month: 3, day: 31))
    #expect(date == CivilDate(year: 2026, month: 2, day: 28))
    let leap = CalendarMath.addingMonths(-12, to: CivilDate(year: 2025, month: 2, day: 28))
    #expect(leap == CivilDate(year: 2024, month: 2, day: 28))
    #expect(
      CalendarMath.addingMonths(2, to: CivilDate(year: 2026, month: 12, day: 31))
        == CivilDate(year: 2027, month: 2, day: 28))
  }

  @Test func zoneOffsetsFollowDaylightSaving() throws {
    let zone = try #require(TimeZone(identifier: "America/New_York"))
    let offsets = ZoneOffsets(timeZone: zone, from: 1_700_000_000_000, to: 1_800_000_000_000)
    // 2026-01-15T12:00Z is winter (UTC−5): local 07:00 the same day.
    let winter =
      Int64(CalendarMath.dayNumber(CivilDate(year: 2026, month: 1, day: 15)))
      * 86_400_000 + 12 * 3_600_000
    #expect(offsets.offset(atUTC: winter) == -5 * 3_600_000)
    // 2026-07-15T02:00Z is summer (UTC−4): local 22:00 on 14 July.
    let summer =
      Int64(CalendarMath.dayNumber(CivilDate(year: 2026, month: 7, day: 15)))
      * 86_400_000 + 2 * 3_600_000
    #expect(offsets.offset(atUTC: summer) == -4 * 3_600_000)
    #expect(
      offsets.localDay(summer) == CalendarMath.dayNumber(CivilDate(year: 2026, month: 7, day: 14)))
    // Local midnight of 2026-07-15 is 04:00Z.
    let midnight = offsets.startOfDay(
      CalendarMath.dayNumber(CivilDate(year: 2026, month: 7, day: 15)))
    #expect(midnight == summer + 2 * 3_600_000)
  }
}
