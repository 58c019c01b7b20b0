import Foundation

/// A fresh folder under /tmp for one test; `remove()` deletes it with everything in it.
struct TemporaryFolder {
  let path: String

  init() {
    path = "/tmp/csat-test-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  func file(_ name: String) -> String { path + "/" + name }

  func write(_ name: String, _ bytes: [UInt8], mode: Int = 0o644) {
    _ = FileManager.default.createFile(
      atPath: file(name), contents: Data(bytes), attributes: [.posixPermissions: mode])
  }

  func read(_ name: String) -> String? {
    FileManager.default.contents(atPath: file(name)).map { String(decoding: $0, as: UTF8.self) }
  }

  func mode(_ name: String) -> Int? {
    let attributes = try? FileManager.default.attributesOfItem(atPath: file(name))
    return (attributes?[.posixPermissions] as? NSNumber)?.intValue
  }

  func entries(_ name: String = "") -> [String] {
    let folder = name.isEmpty ? path : file(name)
    return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
  }

  func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }
}
