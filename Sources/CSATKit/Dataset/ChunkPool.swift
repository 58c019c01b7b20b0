import Synchronization

/// How a load shares its chunks among threads; only tests change the defaults.
struct ChunkSharing: Sendable {
  /// The threads that read chunks, and the chunks planned for each file.
  var workers = ChunkPlanner.workerCount
  /// Bytes a reader reads between two reports of its position (``ChunkPool/advance(_:to:)``),
  /// at which it also drops the pages behind it from memory.
  var stepBytes = 1 << 22
  /// The fewest bytes a chunk must have left, past what its reader may read before its next
  /// report, for an idle thread to take half of them. Smaller pieces cost more in fresh
  /// dictionaries than they save.
  var minimumStealBytes = 1 << 23
}

/// The chunks of a load, handed out to threads until none is left, with the rest of a
/// chunk still being read split off for a thread that has run out of work.
///
/// Chunks of equal size need not take equal time: the other core may be busy with
/// something else, or one part of a file may hold longer rows. Without sharing, the load
/// would wait for the slowest chunk while a core sat idle.
///
/// Splitting is safe because a reader reports its position every ``ChunkSharing/stepBytes``
/// and, until its next report, reads only records that start before its position then plus
/// `stepBytes`. A split point lies beyond that, at a record start, so every record goes to
/// exactly one chunk. The split point is guessed as the planner's are
/// (``ChunkPlanner/likelyRecordStart(_:from:delimiter:fieldCount:)``); should the guess fall
/// inside a quoted field, the loader sees that the chunks do not meet and reads on in order.
final class ChunkPool: Sendable {
  /// One chunk and how far its reading has come.
  private struct Entry {
    var chunk: Chunk
    var started = false
    var finished = false
    /// The position the reader last reported; it reads no record starting at or after
    /// `checkpoint + stepBytes` before reporting again.
    var checkpoint: Int
    var result: ChunkResult?
  }

  private let sources: [SourceFile]
  private let sharing: ChunkSharing
  private let entries: Mutex<[Entry]>

  init(_ chunks: [Chunk], _ sources: [SourceFile], sharing: ChunkSharing) {
    self.sources = sources
    self.sharing = sharing
    entries = Mutex(chunks.map { Entry(chunk: $0, checkpoint: $0.start) })
  }

  /// A chunk to read next, with its number for ``advance(_:to:)`` and ``finish(_:with:)``:
  /// the first not yet started, else the rest of the chunk with the most left to read; `nil`
  /// when there is nothing worth taking.
  func next() -> (number: Int, chunk: Chunk)? {
    // The record start to split at is searched for without the lock, which the readers take
    // at every step; a reader that moved on meanwhile makes the search start again.
    for _ in 0..<4 {
      let waiting = entries.withLock { entries -> (number: Int, chunk: Chunk)? in
        guard let index = entries.firstIndex(where: { !$0.started }) else { return nil }
        entries[index].started = true
        return (index, entries[index].chunk)
      }
      if let waiting { return waiting }
      guard let (donor, chunk, middle) = entries.withLock({ mostLeft($0) }) else { return nil }
      let source = sources[chunk.file]
      let boundary = ChunkPlanner.likelyRecordStart(
        source.buffer, from: middle, delimiter: source.layout.delimiter,
        fieldCount: source.layout.names.count)
      let taken = entries.withLock { entries in
        split(&entries, donor: donor, end: chunk.end, at: boundary)
      }
      if let taken { return taken }
    }
    return nil
  }

  /// Records that the reader of chunk `number` has reached `position`; the chunk's end,
  /// which an idle thread may have moved earlier.
  func advance(_ number: Int, to position: Int) -> Int {
    entries.withLock { entries in
      entries[number].checkpoint = max(entries[number].checkpoint, position)
      return entries[number].chunk.end
    }
  }

  /// Records what reading chunk `number` produced.
  func finish(_ number: Int, with result: ChunkResult) {
    entries.withLock { entries in
      entries[number].finished = true
      entries[number].result = result
    }
  }

  /// What reading each chunk produced, in file order; call once every reader is done.
  func take() -> [ChunkResult] {
    entries.withLock { entries in
      let results = entries.compactMap(\.result)
      precondition(results.count == entries.count, "a chunk was handed out but never finished")
      entries.removeAll()
      return results.sorted { ($0.chunk.file, $0.chunk.start) < ($1.chunk.file, $1.chunk.start) }
    }
  }

  /// The chunk being read with the most left beyond its reader's reach, and where to look
  /// for a record start that halves it; `nil` when none has
  /// ``ChunkSharing/minimumStealBytes`` left.
  private func mostLeft(_ entries: [Entry]) -> (donor: Int, chunk: Chunk, middle: Int)? {
    let step = sharing.stepBytes
    let left = entries.map { entry in
      entry.started && !entry.finished ? entry.chunk.end - entry.checkpoint - step : 0
    }
    guard let donor = left.indices.max(by: { left[$0] < left[$1] }),
      left[donor] >= sharing.minimumStealBytes
    else { return nil }
    let chunk = entries[donor].chunk
    let checkpoint = entries[donor].checkpoint
    // Halve what the reader has left from where it likely is, half a step on.
    return (donor, chunk, max(checkpoint + step, (checkpoint + step / 2 + chunk.end) / 2))
  }

  /// Splits chunk `donor` at `boundary`, the rest becoming a new chunk, when the chunk still
  /// ends at `end` and is being read, and its reader cannot reach `boundary` before its next
  /// report; `nil` otherwise.
  private func split(_ entries: inout [Entry], donor: Int, end: Int, at boundary: Int)
    -> (number: Int, chunk: Chunk)?
  {
    let entry = entries[donor]
    guard !entry.finished, entry.chunk.end == end,
      boundary >= entry.checkpoint + sharing.stepBytes, boundary < end
    else { return nil }
    let rest = Chunk(file: entry.chunk.file, start: boundary, end: end)
    entries[donor].chunk.end = boundary
    entries.append(Entry(chunk: rest, started: true, checkpoint: boundary))
    return (entries.count - 1, rest)
  }
}
