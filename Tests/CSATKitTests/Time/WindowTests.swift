import Foundation
import Testing

@testable import CSATKit

@Suite struct WindowTests {
  /// Now is 2026-11-30T12:00Z, a Monday, in UTC.
  let now =
    Int64(CalendarMath.dayNumber(CivilDate(year: 2026, month: 11, day: 30))) * 86_400_000
    + 12 * 3_600_000

  func resolve(_ kind: WindowSyntax.Kind, zone: String = "UTC") throws -> ResolvedWindow {
    let timeZone = try #require(TimeZone(identifier: zone))
    let offsets = ZoneOffsets(timeZone: timeZone, from: now, to: now)
    return WindowResolver(zone: offsets, now: now)
      .resolve(WindowSyntax(kind, range: SourceRange(0, 0)), text: "")
  }

  func day(_ year: Int, _ month: Int, _ day: Int) -> Int {
    CalendarMath.dayNumber(CivilDate(year: year, month: month, day: day))
  }

  @Test(arguments: [
    // From the issue: with today 2026-11-30, since 30d starts 2026-11-01 (30 days, today
    // included), since 6mo 2026-05-31 (30 May + 1 day), since 1y 2025-12-01.
    (WindowSyntax.Kind.sinceDuration(30, .day), 2026, 11, 1),
    (.sinceDuration(1, .day), 2026, 11, 30),
    (.sinceDuration(6, .month), 2026, 5, 31),
    (.sinceDuration(1, .year), 2025, 12, 1),
    // 2 weeks = 14 days: 2026-11-17 … 2026-11-30.
    (.sinceDuration(2, .week), 2026, 11, 17),
    (.sinceDate(CivilDate(year: 2024, month: 1, day: 1)), 2024, 1, 1),
    (.this(.week), 2026, 11, 30),
    (.this(.quarter), 2026, 10, 1),
    (.this(.year), 2026, 1, 1),
  ])
  func windowsEndingNow(kind: WindowSyntax.Kind, year: Int, month: Int, first: Int) throws {
    let window = try resolve(kind)
    #expect(window.firstDay == day(year, month, first))
    #expect(window.lower == Int64(day(year, month, first)) * 86_400_000)
    #expect(window.upper == now + 1)
    #expect(window.lastDay == day(2026, 11, 30))
  }

  @Test(arguments: [
    (WindowSyntax.Kind.last(.month), (2026, 10, 1), (2026, 10, 31)),
    // Today is Monday 30 November, so last week is Monday 23 to Sunday 29 November.
    (.last(.week), (2026, 11, 23), (2026, 11, 29)),
    (.last(.quarter), (2026, 7, 1), (2026, 9, 30)),
    (.last(.year), (2025, 1, 1), (2025, 12, 31)),
    (.last(.day), (2026, 11, 29), (2026, 11, 29)),
    (.during(.quarter(year: 2024, quarter: 3)), (2024, 7, 1), (2024, 9, 30)),
    (.during(.month(year: 2024, month: 2)), (2024, 2, 1), (2024, 2, 29)),
    (.during(.year(2024)), (2024, 1, 1), (2024, 12, 31)),
    (.during(.week(year: 2026, week: 1)), (2025, 12, 29), (2026, 1, 4)),
    (
      .between(CivilDate(year: 2024, month: 1, day: 1), CivilDate(year: 2024, month: 3, day: 31)),
      (2024, 1, 1), (2024, 3, 31)
    ),
  ])
  func wholePeriods(kind: WindowSyntax.Kind, first: (Int, Int, Int), last: (Int, Int, Int))
    throws
  {
    let window = try resolve(kind)
    #expect(window.firstDay == day(first.0, first.1, first.2))
    #expect(window.lastDay == day(last.0, last.1, last.2))
    // Both days included: the window ends at the midnight after the last day.
    #expect(window.upper == Int64(day(last.0, last.1, last.2) + 1) * 86_400_000)
  }

  @Test func daysAreCutInTheReportTimeZone() throws {
    // In Tokyo (UTC+9, no daylight saving) now is 2026-11-30 21:00, so since 30d starts at
    // local midnight of 2026-11-01, which is 2026-10-31T15:00Z.
    let window = try resolve(.sinceDuration(30, .day), zone: "Asia/Tokyo")
    #expect(window.lower == Int64(day(2026, 10, 31)) * 86_400_000 + 15 * 3_600_000)
  }
}
