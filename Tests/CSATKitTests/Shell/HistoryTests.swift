import Glibc
import Testing

@testable import CSATKit

@Suite struct HistoryTests {
  @Test func defaultPathFollowsXDG() {
    #expect(
      History.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/home/a"])
        == "/s/csat/history")
    #expect(History.defaultPath(environment: ["XDG_STATE_HOME": "/s/"]) == "/s/csat/history")
    #expect(
      History.defaultPath(environment: ["XDG_STATE_HOME": "relative", "HOME": "/home/a"])
        == "/home/a/.local/state/csat/history")
    #expect(
      History.defaultPath(environment: ["HOME": "/home/a"]) == "/home/a/.local/state/csat/history")
    #expect(History.defaultPath(environment: [:]) == nil)
  }

  @Test(arguments: [
    ("csat by rep", #"csat by rep"#),
    ("csat\nby rep", #"csat\nby rep"#),
    ("x\r\ny", #"x\r\ny"#),
    (#"where path = "c:\temp""#, #"where path = "c:\\temp""#),
    (#"a\nb"#, #"a\\nb"#),  // a backslash and an n, not a line break
    ("\\", #"\\"#),
  ])
  func escaping(entry: String, line: String) {
    #expect(History.escape(entry) == line)
    #expect(History.unescape(line) == entry)
  }

  @Test func unknownEscapesReadBackAsTheyStand() {
    #expect(History.unescape(#"a\tb"#) == #"a\tb"#)
    #expect(History.unescape(#"end\"#) == #"end\"#)
  }

  @Test func appendCreatesFoldersAndAPrivateFile() throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }

    var history = History(path: folder.file("state/csat/history"))
    try history.append("csat by rep")
    try history.append("nps where comment ~ \"slow\nreply\"")

    #expect(
      folder.read("state/csat/history") == "csat by rep\nnps where comment ~ \"slow\\nreply\"\n")
    #expect(folder.mode("state/csat/history") == 0o600)
    #expect(folder.mode("state/csat") == 0o700)
    #expect(folder.entries("state/csat") == ["history"])
  }

  @Test func appendNarrowsAWiderMode() throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }

    folder.write("history", Array("old\n".utf8), mode: 0o644)
    #expect(folder.mode("history") == 0o644)
    var history = History(path: folder.file("history"))
    try history.append("new")

    #expect(folder.read("history") == "old\nnew\n")
    #expect(folder.mode("history") == 0o600)
  }

  @Test func repeatsAndBlankEntriesAreNotWritten() throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }

    var history = History(path: folder.file("history"))
    for entry in ["a", "a", "b", "  ", "", "a", "a"] {
      try history.append(entry)
    }
    #expect(folder.read("history") == "a\nb\na\n")

    // A new session knows the last entry on file.
    var next = History(path: folder.file("history"))
    #expect(try next.load() == ["a", "b", "a"])
    try next.append("a")
    try next.append("c")
    #expect(folder.read("history") == "a\nb\na\nc\n")
  }

  @Test func loadReturnsTheLastEntriesUnescaped() throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }

    folder.write("history", Array("one\ntwo\\nlines\nthree\nfour \\\\ back\n".utf8))
    var history = History(path: folder.file("history"), capacity: 3)
    #expect(try history.load() == ["two\nlines", "three", "four \\ back"])
  }

  @Test func loadReadsBadUTF8AsReplacement() throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }

    folder.write("history", [0x61, 0xFF, 0x62, 0x0A, 0x63, 0x0A])
    var history = History(path: folder.file("history"))
    #expect(try history.load() == ["a\u{FFFD}b", "c"])
  }

  @Test func missingFileIsAnEmptyHistory() throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }

    var history = History(path: folder.file("none/history"))
    #expect(try history.load() == [])
  }

  @Test func compactionKeepsTheLastEntries() throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }

    var history = History(path: folder.file("history"), capacity: 3)
    for number in 1...6 {
      try history.append("q\(number)")
    }
    // Six lines is exactly twice the capacity: not yet compacted.
    #expect(folder.read("history") == "q1\nq2\nq3\nq4\nq5\nq6\n")

    try history.append("q7\nmore")
    #expect(folder.read("history") == "q5\nq6\nq7\\nmore\n")
    #expect(folder.mode("history") == 0o600)
    #expect(folder.entries() == ["history"])

    // Counting restarts from the compacted file.
    for number in 8...10 {
      try history.append("q\(number)")
    }
    #expect(folder.read("history") == "q5\nq6\nq7\\nmore\nq8\nq9\nq10\n")
    try history.append("q11")
    #expect(folder.read("history") == "q9\nq10\nq11\n")
  }

  @Test func compactionCountsLinesAlreadyOnFile() throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }

    folder.write("history", Array("a\nb\nc\nd\n".utf8), mode: 0o600)
    var history = History(path: folder.file("history"), capacity: 2)
    _ = try history.load()
    try history.append("e")
    #expect(folder.read("history") == "d\ne\n")
  }

  @Test func anUnwritableFolderIsReported() throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }

    folder.write("plain-file", [])
    var history = History(path: folder.file("plain-file/history"))
    #expect(throws: HistoryError.self) { try history.append("x") }
    let error = HistoryError(path: "/p", operation: "mkdir", code: ENOTDIR)
    #expect(error.message == "cannot mkdir history file /p: Not a directory")
  }
}
