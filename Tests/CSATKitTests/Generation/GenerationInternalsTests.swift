import Testing

@testable import CSATKit

/// The generator's building blocks: day arithmetic, random streams, weighted choice, quoting.
struct GenerationInternalsTests {
  // Day numbers and weekdays computed with Python's datetime module.
  @Test(arguments: [
    (CivilDate(year: 2026, month: 11, day: 30), 20787, 0),
    (CivilDate(year: 2024, month: 12, day: 1), 20058, 6),
    (CivilDate(year: 1970, month: 1, day: 1), 0, 3),
    (CivilDate(year: 2000, month: 2, day: 29), 11016, 1),
    (CivilDate(year: 1969, month: 12, day: 31), -1, 2),
    (CivilDate(year: 2024, month: 2, day: 29), 19782, 3),
    (CivilDate(year: 1600, month: 3, day: 1), -135080, 2),
  ])
  func epochDaysMatchTheCalendar(date: CivilDate, days: Int, weekday: Int) {
    #expect(CalendarMath.dayNumber(date) == days)
    #expect(CalendarMath.civilDate(days) == date)
    #expect(CalendarMath.weekday(days) == weekday)
  }

  @Test func epochDaysRoundTripForFourCenturies() {
    for days in stride(from: -150_000, through: 150_000, by: 7) {
      #expect(CalendarMath.dayNumber(CalendarMath.civilDate(days)) == days)
    }
    #expect(CalendarMath.label(CivilDate(year: 987, month: 3, day: 4)) == "0987-03-04")
  }

  @Test func randomStreamsRepeatAndDiffer() {
    var first = RandomSource(seed: 42, stream: 0)
    var again = RandomSource(seed: 42, stream: 0)
    var other = RandomSource(seed: 42, stream: 1)
    let values = (0..<8).map { _ in first.next() }
    #expect(values == (0..<8).map { _ in again.next() })
    #expect(values != (0..<8).map { _ in other.next() })
  }

  @Test func randomDrawsHaveTheRightShape() {
    var random = RandomSource(seed: 2026)
    let count = 100_000
    let units = (0..<count).map { _ in random.unit() }
    #expect(units.allSatisfy { $0 >= 0 && $0 < 1 })
    #expect(abs(units.reduce(0, +) / Double(count) - 0.5) < 0.01)

    let normals = (0..<count).map { _ in random.gaussian() }
    let mean = normals.reduce(0, +) / Double(count)
    let variance = normals.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(count)
    #expect(abs(mean) < 0.02)
    #expect(abs(variance - 1) < 0.03)

    let picks = (0..<count).map { _ in random.below(6) }
    #expect(Set(picks) == Set(0..<6))
  }

  @Test func weightedChoiceFollowsTheWeights() {
    let weights = [5.0, 1, 0.5, 3.5, 0, 10]
    let choice = WeightedChoice(weights: weights)
    var counts = Array(repeating: 0, count: weights.count)
    let steps = 200_000
    for step in 0..<steps {
      counts[choice.index(at: (Double(step) + 0.5) / Double(steps))] += 1
    }
    let total = weights.reduce(0, +)
    for (index, weight) in weights.enumerated() {
      let expected = Double(steps) * weight / total
      #expect(abs(Double(counts[index]) - expected) <= 2, "index \(index)")
    }
  }

  @Test(arguments: [
    ("Widget Pro", "Widget Pro"),
    ("Cloud Backup, Business", "\"Cloud Backup, Business\""),
    ("Router \"Kestrel\" AX6", "\"Router \"\"Kestrel\"\" AX6\""),
    ("two\nlines", "\"two\nlines\""),
    ("Café POS Terminal", "Café POS Terminal"),
    ("", ""),
  ])
  func fieldsAreQuotedOnlyWhenNeeded(text: String, field: String) {
    #expect(EncodedText.csvField(text) == field)
  }
}
