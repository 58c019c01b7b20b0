import Foundation
import Testing

@testable import CSATKit

/// The earlier windows of `vs previous` and `vs last year` (grammar.md, "baseline"), with
/// now 2026-11-30 12:00 UTC, a Monday.
@Suite struct BaselineWindowTests {
  let now =
    Int64(CalendarMath.dayNumber(CivilDate(year: 2026, month: 11, day: 30))) * 86_400_000
    + 12 * 3_600_000

  func earlier(_ kind: WindowSyntax.Kind, lastYear: Bool = false) -> ResolvedWindow {
    let zone = ZoneOffsets(timeZone: TimeZone(identifier: "UTC") ?? .current, from: now, to: now)
    return WindowResolver(zone: zone, now: now)
      .earlier(WindowSyntax(kind, range: SourceRange(0, 0)), lastYear: lastYear)
  }

  func day(_ year: Int, _ month: Int, _ day: Int) -> Int {
    CalendarMath.dayNumber(CivilDate(year: year, month: month, day: day))
  }

  @Test func sinceThirtyDaysMovesBackThirtyDaysToTheSameClockTime() {
    // since 30d runs 2026-11-01 00:00 to 11-30 12:00; 30 days earlier: 10-02 00:00 to
    // 10-31 12:00, that instant included.
    let window = earlier(.sinceDuration(30, .day))
    #expect(window.firstDay == day(2026, 10, 2))
    #expect(window.lastDay == day(2026, 10, 31))
    #expect(window.lower == Int64(day(2026, 10, 2)) * 86_400_000)
    #expect(window.upper == Int64(day(2026, 10, 31)) * 86_400_000 + 12 * 3_600_000 + 1)
  }

  @Test(arguments: [
    // this month (11-01 to 11-30 12:00) → 10-01 to 10-30 12:00, a month earlier.
    (WindowSyntax.Kind.this(.month), false, (2026, 10, 1), (2026, 10, 30)),
    // this week (Monday 11-30) → the Monday before, 11-23.
    (.this(.week), false, (2026, 11, 23), (2026, 11, 23)),
    // since 2026-11-21: 10 days, 11-21 … 11-30 → 11-11 … 11-20.
    (.sinceDate(CivilDate(year: 2026, month: 11, day: 21)), false, (2026, 11, 11), (2026, 11, 20)),
    // since 30d vs last year: 2025-11-01 to 2025-11-30 12:00.
    (.sinceDuration(30, .day), true, (2025, 11, 1), (2025, 11, 30)),
    // this week vs last year: 52 weeks (364 days) earlier keeps the Monday: 2025-12-01.
    (.this(.week), true, (2025, 12, 1), (2025, 12, 1)),
  ])
  func windowsEndingNow(
    kind: WindowSyntax.Kind, lastYear: Bool, first: (Int, Int, Int), last: (Int, Int, Int)
  ) {
    let window = earlier(kind, lastYear: lastYear)
    #expect(window.firstDay == day(first.0, first.1, first.2))
    #expect(window.lastDay == day(last.0, last.1, last.2))
    #expect(window.upper == Int64(window.lastDay) * 86_400_000 + 12 * 3_600_000 + 1)
  }

  @Test(arguments: [
    // last month (October) → September.
    (WindowSyntax.Kind.last(.month), false, (2026, 9, 1), (2026, 9, 30)),
    (.during(.quarter(year: 2024, quarter: 3)), false, (2024, 4, 1), (2024, 6, 30)),
    (.during(.quarter(year: 2024, quarter: 3)), true, (2023, 7, 1), (2023, 9, 30)),
    (.during(.quarter(year: 2024, quarter: 1)), false, (2023, 10, 1), (2023, 12, 31)),
    (.during(.year(2024)), false, (2023, 1, 1), (2023, 12, 31)),
    // 2024-W07 is 02-12 … 02-18; W06 is 02-05 … 02-11; 364 days before 02-12 is 2023-02-13,
    // the Monday of 2023-W07.
    (.during(.week(year: 2024, week: 7)), false, (2024, 2, 5), (2024, 2, 11)),
    (.during(.week(year: 2024, week: 7)), true, (2023, 2, 13), (2023, 2, 19)),
    // February 2024 has 29 days; a year earlier, all of February 2023.
    (.during(.month(year: 2024, month: 2)), true, (2023, 2, 1), (2023, 2, 28)),
    (.during(.day(CivilDate(year: 2024, month: 2, day: 29))), true, (2023, 2, 28), (2023, 2, 28)),
    (.during(.day(CivilDate(year: 2024, month: 3, day: 1))), false, (2024, 2, 29), (2024, 2, 29)),
    // between 03-01 and 03-10 is 10 days; the 10 before: 02-20 … 02-29 (a leap year).
    (
      .between(CivilDate(year: 2024, month: 3, day: 1), CivilDate(year: 2024, month: 3, day: 10)),
      false, (2024, 2, 20), (2024, 2, 29)
    ),
    (
      .between(CivilDate(year: 2024, month: 3, day: 1), CivilDate(year: 2024, month: 3, day: 10)),
      true, (2023, 3, 1), (2023, 3, 10)
    ),
  ])
  func wholePeriods(
    kind: WindowSyntax.Kind, lastYear: Bool, first: (Int, Int, Int), last: (Int, Int, Int)
  ) {
    let window = earlier(kind, lastYear: lastYear)
    #expect(window.firstDay == day(first.0, first.1, first.2))
    #expect(window.lastDay == day(last.0, last.1, last.2))
    #expect(window.upper == Int64(window.lastDay + 1) * 86_400_000)
    #expect(!window.endsNow)
  }
}
