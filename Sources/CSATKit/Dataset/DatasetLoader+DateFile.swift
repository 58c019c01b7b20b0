extension DatasetLoader {
  /// The file a column's date warnings name: the first file with a slash date in the column
  /// (with several files, the one the warning is about), else the first file.
  ///
  /// `chunks` and `results` are in the same order.
  static func dateFile(
    _ column: Int, _ chunks: [Chunk], _ results: [ChunkResult], _ sources: [SourceFile]
  ) -> String {
    let chunk = results.indices.first { results[$0].columns[column].sawSlashDate }
    return sources[chunk.map { chunks[$0].file } ?? 0].name
  }
}
