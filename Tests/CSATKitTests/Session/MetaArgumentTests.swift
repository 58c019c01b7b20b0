import Testing

@testable import CSATKit

/// Meta-commands refuse words they do not take; a comment alone is no statement.
@Suite struct MetaArgumentTests {
  @Test func quitWithAnExtraWordIsRefusedWithACaret() {
    let result = Fixtures.run(".quit extra")
    #expect(result.outcome == .failure)
    // `.quit extra`: the word starts at byte 6 (column 7) and is 5 bytes long.
    #expect(
      result.messages
        == "test:1:7: error: '.quit' takes no arguments, but got 'extra'\n.quit extra\n"
        + "      ^~~~~\n")
  }

  @Test(arguments: [".help me", ".fields all", ".exit now"])
  func commandsWithoutArgumentsRefuseOne(_ statement: String) {
    #expect(Fixtures.run(statement).outcome == .failure)
  }

  @Test func aOneWordSettingRefusesASecond() {
    let result = Fixtures.run(".set tz UTC Europe/Paris")
    #expect(result.outcome == .failure)
    #expect(
      result.messages.contains("'.set tz' takes one value; 'Europe/Paris' is one too many"))
  }

  @Test func aCommentAloneRunsNothing() {
    // grammar.md "Statements and lines": a comment-only script or -e has no statement.
    let result = Fixtures.run("# nothing but a comment\n-- and another")
    #expect(result.outcome == .success)
    #expect(result.output.isEmpty && result.messages.isEmpty)
  }
}
