extension StatementParser {
  /// `window`: `since`, `between`, `during`, or `this` / `last`, starting at its keyword.
  mutating func parseWindow() throws(QueryError) -> WindowSyntax {
    let keyword = advance()
    let kind: WindowSyntax.Kind
    switch keyword.kind {
    case .keyword(.since): kind = try parseSince()
    case .keyword(.between): kind = try parseBetween(from: keyword)
    case .keyword(.during): kind = .during(try parsePeriod())
    default:
      let unit = try parseCalendarUnit()
      kind = keyword.kind == .keyword(.this) ? .this(unit) : .last(unit)
    }
    return WindowSyntax(kind, range: SourceRange(keyword.range.start, previousEnd))
  }

  /// `since`, after its keyword: a duration or a date.
  private mutating func parseSince() throws(QueryError) -> WindowSyntax.Kind {
    let token = current
    switch token.kind {
    case .duration:
      let (count, unit) = try durationValue(token)
      advance()
      return .sinceDuration(count, unit)
    case .date:
      let date = try dateValue(token)
      advance()
      return .sinceDate(date)
    default:
      throw unexpected(ParseMessage.sinceTarget)
    }
  }

  /// `between`, after its keyword: two dates joined by `and`, the first not after the second.
  private mutating func parseBetween(from keyword: Token) throws(QueryError) -> WindowSyntax.Kind {
    let startToken = try expect(.date, ParseMessage.date)
    let start = try dateValue(startToken)
    _ = try expect(.and, ParseMessage.quoted("and"))
    let endToken = try expect(.date, ParseMessage.date)
    let end = try dateValue(endToken)
    guard start <= end else {
      let message = ParseMessage.windowReversed(endToken.text, startToken.text)
      throw error(message, at: SourceRange(keyword.range.start, endToken.range.end))
    }
    return .between(start, end)
  }

  /// `during`, after its keyword: a year, a quarter, a month, an ISO week or a day.
  private mutating func parsePeriod() throws(QueryError) -> PeriodLiteral {
    let token = current
    let period: PeriodLiteral
    switch token.kind {
    case .number:
      let digits = Array(token.text.utf8)
      guard digits.count == 4, digits.allSatisfy(\.isASCIIDigit), let year = Int(token.text) else {
        throw unexpected(ParseMessage.period)
      }
      guard year >= 1 else {
        throw error(ParseMessage.invalidPeriod(token.text, ParseMessage.yearRange), at: token.range)
      }
      period = .year(year)
    case .period:
      period = try periodValue(token)
    case .date:
      period = .day(try dateValue(token))
    default:
      throw unexpected(ParseMessage.period)
    }
    advance()
    return period
  }

  /// `calendar_unit`: a plain name `day`, `week`, `month`, `quarter` or `year`, in any case.
  private mutating func parseCalendarUnit() throws(QueryError) -> CalendarUnit {
    guard at(.identifier), let unit = CalendarUnit(rawValue: current.text.lowercased()) else {
      let units = CalendarUnit.allCases.map(\.rawValue)
      let nearest = at(.identifier) ? Suggestions.nearest(to: current.text, in: units) : []
      let message = ParseMessage.expected(
        ParseMessage.calendarUnit, found: ParseMessage.describe(current))
      throw lexicalError()
        ?? error(message, at: current.range, suggestion: nearest.first)
    }
    advance()
    return unit
  }
}
