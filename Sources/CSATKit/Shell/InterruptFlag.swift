import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Set when the user presses Ctrl-C, so a long query can stop and the prompt come back.
///
/// `installHandler` replaces the default action of SIGINT (ending the process) with a
/// handler that only raises this flag. It is installed without `SA_RESTART`, so a blocking
/// `read` (and libedit's `el_gets`) returns with `EINTR` and the caller sees the interrupt.
package enum InterruptFlag {
  private static let flag = Atomic<Bool>(false)

  /// Whether Ctrl-C was pressed since the flag was last cleared.
  package static var isRaised: Bool {
    flag.load(ordering: .relaxed)
  }

  /// Raises the flag; safe to call from a signal handler.
  package static func raise() {
    flag.store(true, ordering: .relaxed)
  }

  /// Clears the flag and says whether it was raised.
  @discardableResult
  package static func take() -> Bool {
    flag.exchange(false, ordering: .relaxed)
  }

  /// Installs the SIGINT handler; false if `sigaction` failed.
  @discardableResult
  package static func installHandler() -> Bool {
    // Initialise the flag now: a lazy global must not be first touched in a signal handler.
    take()

    var action = sigaction()
    #if canImport(Glibc)
      action.__sigaction_handler.sa_handler = { _ in InterruptFlag.raise() }
    #else
      action.__sigaction_u.__sa_handler = { _ in InterruptFlag.raise() }
    #endif
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0  // no SA_RESTART: blocking reads return EINTR
    return sigaction(SIGINT, &action, nil) == 0
  }

  /// Puts back the default action of SIGINT.
  package static func removeHandler() {
    signal(SIGINT, SIG_DFL)
  }
}
