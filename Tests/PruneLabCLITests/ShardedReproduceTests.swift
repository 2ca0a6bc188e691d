import Foundation
import Testing

@testable import PruneClaims
@testable import PruneLabCLI

/// The built `prunelab` next to the test bundle (`swift build --build-tests` builds it).
private let prunelabBinary: URL? = {
  let candidates = [
    Bundle.main.bundleURL.appendingPathComponent("prunelab"),
    Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("prunelab"),
  ]
  return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
}()

/// GNU parallel, when installed (`scripts/test` installs it).
private let parallelBinary: URL? = ["/usr/bin/parallel", "/usr/local/bin/parallel"]
  .map { URL(fileURLWithPath: $0) }
  .first { FileManager.default.isExecutableFile(atPath: $0.path) }

/// Issue 10: two shards of the tiny profile run through GNU parallel, then one assembling run,
/// give the pages of one unsharded run.
@Suite struct ShardedReproduceTests {
  static let claims = "X-1,BPAS-4"

  @discardableResult
  static func run(_ executable: URL, _ arguments: [String]) throws -> Int32 {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
  }

  static func pages(_ root: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for sub in ["notebooks-md", "notebooks-md/sections", "notebooks-md/data"] {
      let folder = root.appendingPathComponent(sub)
      for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
      where name.hasSuffix(".md") || name.hasSuffix(".csv") {
        files["\(sub)/\(name)"] = try Data(contentsOf: folder.appendingPathComponent(name))
      }
    }
    return files
  }

  @Test(.enabled(if: prunelabBinary != nil && parallelBinary != nil))
  func twoShardsThroughGNUParallelGiveTheUnshardedPages() throws {
    let binary = try #require(prunelabBinary)
    let parallel = try #require(parallelBinary)
    let whole = try TemporaryFolder()
    let sharded = try TemporaryFolder()
    defer {
      whole.remove()
      sharded.remove()
    }
    try runPruneLab([
      "reproduce", "--runs", "tiny", "--only", Self.claims, "--out", whole.url.path,
    ])
    // Twice: BPAS-4's control runs copy B-PAS runs that the other shard may train.
    for _ in 0..<2 {
      let status = try Self.run(
        parallel,
        [
          "--halt", "now,fail=1", binary.path, "reproduce", "--runs", "tiny", "--only",
          Self.claims, "--out", sharded.url.path, "--shard", "{}/2", ":::", "1", "2",
        ])
      #expect(status == 0)
    }
    #expect(
      try Self.run(binary, ["store", "check", "--runs", "tiny", "--out", sharded.url.path]) == 0)
    try runPruneLab([
      "reproduce", "--runs", "tiny", "--only", Self.claims, "--out", sharded.url.path,
    ])
    #expect(try Self.pages(sharded.url) == Self.pages(whole.url))
  }

  @Test func badShardsExitWithUsage() {
    for shard in ["0/2", "3/2"] {
      let error = errorOf(["reproduce", "--runs", "tiny", "--shard", shard, "--out", "/tmp"])
      #expect(error.map { PruneLab.exitCode(for: $0).rawValue } == 64)
      #expect(error.map { "\($0)" }?.contains(shard) == true)
    }
  }

  @Test func corruptRunFileExitsWithDataError() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let store = folder.url.appendingPathComponent("notebooks-md/data/runs/tiny")
    try FileManager.default.createDirectory(at: store, withIntermediateDirectories: true)
    try Data("{\"format\": \"prunelab-run/1\", \"prof".utf8)
      .write(to: store.appendingPathComponent("full-e2-s2024-0000000000000000.json"))
    let error = errorOf(["store", "check", "--runs", "tiny", "--out", folder.url.path])
    #expect(error.map { PruneLab.exitCode(for: $0).rawValue } == 65)
    #expect(error.map { "\($0)" }?.contains("full-e2-s2024-0000000000000000.json") == true)
  }
}
