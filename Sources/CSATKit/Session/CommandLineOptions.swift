/// A command line that cannot be used; the executable exits with status 2.
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { "csat: \(message)\nTry 'csat --help'." }
}

/// What `csat ...` was asked to do.
public struct CommandLineOptions: Sendable, Equatable {
  /// A statement given with `-e` or a script given with `-f`, in command-line order.
  public enum Action: Sendable, Equatable {
    case statement(String)
    case script(String)
  }

  public var files: [String] = []
  public var actions: [Action] = []
  public var format: OutputFormat?
  public var csatColumn: String?
  public var npsColumn: String?
  public var timeColumn: String?
  public var dateOrder: DateOrder?
  public var strict = false
  public var timeZone: String?
  public var now: String?
  public var showHelp = false
  public var showVersion = false
  /// `csat generate --rows N --seed S`
  public var generate: (rows: Int, seed: UInt64)?

  public init() {}

  public static func == (lhs: CommandLineOptions, rhs: CommandLineOptions) -> Bool {
    lhs.files == rhs.files && lhs.actions == rhs.actions && lhs.format == rhs.format
      && lhs.csatColumn == rhs.csatColumn && lhs.npsColumn == rhs.npsColumn
      && lhs.timeColumn == rhs.timeColumn && lhs.dateOrder == rhs.dateOrder
      && lhs.strict == rhs.strict && lhs.timeZone == rhs.timeZone && lhs.now == rhs.now
      && lhs.showHelp == rhs.showHelp && lhs.showVersion == rhs.showVersion
      && lhs.generate?.rows == rhs.generate?.rows && lhs.generate?.seed == rhs.generate?.seed
  }

  public static let usage = """
    usage: csat [FILE...] [options]            open the shell (or read statements from stdin)
           csat FILE... -e STATEMENT [-e ...]  run statements and exit
           csat FILE... -f SCRIPT              run a script of statements and exit
           csat generate --rows N [--seed S]   write generated survey responses as CSV

    options:
      -e, --execute STATEMENT   run a query or meta-command (repeatable)
      -f, --file SCRIPT         run statements from a file (newlines or ';' separate them)
      --format FORMAT           table, csv, json or markdown
      --csat-column NAME        the satisfaction-score column
      --nps-column NAME         the likelihood-to-recommend (0–10) column
      --time-column NAME        the column with each response's time
      --date-format mdy|dmy     how to read dates like 3/4/2024 (default: decided per column)
      --strict                  rows with too few or too many fields are errors
      --tz ZONE                 report time zone (default: $TZ, else UTC)
      --now TIME|latest         fix "now" for time windows, e.g. 2026-11-30T12:00
      -h, --help                show this help
      --version                 show the version

    exit status: 0 ok, 1 query or data error, 2 usage error, 3 a 'check' failed (in -e, -f
    or piped runs, after every statement has run; an error still stops at once with 1)

    """

  /// Reads the arguments after the program name.
  public static func parse(_ arguments: [String]) throws -> CommandLineOptions {
    var options = CommandLineOptions()
    var index = 0
    if arguments.first == "generate" {
      return try parseGenerate(Array(arguments.dropFirst()))
    }
    func value(_ flag: String) throws -> String {
      index += 1
      guard index < arguments.count else { throw UsageError("option '\(flag)' needs a value") }
      return arguments[index]
    }
    var onlyFiles = false
    while index < arguments.count {
      let argument = arguments[index]
      if onlyFiles || !argument.hasPrefix("-") || argument == "-" {
        // `-` is standard input, as for most tools; after `--` it is a file called `-`.
        options.files.append(argument == "-" && !onlyFiles ? "/dev/stdin" : argument)
        index += 1
        continue
      }
      var flag = argument
      var inline: String? = nil
      if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
        flag = String(argument[..<equals])
        inline = String(argument[argument.index(after: equals)...])
      }
      func take() throws -> String {
        if let inline { return inline }
        return try value(flag)
      }
      switch flag {
      case "--": onlyFiles = true
      case "-e", "--execute": options.actions.append(.statement(try take()))
      case "-f", "--file": options.actions.append(.script(try take()))
      case "--format":
        let text = try take()
        guard let format = OutputFormat(rawValue: text.lowercased()) else {
          throw UsageError("unknown format '\(text)'; use table, csv, json or markdown")
        }
        options.format = format
      case "--csat-column": options.csatColumn = try take()
      case "--nps-column": options.npsColumn = try take()
      case "--time-column": options.timeColumn = try take()
      case "--date-format":
        let text = try take()
        guard let order = DateOrder(rawValue: text.lowercased()) else {
          throw UsageError("unknown date format '\(text)'; use mdy or dmy")
        }
        options.dateOrder = order
      case "--strict": options.strict = true
      case "--tz": options.timeZone = try take()
      case "--now": options.now = try take()
      case "-h", "--help": options.showHelp = true
      case "--version": options.showVersion = true
      default:
        let known = [
          "--execute", "--file", "--format", "--csat-column", "--nps-column", "--time-column",
          "--date-format", "--strict", "--tz", "--now", "--help", "--version",
        ]
        let hint = Suggestions.nearest(to: flag, in: known, limit: 1).first
        throw UsageError(
          "unknown option '\(flag)'" + (hint.map { "; did you mean '\($0)'?" } ?? ""))
      }
      index += 1
    }
    return options
  }

  private static func parseGenerate(_ arguments: [String]) throws -> CommandLineOptions {
    var rows: Int?
    var seed: UInt64 = 42
    var index = 0
    while index < arguments.count {
      let flag = arguments[index]
      if flag == "-h" || flag == "--help" {
        var options = CommandLineOptions()
        options.showHelp = true
        return options
      }
      guard index + 1 < arguments.count else {
        throw UsageError("'generate \(flag)' needs a value")
      }
      let text = arguments[index + 1]
      switch flag {
      case "--rows":
        guard let count = Int(text), count >= 0 else {
          throw UsageError("'--rows' needs a whole number, not '\(text)'")
        }
        rows = count
      case "--seed":
        guard let number = UInt64(text) else {
          throw UsageError("'--seed' needs a whole number, not '\(text)'")
        }
        seed = number
      default:
        throw UsageError("unknown option '\(flag)' for 'generate'; use --rows N and --seed S")
      }
      index += 2
    }
    guard let rows else { throw UsageError("'generate' needs '--rows N'") }
    var options = CommandLineOptions()
    options.generate = (rows, seed)
    return options
  }
}
