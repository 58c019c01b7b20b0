import Testing

@testable import CSATKit

@Suite("load progress bar")
struct LoadProgressBarTests {
  @Test func emptyHalfAndFullBars() {
    let spaces = { (count: Int) in String(repeating: " ", count: count) }
    let signs = { (count: Int) in String(repeating: "=", count: count) }
    // 0 of 30 filled: the head then 29 spaces.
    #expect(LoadProgressBar.line(fraction: 0) == "loading [>" + spaces(29) + "]   0%")
    // 0.5 × 30 = 15 filled, the head, 30 − 15 − 1 = 14 spaces.
    #expect(
      LoadProgressBar.line(fraction: 0.5) == "loading [" + signs(15) + ">" + spaces(14) + "]  50%")
    // 0.999 × 30 = 29.97, so 29 filled and the head; 99.9 % shows as 99.
    #expect(LoadProgressBar.line(fraction: 0.999) == "loading [" + signs(29) + ">]  99%")
    #expect(LoadProgressBar.line(fraction: 1) == "loading [" + signs(30) + "] 100%")
    // Out of range is clamped.
    #expect(LoadProgressBar.line(fraction: 1.7) == LoadProgressBar.line(fraction: 1))
  }

  @Test func aShortWidthStillShowsTheHead() {
    // 0.25 × 4 = 1 filled, the head, 4 − 1 − 1 = 2 spaces.
    #expect(LoadProgressBar.line(fraction: 0.25, width: 4) == "loading [=>  ]  25%")
  }

  @Test(arguments: [false, true])
  func theLoaderGetsProgressOnlyWhenTheBarIsWanted(wanted: Bool) {
    let session = Session()
    session.showsLoadProgress = wanted
    // The closure runs at once, well inside the bar's first second: nothing is drawn.
    let given = session.withLoadProgress(LoadOptions()) { $0.progress != nil }
    #expect(given == wanted)
  }
}
