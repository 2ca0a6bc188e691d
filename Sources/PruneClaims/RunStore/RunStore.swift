import Foundation
import PruneReport

/// The folder of one profile's stored runs, `<root>/notebooks-md/data/runs/<profile>/`
/// (issue 10): one ``StoredRun`` file per run, named `<rule>-e<E>-s<seed>-<fingerprint>.json`.
///
/// Runs are written atomically (temporary file, then rename), so an interrupted reproduce
/// leaves either the whole run or none of it, and a run already in the folder is never trained
/// again. Reading checks every file: complete, of this profile, and hashing to its fingerprint.
public struct RunStore: Sendable {
  /// The profile whose runs the folder holds.
  public let profile: RunProfile
  /// The folder.
  public let url: URL

  /// The store of `profile` under the output root `root`. Nothing is created until a write.
  public init(root: String, profile: RunProfile) {
    self.profile = profile
    url = URL(fileURLWithPath: root, isDirectory: true)
      .appendingPathComponent(profile.storePath, isDirectory: true)
  }

  /// The run files' names, sorted (none when the folder does not exist).
  public func fileNames() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    return names.filter { $0.hasSuffix(".json") }.sorted()
  }

  /// The path of a file in the store, relative to the output root (for messages).
  public func displayPath(_ name: String) -> String { "\(profile.storePath)/\(name)" }

  /// Reads and checks every stored run, keyed by fingerprint.
  ///
  /// - Throws: the first file's ``RunStoreError``: ``RunStoreError/corruptRun(file:reason:)``,
  ///   ``RunStoreError/fingerprintMismatch(file:stored:computed:)``,
  ///   ``RunStoreError/wrongProfile(file:found:expected:)``,
  ///   ``RunStoreError/duplicateRun(fingerprint:files:)``.
  public func load() throws -> [String: StoredRun] {
    var runs: [String: StoredRun] = [:]
    var files: [String: String] = [:]
    for name in fileNames() {
      let run = try read(name)
      if let earlier = files[run.fingerprint] {
        throw RunStoreError.duplicateRun(
          fingerprint: run.fingerprint, files: [displayPath(earlier), displayPath(name)])
      }
      files[run.fingerprint] = name
      runs[run.fingerprint] = run
    }
    return runs
  }

  /// Reads one run file.
  public func read(_ name: String) throws -> StoredRun {
    let path = displayPath(name)
    let text: String
    do {
      text = try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
    } catch {
      throw RunStoreError.corruptRun(file: path, reason: "it cannot be read as UTF-8 text")
    }
    let run = try StoredRun.parse(text, file: path)
    guard run.profile == profile.name else {
      throw RunStoreError.wrongProfile(file: path, found: run.profile, expected: profile.name)
    }
    return run
  }

  /// Writes `run` atomically and returns its path relative to the output root.
  @discardableResult
  public func write(_ run: StoredRun) throws -> String {
    let folder = try OutputFolder(url)
    _ = try folder.write(try run.jsonText(), to: run.spec.fileName)
    return displayPath(run.spec.fileName)
  }

  /// Where an unfinished run keeps its checkpoint: `<store>/partial/<fingerprint>.json` (not
  /// committed; `.gitignore` in the folder).
  public func partialFile(for fingerprint: String) -> PartialRunFile {
    PartialRunFile(
      url: url.appendingPathComponent("partial", isDirectory: true)
        .appendingPathComponent("\(fingerprint).json"))
  }

  /// Deletes every run file and loss log of the folder (`reproduce --fresh`); other files stay.
  public func removeAll() throws {
    for name in fileNames() + lossLogNames() {
      try FileManager.default.removeItem(at: url.appendingPathComponent(name))
    }
  }
}
