import Foundation
import MiniCNN
import PruneSignals

/// The committed full-data loss log of the mini-CNN on Fashion-MNIST (the stress page's real
/// run: `notebooks-md/data/stress-fmnist-full-losses.csv.gz` with its manifest), read by BLS-4.
///
/// The log is found under the repository holding the current folder (the nearest folder upwards
/// with a `Package.swift`, as `prunelab reproduce` finds it); outside a repository, or in a
/// checkout without the file, there is none and BLS-4 says so on its page.
enum CommittedLossLog {
  static let path = "notebooks-md/data/stress-fmnist-full-losses.csv.gz"
  static let manifest = "notebooks-md/data/stress-fmnist-full-manifest.json"

  /// The log, or nil when no repository above the current folder holds it.
  /// - Throws: a reading error naming the file when it exists but cannot be read.
  static func fashionMNIST() throws -> LossLog? {
    let manager = FileManager.default
    var folder = URL(fileURLWithPath: manager.currentDirectoryPath, isDirectory: true)
    while !manager.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
      let parent = folder.deletingLastPathComponent()
      if parent.path == folder.path { return nil }
      folder = parent
    }
    let file = folder.appendingPathComponent(path).path
    guard manager.fileExists(atPath: file) else { return nil }
    let bytes = try GzipFile.read(path: file, missingHint: "restore \(path) from git")
    return try LossLog.parse(csv: bytes, name: path)
  }
}
