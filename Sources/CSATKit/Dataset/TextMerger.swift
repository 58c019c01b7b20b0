/// Joins the per-chunk builders of a text column into its dictionary and its codes, the
/// codes written once, directly at the width the joined dictionary needs (``CodeWidth``).
enum TextMerger {
  /// Joins per-chunk dictionaries, merging values equal under Unicode canonical equivalence.
  ///
  /// The chunks' distinct values are joined by their bytes. A value with any non-ASCII byte
  /// is first decoded and normalised to NFC (once per chunk), so canonically equivalent
  /// spellings and invalid bytes (read as U+FFFD) meet under the same bytes; ASCII is NFC
  /// already. A `String` is made once per distinct value of the whole column.
  ///
  /// Every chunk's values are joined first, so that the width of the codes is known before
  /// any is written; then each chunk's codes go through its table, in place when the chunk's
  /// buffer has the column's width (it is then taken over), else into a copy.
  static func build(
    _ parts: inout [ColumnBuilder], _ rowCounts: [Int], rereads: inout [Int: ColumnBuilder],
    invalidRows: inout [Int: Int]
  ) -> TextColumn {
    // The column has at least as many values as its richest chunk: room for those at once.
    let richest = parts.indices.map { (rereads[$0] ?? parts[$0]).interner?.count ?? 0 }.max()
    // The first chunk's values come first in the column, in the same order, so its interner
    // serves as the column's when none of them changes under NFC: its codes stay as they are.
    let adopted = adoptableInterner(parts.first, rows: rowCounts.first ?? 0, reread: rereads[0])
    if adopted != nil { parts[0].interner = nil }
    var joinedValues = adopted ?? TextInterner(capacity: richest ?? 0)
    defer { joinedValues.release() }
    var sources: [Source] = []
    for index in parts.indices {
      let rows = rowCounts[index]
      let builder = rereads[index] ?? parts[index]
      if index == 0 && adopted != nil {
        sources.append(Source(hasCodes: true, remap: nil))
        continue
      }
      guard rows > 0, builder.kind == .text, let interner = builder.interner,
        builder.codes.count == rows
      else {
        sources.append(Source(hasCodes: false, remap: nil))
        continue
      }
      var firstInvalid: Int?
      let remap = interner.remap(into: &joinedValues, firstInvalid: &firstInvalid)
      if let firstInvalid {
        // Codes are given in order of first appearance, so this row is the chunk's first.
        let codes = builder.codes
        invalidRows[index] = (0..<rows).first { codes.code(at: $0) == UInt32(firstInvalid) }
      }
      sources.append(Source(hasCodes: true, remap: remap))
    }
    // Each chunk's codes are taken from where they are kept, so that no copy of the builder
    // frees them after the column has taken them over.
    func joined<Code: FixedWidthInteger & UnsignedInteger>(_ width: Code.Type) -> ColumnValues<Code>
    {
      let values = ColumnMerger.joined(rowCounts, missing: Code(TextColumn.missingCode)) { index in
        guard sources[index].hasCodes else { return nil }
        let take = { (codes: inout ChunkCodes) -> RawBuffer<Code> in
          guard let remap = sources[index].remap else {
            return codes.take(as: Code.self, through: nil)
          }
          return remap.withUnsafeBufferPointer { codes.take(as: Code.self, through: $0) }
        }
        return rereads[index] != nil ? take(&rereads[index]!.codes) : take(&parts[index].codes)
      }
      return ColumnValues(adopting: values)
    }
    let codes: TextCodes
    switch CodeWidth(entries: joinedValues.count) {
    case .byte: codes = .byte(joined(UInt8.self))
    case .short: codes = .short(joined(UInt16.self))
    case .word: codes = .word(joined(UInt32.self))
    }
    return TextColumn(codes: codes, dictionary: joinedValues.strings())
  }

  /// Joins the per-chunk values of a column that some chunk keeps as bytes, into a column
  /// that keeps them so (``PlainText``) until a query needs its dictionary. Chunks that kept
  /// codes are written out as bytes too, and chunks without text as blanks; the parts taken
  /// over are set to `nil` in `parts` and `rereads`, so that releasing those leaves them.
  ///
  /// `invalidRows` receives, for each chunk with bytes that are not valid UTF-8, the first
  /// row holding such bytes.
  static func buildPlain(
    _ parts: inout [ColumnBuilder], _ rowCounts: [Int], rereads: inout [Int: ColumnBuilder],
    invalidRows: inout [Int: Int]
  ) -> TextColumn {
    var plainParts: [PlainTextPart] = []
    for index in parts.indices {
      let rows = rowCounts[index]
      let builder = rereads[index] ?? parts[index]
      var part = PlainTextPart()
      if let kept = builder.plain, kept.count == rows {
        part = kept
        if rereads[index] != nil { rereads[index]?.plain = nil } else { parts[index].plain = nil }
      } else if builder.kind == .text, builder.plain == nil, let interner = builder.interner,
        builder.codes.count == rows
      {
        part.reserve(rows: rows, bytes: 0)
        part.append(rows, of: builder.codes, from: interner)
      } else {
        part.appendBlanks(rows)
      }
      if let row = part.firstInvalidRow { invalidRows[index] = row }
      plainParts.append(part)
    }
    return TextColumn(plain: PlainText(parts: plainParts))
  }

  /// One chunk's part of the column: whether it has codes (else its rows are blank), and
  /// the table from its codes to the column's (none when they stay as they are).
  private struct Source {
    var hasCodes: Bool
    var remap: [UInt32]?
  }

  /// The interner of a column's first chunk (`first`, of `rows` rows, not read again) when
  /// it can be the column's own: it still has its lookup table, every row has a code, and
  /// no value changes under NFC (so none is invalid UTF-8 either).
  private static func adoptableInterner(
    _ first: ColumnBuilder?, rows: Int, reread: ColumnBuilder?
  ) -> TextInterner? {
    guard let first, reread == nil, rows > 0, first.kind == .text, first.codes.count == rows,
      let interner = first.interner, interner.hasTable, !interner.anyMayChangeUnderNFC
    else { return nil }
    return interner
  }
}
