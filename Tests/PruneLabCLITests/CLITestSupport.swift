import Foundation
import Testing

@testable import PruneLabCLI

/// A fresh temporary folder, removed by ``remove()``.
struct TemporaryFolder {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("prunelab-cli-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  func write(_ text: String, to name: String) throws -> String {
    let file = url.appendingPathComponent(name)
    try Data(text.utf8).write(to: file)
    return file.path
  }

  func contents(_ name: String) throws -> Data {
    try Data(contentsOf: url.appendingPathComponent(name))
  }

  func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Parses and runs `arguments` in-process, as `prunelab` would.
func runPruneLab(_ arguments: [String]) throws {
  var command = try PruneLab.parseAsRoot(arguments)
  try command.run()
}

/// The error `arguments` end with (parse, validation or run), or nil.
func errorOf(_ arguments: [String]) -> (any Error)? {
  do {
    try runPruneLab(arguments)
    return nil
  } catch {
    return error
  }
}
