import Glibc
import Testing

@testable import CSATKit

@Suite("a column's values, taken over from the chunks' buffers")
struct ColumnValuesTests {
  /// A buffer of `count` values, value `i` being `first + i` (as the element type holds it).
  private func filled<Element: FixedWidthInteger & BitwiseCopyable>(_ count: Int, from first: Int)
    -> RawBuffer<Element>
  {
    var buffer = RawBuffer<Element>(capacity: count)
    for index in 0..<count { buffer.append(Element(truncatingIfNeeded: first + index)) }
    return buffer
  }

  /// Whether `buffer` holds `first + i` at each index `i` of `range`.
  private func holds<Element: FixedWidthInteger & BitwiseCopyable>(
    _ buffer: RawBuffer<Element>, _ range: Range<Int>, from first: Int
  ) -> Bool {
    range.allSatisfy { buffer.pointer[$0] == Element(truncatingIfNeeded: first + $0) }
  }

  /// Absorbs buffers of `counts` values one after another, numbered on from each other, and
  /// checks every value, also after fresh buffers took the memory the parts gave up.
  private func joinsInOrder<Element: FixedWidthInteger & BitwiseCopyable>(
    _ counts: [Int], _ type: Element.Type
  ) {
    var joined = RawBuffer<Element>()
    defer { joined.release() }
    var total = 0
    for count in counts {
      var part: RawBuffer<Element> = filled(count, from: total)
      joined.absorb(&part)
      #expect(part.count == 0 && part.base == nil)
      total += count
    }
    #expect(joined.count == total)
    #expect(holds(joined, 0..<total, from: 0))
    // New mappings may land where the parts' pages were: writing them must leave the
    // joined values as they are.
    var others = counts.map { filled($0, from: 7) as RawBuffer<Element> }
    for index in others.indices { others[index].release() }
    #expect(holds(joined, 0..<total, from: 0))
    // The joined buffer still grows and appends as any other.
    for index in total..<total + 70_000 { joined.append(Element(truncatingIfNeeded: index)) }
    #expect(holds(joined, 0..<total + 70_000, from: 0))
  }

  @Test(arguments: [
    // Values of eight bytes: parts of whole pages, of part of a page, of one value, and a
    // part below the size from which buffers have pages of their own (1 MB).
    [200_000, 300_001, 131_072, 1, 250_000],
    [131_072, 131_072, 131_073],
    [10, 200_000, 50_000, 200_000],
    [0, 200_000, 0, 200_000],
  ])
  func absorbedWideValuesFollowInOrder(counts: [Int]) {
    joinsInOrder(counts, Int64.self)
  }

  @Test(arguments: [
    // Single bytes: from a million on, buffers have pages of their own.
    [1_500_000, 2_000_001, 1_048_576, 5],
    [3, 1_200_000],
  ])
  func absorbedBytesFollowInOrder(counts: [Int]) {
    joinsInOrder(counts, UInt8.self)
  }

  @Test func absorbingMovesPagesRatherThanCopyingThem() {
    // Two buffers of 16 MB, written already. Copying the second would fault in its 4,096
    // fresh pages; moving its pages needs none.
    var first: RawBuffer<Int64> = filled(2_000_003, from: 0)
    var second: RawBuffer<Int64> = filled(2_000_000, from: 2_000_003)
    defer { first.release() }
    let before = threadPageFaults()
    first.absorb(&second)
    let faults = threadPageFaults() - before
    #expect(faults < 256, "absorbing faulted in \(faults) pages")
    #expect(holds(first, 0..<4_000_003, from: 0))
  }

  @Test func growingABufferOfItsOwnPagesMovesThemRatherThanCopyingThem() {
    // 16 MB written, the buffer full: one more value doubles it. Copying would fault in
    // about 4,000 fresh pages; moving the pages to a larger mapping needs none.
    var buffer = RawBuffer<Int64>(capacity: 2_000_000)
    defer { buffer.release() }
    let full = buffer.capacity
    for index in 0..<full { buffer.append(Int64(index)) }
    let before = threadPageFaults()
    buffer.append(Int64(full))
    let faults = threadPageFaults() - before
    #expect(buffer.capacity >= 2 * full)
    #expect(faults < 256, "growing faulted in \(faults) pages")
    #expect(holds(buffer, 0..<full + 1, from: 0))
  }

  @Test func joiningChunksWhoseSecondFitsInTheFirstsRoomStillMovesEveryPage() {
    // The first chunk has room for the second (as a chunk reserves more rows than it
    // reads), whose pages then land inside the first's mapping; the third does not fit.
    // Growing the joined buffer only then would copy all 34 MB, about 8,000 page faults.
    let counts = [2_000_003, 200_000, 2_000_000]
    var parts: [RawBuffer<Int64>] = [RawBuffer(capacity: 2_500_000)]
    for index in 0..<counts[0] { parts[0].append(Int64(index)) }
    parts.append(filled(counts[1], from: counts[0]))
    parts.append(filled(counts[2], from: counts[0] + counts[1]))
    let before = threadPageFaults()
    var joined = ColumnMerger.joined(counts, missing: -1) { parts[$0].take() }
    defer { joined.release() }
    let faults = threadPageFaults() - before
    #expect(faults < 512, "joining faulted in \(faults) pages")
    #expect(joined.count == counts.reduce(0, +))
    #expect(holds(joined, 0..<joined.count, from: 0))
  }

  /// The minor page faults of the calling thread so far.
  private func threadPageFaults() -> Int {
    var usage = rusage()
    // RUSAGE_THREAD, which Swift's Glibc module does not name.
    _ = getrusage(__rusage_who_t(1), &usage)
    return usage.ru_minflt
  }

  @Test func valuesTakeOverABufferAndReadAsACollection() {
    var buffer: RawBuffer<Int32> = filled(300_000, from: -5)
    buffer.append(Int32.min)
    let values = ColumnValues(adopting: buffer)
    #expect(values.count == 300_001)
    #expect(values[0] == -5 && values[299_999] == 299_994 && values[300_000] == Int32.min)
    let sum = values.withUnsafeBufferPointer { $0.dropLast().reduce(0) { $0 + Int($1) } }
    // −5 + −4 + … + 299,994: 300,000 values averaging 149,994.5.
    #expect(sum == 44_998_350_000)
    #expect(Array(values.prefix(3)) == [-5, -4, -3])
  }

  @Test func valuesFromArraysCompareByContent() {
    let values: ColumnValues<UInt16> = [3, 1, 2]
    #expect(values == ColumnValues([3, 1, 2]))
    #expect(values != ColumnValues([3, 1]))
    #expect(values != ColumnValues([3, 1, 4]))
    let empty = ColumnValues<UInt16>([])
    #expect(empty.isEmpty && empty.withUnsafeBufferPointer { $0.count } == 0)
    let written = ColumnValues<Int8>(count: 4) { $0.initialize(repeating: 9, count: 4) }
    #expect(Array(written) == [9, 9, 9, 9])
  }
}
