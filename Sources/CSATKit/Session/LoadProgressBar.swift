import Dispatch
import Foundation

/// A bar on standard error that shows how far a long load has read, drawn from a thread
/// of its own while the loader works.
///
/// Nothing is drawn during the first second, so quick loads stay quiet; afterwards the line
/// is drawn again ten times a second and wiped when the load ends, before any message.
/// Only a terminal gets it: the caller checks that standard error is one.
final class LoadProgressBar: @unchecked Sendable {
  /// How long a load runs before the bar appears, and how often it is drawn after that.
  static let delay = 1.0
  static let interval = 0.1
  /// The characters between the brackets.
  static let width = 30

  private let progress: LoadProgress
  private let stopping = DispatchSemaphore(value: 0)
  private let stopped = DispatchSemaphore(value: 0)

  init(progress: LoadProgress) {
    self.progress = progress
  }

  /// The line for `fraction` (0 to 1) of the load read: a bar of `width` characters and the
  /// percentage, whole percents rounded down.
  static func line(fraction: Double, width: Int = LoadProgressBar.width) -> String {
    let share = min(1, max(0, fraction))
    let filled = Int(share * Double(width))
    let head = filled < width ? ">" + String(repeating: " ", count: width - filled - 1) : ""
    let percent = String(Int(share * 100))
    let padded = String(repeating: " ", count: 3 - percent.count) + percent
    return "loading [" + String(repeating: "=", count: filled) + head + "] " + padded + "%"
  }

  /// Starts the drawing thread.
  func start() {
    let thread = Thread { [self] in
      var drawn = 0
      if stopping.wait(timeout: .now() + LoadProgressBar.delay) == .timedOut {
        repeat {
          let line = LoadProgressBar.line(fraction: progress.fraction)
          write("\r" + line)
          drawn = line.count
        } while stopping.wait(timeout: .now() + LoadProgressBar.interval) == .timedOut
      }
      if drawn > 0 { write("\r" + String(repeating: " ", count: drawn) + "\r") }
      stopped.signal()
    }
    thread.start()
  }

  /// Stops drawing and wipes the bar; returns once it is gone.
  func stop() {
    stopping.signal()
    stopped.wait()
  }

  private func write(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}

extension Session {
  /// Runs `load` with the load options, drawing a progress bar meanwhile when
  /// ``showsLoadProgress`` is set.
  func withLoadProgress<Result>(
    _ options: LoadOptions, _ load: (LoadOptions) throws -> Result
  ) rethrows -> Result {
    guard showsLoadProgress else { return try load(options) }
    var options = options
    let progress = LoadProgress()
    options.progress = progress
    let bar = LoadProgressBar(progress: progress)
    bar.start()
    defer { bar.stop() }
    return try load(options)
  }
}
