import Foundation
import MiniCNN
import PruneReport

/// A run cut short at an epoch boundary: the trainer's checkpoint plus what the store file
/// needs of the epochs already trained (their weight digests and batch statistics). A killed
/// `reproduce --train` resumes the run from here, so it loses at most the epoch in progress.
struct PartialRun<RuleState: Codable & Sendable & Equatable>: Codable {
  var checkpoint: TrainingCheckpoint<RuleState>
  var digests: [String]
  var statistics: [[[Double]]]
}

/// The file of one unfinished run (``RunStore/partialFile(for:)``).
public struct PartialRunFile: Sendable {
  public let url: URL

  /// The saved partial run, or nil when there is none or it cannot be read (the run then
  /// starts from epoch 0; a damaged checkpoint costs time, never wrong bytes).
  func load<State>(_ type: PartialRun<State>.Type) -> PartialRun<State>? {
    guard let data = try? Data(contentsOf: url) else { return nil }
    return try? JSONDecoder().decode(type, from: data)
  }

  /// Writes atomically (a temporary file, then rename).
  func save<State>(_ partial: PartialRun<State>) throws {
    let folder = try OutputFolder(url.deletingLastPathComponent())
    let ignore = folder.url.appendingPathComponent(".gitignore")
    if !FileManager.default.fileExists(atPath: ignore.path) {
      _ = try folder.write("*\n", to: ".gitignore")
    }
    _ = try folder.write(try JSONEncoder().encode(partial), to: url.lastPathComponent)
  }

  func remove() { try? FileManager.default.removeItem(at: url) }
}
