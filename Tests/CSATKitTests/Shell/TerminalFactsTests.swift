import Glibc
import Testing

@testable import CSATKit

@Suite struct TerminalFactsTests {
  @Test func widthFallsBackToColumnsThenEighty() {
    #expect(TerminalFacts.width(windowColumns: 132, environment: ["COLUMNS": "100"]) == 132)
    #expect(TerminalFacts.width(windowColumns: nil, environment: ["COLUMNS": "100"]) == 100)
    #expect(TerminalFacts.width(windowColumns: 0, environment: ["COLUMNS": "wide"]) == 80)
    #expect(TerminalFacts.width(windowColumns: nil, environment: ["COLUMNS": "-3"]) == 80)
    #expect(TerminalFacts.width(windowColumns: nil, environment: [:]) == 80)
  }

  @Test func aFileIsNotATerminal() {
    let folder = TemporaryFolder()
    defer { folder.remove() }

    folder.write("x", [])
    let descriptor = open(folder.file("x"), O_RDONLY)
    defer { close(descriptor) }
    #expect(TerminalFacts.windowColumns(descriptor) == nil)
  }

  @Test func colourNeedsATerminalAndNoNoColor() {
    let facts = TerminalFacts(
      standardInputIsTerminal: true, standardOutputIsTerminal: true,
      standardErrorIsTerminal: false, width: 80, noColour: false)
    #expect(facts.outputStyle == RenderStyle(colour: true, terminalWidth: 80))
    #expect(!facts.errorColour)

    var quiet = facts
    quiet.noColour = true
    #expect(quiet.outputStyle == RenderStyle(colour: false, terminalWidth: 80))
    #expect(TerminalFacts.current(environment: ["NO_COLOR": "1"]).noColour)
  }

  @Test func sigintRaisesTheFlag() {
    #expect(InterruptFlag.installHandler())
    #expect(!InterruptFlag.isRaised)
    // The test thread may block SIGINT, so signal the process and wait for some thread.
    kill(getpid(), SIGINT)
    var waited = 0
    while !InterruptFlag.isRaised && waited < 2000 {
      usleep(1000)
      waited += 1
    }
    #expect(InterruptFlag.take())
    #expect(!InterruptFlag.isRaised)
    InterruptFlag.removeHandler()
  }
}
