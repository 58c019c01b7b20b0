/// The survey scale a score column's answers fit, and the few answers left outside it.
///
/// The rule (README "Score scales"): the smallest standard scale, tried in the order 1–5,
/// 0–5, 1–7, 1–10, 0–10, that holds every answer but at most one in 200 (0.5 %). Answers
/// outside it are stray values (a 10 typed into a 1–5 column): they are not respondents,
/// like blanks. A 0 is never left outside a 1–10 scale (a ten-point column with zeros is
/// read as 0–10). When no standard scale fits, the scale is the answers' own range and no
/// answer is left out.
public struct ScaleFit: Sendable, Equatable {
  /// One answer outside the scale: its row (0-based) and value.
  public struct Stray: Sendable, Equatable {
    public var row: Int
    public var value: Double
  }

  public var scale: ClosedRange<Int>
  /// How many answers lie outside `scale`.
  public var outsideCount: Int
  /// The first few of them, in row order.
  public var examples: [Stray]

  /// Standard survey scales, smallest first.
  static let standardScales: [ClosedRange<Int>] = [1...5, 0...5, 1...7, 1...10, 0...10]
  /// At most one answer in this many may lie outside the scale.
  static let strayShare = ColumnSummary.strayShare
  /// How many stray answers a warning shows.
  static let exampleLimit = 3

  /// The fit of whole-number score codes; nil when the column has no answer.
  /// `value` gives the answer of a row, for the examples of answers stored as
  /// ``ScoreCodes/unscorable``.
  static func make(_ codes: ScoreCodes, value: (Int) -> Double = { _ in .nan }) -> ScaleFit? {
    guard let range = codes.range else { return nil }
    let counts = histogram(codes.values)
    let missing = Int(UInt8(bitPattern: ScoreCodes.missing))
    let answers = codes.values.count - counts[missing]
    let count = { (score: Int) in counts[Int(UInt8(bitPattern: Int8(score)))] }
    let allowed = answers / strayShare
    for scale in standardScales {
      if scale == 1...10 && count(0) > 0 { continue }
      let inside = scale.reduce(0) { $0 + count($1) }
      guard answers - inside <= allowed else { continue }
      return ScaleFit(
        scale: scale, outsideCount: answers - inside,
        examples: answers == inside ? [] : strays(codes.values, outside: scale, value: value))
    }
    return ScaleFit(scale: range, outsideCount: 0, examples: [])
  }

  /// How many of `values` hold each byte value, by the value's bit pattern.
  ///
  /// Four tables take turns, one value each: with one, a run of equal scores makes each
  /// count wait for the one before it.
  static func histogram(_ values: ColumnValues<Int8>) -> [Int] {
    var tables = [Int](repeating: 0, count: 4 * 256)
    values.withUnsafeBufferPointer { values in
      tables.withUnsafeMutableBufferPointer { tables in
        var index = 0
        while index + 4 <= values.count {
          for lane in 0..<4 {
            tables[lane * 256 + Int(UInt8(bitPattern: values[index + lane]))] += 1
          }
          index += 4
        }
        for rest in index..<values.count { tables[Int(UInt8(bitPattern: values[rest]))] += 1 }
      }
    }
    return (0..<256).map { tables[$0] + tables[256 + $0] + tables[512 + $0] + tables[768 + $0] }
  }

  /// The first answers outside `scale`, in row order.
  private static func strays(
    _ values: ColumnValues<Int8>, outside scale: ClosedRange<Int>, value: (Int) -> Double
  ) -> [Stray] {
    var found: [Stray] = []
    for (row, code) in values.enumerated()
    where code != ScoreCodes.missing && !scale.contains(Int(code)) {
      let answer = code == ScoreCodes.unscorable ? value(row) : Double(code)
      found.append(Stray(row: row, value: answer))
      if found.count == exampleLimit { break }
    }
    return found
  }

  /// `csat_score: 1 value outside 1–5 left out (row 499: 10)`; nil when none is.
  ///
  /// Rows count the responses from 1, across all loaded files; the header is not a row.
  public func warning(column name: String) -> String? {
    guard outsideCount > 0 else { return nil }
    let values = outsideCount == 1 ? "1 value" : "\(outsideCount) values"
    let shown = examples.map { stray in
      let value =
        stray.value == stray.value.rounded() && abs(stray.value) < 1e15
        ? String(Int(stray.value)) : String(stray.value)
      return "row \(stray.row + 1): \(value)"
    }.joined(separator: ", ")
    let more = outsideCount > examples.count ? ", …" : ""
    return "\(name): \(values) outside \(scale.lowerBound)–\(scale.upperBound) left out "
      + "(\(shown)\(more)); they are not counted as respondents"
  }
}
