/// A run of bytes inside an `EncodedText` arena.
struct ByteSpan {
  var start: Int32
  var count: Int32
}

/// Every fixed text the generator writes, encoded once as UTF-8 in one contiguous arena.
///
/// Rows are written by copying spans out of the arena, so the hot loop never touches a
/// `String`. Field values are stored ready for CSV (quoted when they need it); comment parts
/// are stored with their quotes doubled but without the surrounding quotes, because a comment
/// is assembled from several parts and quoted as a whole.
struct EncodedText {
  private(set) var bytes: [UInt8] = []

  /// Adds `text` as a complete CSV field, quoted only where RFC 4180 requires it.
  mutating func addField(_ text: String) -> ByteSpan {
    add(EncodedText.csvField(text))
  }

  /// Adds `text` with its double quotes doubled, ready to go between quotes.
  mutating func addEscaped(_ text: String) -> ByteSpan {
    add(EncodedText.doublingQuotes(text))
  }

  /// Adds `text` unchanged.
  mutating func add(_ text: String) -> ByteSpan {
    let start = Int32(bytes.count)
    bytes.append(contentsOf: text.utf8)
    return ByteSpan(start: start, count: Int32(bytes.count) - start)
  }

  /// The text as a CSV field: wrapped in quotes, with quotes doubled, when it holds a comma,
  /// a double quote or a line break; unchanged otherwise.
  static func csvField(_ text: String) -> String {
    needsQuoting(text) ? "\"" + doublingQuotes(text) + "\"" : text
  }

  /// Whether the text must be quoted to survive as one CSV field.
  static func needsQuoting(_ text: String) -> Bool {
    text.utf8.contains { byte in
      byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 10 || byte == 13
    }
  }

  /// The text with each double quote written twice.
  static func doublingQuotes(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
      if character == "\"" { result.append("\"") }
      result.append(character)
    }
    return result
  }
}

/// Picks an index with probability proportional to fixed weights in constant time, by
/// Walker's alias method (built with Vose's stable construction).
///
/// The table splits the range [0, 1) into one equal column per index; each column holds its
/// own index up to `threshold` and another index (`alias`) above it, so one uniform value
/// picks a column and decides between the two without searching.
struct WeightedChoice {
  private(set) var thresholds: [Double]
  private(set) var aliases: [Int]

  init(weights: [Double]) {
    let count = weights.count
    let total = weights.reduce(0, +)
    var scaled = weights.map { $0 * Double(count) / total }
    thresholds = Array(repeating: 1, count: count)
    aliases = Array(0..<count)

    var small = scaled.indices.filter { scaled[$0] < 1 }
    var large = scaled.indices.filter { scaled[$0] >= 1 }
    while let under = small.popLast(), let over = large.last {
      thresholds[under] = scaled[under]
      aliases[under] = over
      scaled[over] -= 1 - scaled[under]
      if scaled[over] < 1 {
        large.removeLast()
        small.append(over)
      }
    }
    // Whatever is left holds (up to rounding) exactly one column: it keeps threshold 1.
  }

  /// The index chosen by `fraction`, a value in [0, 1).
  @inline(__always)
  func index(at fraction: Double) -> Int {
    let scaled = fraction * Double(thresholds.count)
    let column = min(Int(scaled), thresholds.count - 1)
    return scaled - Double(column) < thresholds[column] ? column : aliases[column]
  }
}
