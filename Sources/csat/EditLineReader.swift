import CLibEdit
import CSATKit

#if canImport(Glibc)
  import Glibc
#endif

/// Reads lines on a terminal with libedit: emacs keys, history recall and Tab completion.
///
/// - Ctrl-C clears the line: `readLine` returns `.interrupted` and never exits.
/// - Ctrl-D on an empty line returns `.endOfInput`.
/// - Up and Down recall statements, from this session and from the history file.
/// - Tab completes the word before the cursor from `completionCandidates`.
///
/// Invisible parts of a prompt (colour escapes) must sit between two `\u{1}` characters,
/// or libedit counts them as columns. Call `close()` before exiting to restore the
/// terminal; `deinit` does it too.
final class EditLineReader: LineReader {
  /// The words Tab may complete to, given the text before the cursor: keywords, field
  /// names, meta-commands.
  var completionCandidates: (String) -> [String] = { _ in [] }

  private var editLine: OpaquePointer?
  private var editHistory: OpaquePointer?
  private var event = HistEvent()
  /// The prompt as a C string; libedit asks for it again at every redraw.
  fileprivate private(set) var prompt: UnsafeMutablePointer<CChar>? = strdup("")
  /// The history file; nil when there is none or after it failed once.
  private var historyFile: History?

  /// A reader on standard input and output, with the entries of `historyFile` to recall.
  ///
  /// Sets the C library's character type locale (libedit drops non-ASCII input in the "C"
  /// locale) and installs the SIGINT handler of `InterruptFlag`. Nil if libedit cannot
  /// start.
  init?(historyFile: History?, historySize: Int = 1000) {
    Self.setCharacterLocale()
    InterruptFlag.installHandler()

    guard let editLine = el_init("csat", csat_stdin(), csat_stdout(), csat_stderr()),
      let editHistory = history_init()
    else { return nil }
    self.editLine = editLine
    self.editHistory = editHistory

    csat_history_set_int(editHistory, &event, H_SETSIZE, Int32(historySize))
    csat_history_set_int(editHistory, &event, H_SETUNIQUE, 1)
    csat_el_set_history(editLine, editHistory)
    csat_el_set_string(editLine, EL_EDITOR, "emacs")
    csat_el_set_int(editLine, EL_SIGNAL, 1)
    csat_el_set_prompt(editLine, promptCallback, 1)
    csat_el_set_client_data(editLine, Unmanaged.passUnretained(self).toOpaque())
    csat_el_add_function(editLine, "csat-complete", "complete the word", completeCallback)
    csat_el_bind(editLine, "\t", "csat-complete")
    csat_el_add_function(
      editLine, "csat-delete-previous", "delete the character before the cursor",
      deletePreviousCallback)
    csat_el_bind(editLine, "\u{7F}", "csat-delete-previous")
    csat_el_bind(editLine, "\u{08}", "csat-delete-previous")

    self.historyFile = historyFile
    if var file = historyFile {
      do {
        for entry in try file.load() {
          csat_history_enter(editHistory, &event, entry)
        }
        self.historyFile = file
      } catch {
        reportHistoryFailure(error)
      }
    }
  }

  deinit {
    close()
  }

  /// Restores the terminal and frees libedit; the reader cannot be used afterwards.
  func close() {
    if let editLine {
      csat_el_set_int(editLine, EL_EDITMODE, 0)
      el_end(editLine)
      self.editLine = nil
    }
    if let editHistory {
      history_end(editHistory)
      self.editHistory = nil
    }
    free(prompt)
    prompt = nil
  }

  // MARK: - Reading

  func readLine(prompt: String) -> LineReadResult {
    guard let editLine else { return .endOfInput }

    free(self.prompt)
    self.prompt = strdup(prompt)
    InterruptFlag.take()
    var count: Int32 = 0
    errno = 0
    guard let buffer = el_gets(editLine, &count), count > 0 else {
      // Count -1 with EINTR is Ctrl-C (the handler also raised the flag); 0 is Ctrl-D.
      let interrupted = (count < 0 && errno == EINTR) || InterruptFlag.isRaised
      InterruptFlag.take()
      // Either way, what follows goes on a fresh line.
      fputs("\n", csat_stdout())
      return interrupted ? .interrupted : .endOfInput
    }

    // libedit reuses the buffer: copy it now, without the line feed it ends with.
    var bytes = UnsafeRawBufferPointer(start: buffer, count: strlen(buffer))[...]
    if bytes.last == 0x0A {
      bytes = bytes.dropLast()
    }
    return .line(String(decoding: bytes, as: UTF8.self))
  }

