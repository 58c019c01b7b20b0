import Foundation
import Testing

@testable import CSATKit

/// Loads `text` as a CSV file called `test.csv`.
func loadCSV(_ text: String, options: LoadOptions = LoadOptions()) throws -> LoadResult {
  try DatasetLoader.load(csv: Array(text.utf8), name: "test.csv", options: options)
}

/// Loads raw bytes as a CSV file called `test.csv`.
func loadBytes(_ bytes: [UInt8], options: LoadOptions = LoadOptions()) throws -> LoadResult {
  try DatasetLoader.load(csv: bytes, name: "test.csv", options: options)
}

/// A file of `2 × half` rows `id,name,note` long enough to be read in more than one chunk,
/// and its names in order; `name(row, half)` names row `row` (0-based).
func twoChunkNames(half: Int, _ name: (Int, Int) -> String) -> (text: String, names: [String]) {
  let pad = "a note that makes the rows longer"
  var text = "id,name,note\n"
  var names: [String] = []
  for row in 0..<2 * half {
    names.append(name(row, half))
    text += "\(row + 1),\(names[row]),\(pad)\n"
  }
  return (text, names)
}

/// The error a load throws, or `nil` when it loads.
func loadError(_ text: String, options: LoadOptions = LoadOptions()) -> DataError? {
  do {
    _ = try loadCSV(text, options: options)
    return nil
  } catch let error as DataError {
    return error
  } catch {
    return DataError(file: "?", message: "unexpected error \(error)")
  }
}

extension Dataset {
  /// The column called `name`; fails the test when there is none.
  func column(_ name: String) throws -> Column {
    try #require(columnIndex(named: name).map { columns[$0] })
  }

  /// The text values of column `name`, blank as "".
  func texts(_ name: String) throws -> [String] {
    guard case .text(let text) = try column(name).data else {
      Issue.record("column \(name) is not text")
      return []
    }
    return text.codes.widened.map { text.dictionary[Int($0)] }
  }

  /// The numbers of column `name`, missing as NaN.
  func numbers(_ name: String) throws -> [Double] {
    guard case .number(let numbers) = try column(name).data else {
      Issue.record("column \(name) is not a number column")
      return []
    }
    return numbers.values
  }

  /// The instants of column `name`, missing as `TimestampColumn.missing`.
  func timestamps(_ name: String) throws -> [Int64] {
    guard case .timestamp(let stamps) = try column(name).data else {
      Issue.record("column \(name) is not a timestamp column")
      return []
    }
    return Array(stamps.values)
  }

  /// The booleans of column `name`, missing as `BooleanColumn.missing`.
  func booleans(_ name: String) throws -> [UInt8] {
    guard case .boolean(let booleans) = try column(name).data else {
      Issue.record("column \(name) is not a boolean column")
      return []
    }
    return Array(booleans.values)
  }
}

/// Numbers compared with NaN equal to NaN, for columns with missing values.
func sameNumbers(_ left: [Double], _ right: [Double]) -> Bool {
  left.count == right.count
    && zip(left, right).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
}

/// A fresh directory under /tmp for files a test writes.
func temporaryDirectory() throws -> URL {
  let url = URL(fileURLWithPath: "/tmp/csat-dataset-tests-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}
