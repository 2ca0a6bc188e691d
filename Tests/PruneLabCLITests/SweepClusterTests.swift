import Foundation
import Testing

@testable import PruneLabCLI
@testable import PruneRuns

/// The built `prunelab` next to the test bundle (`swift build --build-tests` builds it).
private let prunelab: URL? = {
  let candidates = [
    Bundle.main.bundleURL.appendingPathComponent("prunelab"),
    Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("prunelab"),
  ]
  return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
}()

/// GNU parallel, when installed (`scripts/test` installs it).
private let gnuParallel: URL? = ["/usr/bin/parallel", "/usr/local/bin/parallel"]
  .map { URL(fileURLWithPath: $0) }
  .first { FileManager.default.isExecutableFile(atPath: $0.path) }

/// Issue 11, "a cluster runs it with its own tools": shards through GNU parallel merge to the
/// unsharded sweep byte for byte; a rerun skips finished shards; a folder holds one sweep.
@Suite struct SweepClusterTests {
  static let sweep = [
    "sweep", "run", "--rules", "infobatch,repb", "--vary", "label-noise=0,0.2", "--seeds", "2",
    "--samples", "200", "--epochs", "6", "--batch-size", "20",
  ]

  @Test(.enabled(if: prunelab != nil && gnuParallel != nil))
  func shardsThroughGNUParallelMergeToTheUnshardedBytes() throws {
    let binary = try #require(prunelab)
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try runPruneLab(Self.sweep + ["--out", folder.path("whole")])
    let process = Process()
    process.executableURL = gnuParallel
    process.arguments =
      ["--halt", "now,fail=1", binary.path] + Self.sweep
      + ["--out", folder.path("sharded"), "--shard", "{}/3", ":::", "1", "2", "3"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    try runPruneLab(["sweep", "merge", folder.path("sharded")])
    for name in ["sweep.csv", "sweep-summary.csv"] {
      #expect(try folder.contents("sharded/" + name) == folder.contents("whole/" + name))
    }
  }

  @Test func aRerunSkipsFinishedShardsAndAFolderHoldsOneSweep() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let out = ["--out", folder.path("s"), "--shard", "1/2"]
    try runPruneLab(Self.sweep + out)
    let file = folder.url.appendingPathComponent("s/shard-1-of-2.csv")
    let before = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate]
    let command = try PruneLab.SweepRun.parse(Array(Self.sweep.dropFirst(2)) + out)
    let job = try SweepShardRun(request: command.makeRequest(), conditions: command.conditions)
    #expect(try job.isAlreadyDone())
    try runPruneLab(Self.sweep + out)
    let after = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate]
    #expect(before as? Date == after as? Date)
    // Another sweep (other N) into the same folder, or the same sweep cut otherwise: refused.
    for (extra, words) in [
      (["--samples", "300", "--shard", "2/2"], "of another sweep"),
      (["--shard", "2/3"], "cut into 2 slices, not 3"),
    ] {
      var arguments = Self.sweep + ["--out", folder.path("s")]
      if extra[0] == "--samples" {
        arguments[arguments.firstIndex(of: "200") ?? 0] = "300"
        arguments += Array(extra[2...])
      } else {
        arguments += extra
      }
      let error = try #require(errorOf(arguments))
      #expect(PruneLab.exitCode(for: error).rawValue == 64)
      #expect(PruneLab.message(for: error).contains(words))
    }
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path("s")).sorted()
    #expect(names == ["shard-1-of-2.csv", "shard-1-of-2.json"])
  }

  @Test func shardsOfDifferentSweepsDoNotMerge() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try runPruneLab(Self.sweep + ["--out", folder.path("a"), "--shard", "1/2"])
    var other = Self.sweep
    other[other.firstIndex(of: "200") ?? 0] = "300"
    try runPruneLab(other + ["--out", folder.path("b"), "--shard", "2/2"])
    try FileManager.default.copyItem(
      atPath: folder.path("b/shard-2-of-2.csv"), toPath: folder.path("a/shard-2-of-2.csv"))
    try FileManager.default.copyItem(
      atPath: folder.path("b/shard-2-of-2.json"), toPath: folder.path("a/shard-2-of-2.json"))
    let error = try #require(errorOf(["sweep", "merge", folder.path("a")]))
    #expect(PruneLab.exitCode(for: error).rawValue == 65)
    #expect(PruneLab.message(for: error).contains("belongs to another sweep"))
    #expect(!FileManager.default.fileExists(atPath: folder.path("a/sweep.csv")))
  }

  @Test func emptyOrUnknownKnobsAndBadValuesAreRefused() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    for (vary, words) in [
      ("noise=", "noise has no values"), ("=0.1", "is not name=v1,v2"),
      ("loudness=1", "Unknown option '--loudness'"), ("label-noise=1.5", "labelNoiseFraction"),
      ("duplicates=0.95", "duplicates=0.95"),
    ] {
      let error = try #require(
        errorOf(["sweep", "run", "--rules", "infobatch", "--vary", vary, "--out", folder.path("o")]))
      #expect(PruneLab.exitCode(for: error).rawValue == 64, "\(vary)")
      #expect(PruneLab.message(for: error).contains(words), "\(vary): \(PruneLab.message(for: error))")
    }
    #expect(!FileManager.default.fileExists(atPath: folder.path("o")))
  }
}