  func addHistory(_ entry: String) {
    guard let editHistory, entry.contains(where: { !$0.isWhitespace }) else { return }

    csat_history_enter(editHistory, &event, entry)
    do {
      try historyFile?.append(entry)
    } catch {
      reportHistoryFailure(error)
    }
  }

  /// Warns once on standard error and stops writing the history file.
  private func reportHistoryFailure(_ error: HistoryError) {
    fputs("csat: warning: \(error.message); history will not be saved\n", csat_stderr())
    historyFile = nil
  }

  // MARK: - Callbacks

  /// The reader that owns `editLine`, through `EL_CLIENTDATA`.
  fileprivate static func reader(of editLine: OpaquePointer?) -> EditLineReader? {
    guard let editLine, let data = csat_el_get_client_data(editLine) else { return nil }
    return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue()
  }

  /// The text of the line before the cursor.
  private static func textBeforeCursor(_ editLine: OpaquePointer) -> String? {
    guard let info = el_line(editLine),
      let start = UnsafeRawPointer(info.pointee.buffer),
      let cursor = UnsafeRawPointer(info.pointee.cursor)
    else { return nil }

    let bytes = UnsafeRawBufferPointer(start: start, count: cursor - start)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Completes the word before the cursor; returns a libedit `CC_*` code.
  fileprivate func complete(_ editLine: OpaquePointer) -> UInt8 {
    guard let before = Self.textBeforeCursor(editLine) else { return UInt8(CC_ERROR) }

    guard
      let outcome = Completion.complete(
        textBeforeCursor: before, candidates: completionCandidates(before))
    else { return UInt8(CC_REFRESH_BEEP) }

    if !outcome.choices.isEmpty {
      let width = TerminalFacts.windowColumns(STDOUT_FILENO) ?? 80
      fputs("\n" + Completion.listing(outcome.choices, width: width), csat_stdout())
      return UInt8(CC_REDISPLAY)
    }
    if outcome.deleteCount > 0 {
      el_deletestr(editLine, Int32(outcome.deleteCount))
    }
    guard el_insertstr(editLine, outcome.insertion) == 0 else { return UInt8(CC_ERROR) }
    return UInt8(CC_REFRESH)
  }

  /// Backspace by grapheme cluster: libedit alone deletes one scalar, which would leave
  /// half of an emoji sequence or a base letter without its accent.
  fileprivate static func deletePrevious(_ editLine: OpaquePointer) -> UInt8 {
    guard let last = textBeforeCursor(editLine)?.last else { return UInt8(CC_ERROR) }

    el_deletestr(editLine, Int32(last.unicodeScalars.count))
    return UInt8(CC_REFRESH)
  }

  // MARK: - Locale

  /// `setlocale(LC_CTYPE, "")`, falling back to C.UTF-8 when the environment says C or POSIX,
  /// so that libedit reads UTF-8 input by character.
  private static func setCharacterLocale() {
    let chosen = setlocale(LC_CTYPE, "").map { String(cString: $0) }
    if chosen == nil || chosen == "C" || chosen == "POSIX" {
      _ = setlocale(LC_CTYPE, "C.UTF-8")
    }
  }
}

/// libedit asks for the prompt through this function.
private func promptCallback(_ editLine: OpaquePointer?) -> UnsafeMutablePointer<CChar>? {
  EditLineReader.reader(of: editLine)?.prompt
}

/// libedit calls this when Tab is pressed.
private func completeCallback(_ editLine: OpaquePointer?, _ key: Int32) -> UInt8 {
  guard let editLine, let reader = EditLineReader.reader(of: editLine) else {
    return UInt8(CC_ERROR)
  }
  return reader.complete(editLine)
}

/// libedit calls this for Backspace.
private func deletePreviousCallback(_ editLine: OpaquePointer?, _ key: Int32) -> UInt8 {
  guard let editLine else { return UInt8(CC_ERROR) }
  return EditLineReader.deletePrevious(editLine)
}
