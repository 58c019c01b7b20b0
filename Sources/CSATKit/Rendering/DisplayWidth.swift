/// How many terminal columns text takes, worked out from Unicode scalar properties alone.
///
/// Width is measured per grapheme cluster (a Swift `Character`), so a decomposed `é`, a
/// flag or a family emoji joined with zero-width joiners each count once. The rules, which
/// do not depend on the process locale:
///
/// - a cluster whose scalars are all zero-width (nonspacing and enclosing marks, format
///   characters such as U+200B and U+200D, controls) takes 0 columns;
/// - a cluster that is shown as an emoji (a scalar with Emoji_Presentation, or an emoji
///   followed by the variation selector U+FE0F) takes 2;
/// - a cluster whose first visible scalar is East Asian Wide or Fullwidth takes 2;
/// - anything else takes 1.
public enum DisplayWidth {
  /// The number of terminal columns `text` takes.
  public static func of(_ text: String) -> Int {
    var total = 0
    for character in text {
      total += of(character)
    }
    return total
  }

  /// The number of terminal columns one grapheme cluster takes: 0, 1 or 2.
  public static func of(_ character: Character) -> Int {
    // Fast path: printable ASCII is one column.
    if let ascii = character.asciiValue {
      return (0x20..<0x7F).contains(ascii) ? 1 : 0
    }

    let scalars = character.unicodeScalars
    var base: Unicode.Scalar?
    var isEmoji = false
    for scalar in scalars {
      let properties = scalar.properties
      if properties.isEmojiPresentation {
        isEmoji = true
      } else if scalar.value == 0xFE0F, let first = base, first.properties.isEmoji {
        isEmoji = true
      }
      if base == nil && !isZeroWidth(scalar) {
        base = scalar
      }
    }
    guard let base else { return 0 }

    if isEmoji || isEastAsianWide(base) {
      return 2
    }
    return 1
  }

  /// Whether a scalar takes no column on its own.
  static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format, .control:
      return true
    default:
      // Hangul medial vowels and final consonants join the syllable before them.
      return (0x1160...0x11FF).contains(scalar.value)
    }
  }

  /// Whether a scalar is East Asian Wide (W) or Fullwidth (F) in UAX #11.
  ///
  /// The ranges cover the assigned wide blocks; emoji are handled through their
  /// Emoji_Presentation property instead.
  static func isEastAsianWide(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    var low = 0
    var high = wideRanges.count - 1
    while low <= high {
      let middle = (low + high) / 2
      let range = wideRanges[middle]
      if value < range.lowerBound {
        high = middle - 1
      } else if value > range.upperBound {
        low = middle + 1
      } else {
        return true
      }
    }
    return false
  }

  /// East Asian Wide and Fullwidth ranges, sorted and disjoint.
  private static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F,  // Hangul Jamo initial consonants
    0x2329...0x232A,  // angle brackets
    0x2E80...0x303E,  // CJK radicals, Kangxi radicals, CJK symbols and punctuation
    0x3041...0x33FF,  // kana, Bopomofo, Hangul compatibility Jamo, CJK compatibility
    0x3400...0x4DBF,  // CJK unified ideographs extension A
    0x4E00...0x9FFF,  // CJK unified ideographs
    0xA000...0xA4CF,  // Yi
    0xA960...0xA97F,  // Hangul Jamo extended A
    0xAC00...0xD7A3,  // Hangul syllables
    0xF900...0xFAFF,  // CJK compatibility ideographs
    0xFE10...0xFE19,  // vertical forms
    0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
    0xFF00...0xFF60,  // fullwidth forms
    0xFFE0...0xFFE6,  // fullwidth signs
    0x16FE0...0x16FE4,  // ideographic symbols
    0x17000...0x18CFF,  // Tangut, Khitan
    0x1AFF0...0x1B2FF,  // kana supplement and extensions, Nushu
    0x1F200...0x1F2FF,  // enclosed ideographic supplement
    0x20000...0x2FFFD,  // CJK extensions B to F, compatibility supplement
    0x30000...0x3FFFD,  // CJK extensions G and H
  ]

  // MARK: - Fitting text into columns

  /// `text` cut to at most `width` columns, ending with `…` when something was cut.
  public static func truncate(_ text: String, toWidth width: Int) -> String {
    guard of(text) > width else { return text }
    guard width > 0 else { return "" }

    var result = ""
    var used = 0
    for character in text {
      let characterWidth = of(character)
      if used + characterWidth > width - 1 { break }
      result.append(character)
      used += characterWidth
    }
    return result + "…"
  }

  /// `text` padded with spaces to `width` columns, on the right or on the left.
  public static func pad(_ text: String, toWidth width: Int, alignRight: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - of(text)))
    return alignRight ? padding + text : text + padding
  }
}
