import Foundation
import PruneCore
import PruneRuns
import Testing

@testable import PruneLabCLI

/// Each run command parses into a typed request and makes one library call; the command line a
/// manifest stores parses back to the same request.
@Suite struct CommandRequestTests {
  /// The `arguments` of a manifest, without `prunelab <command...>`.
  static func storedArguments(_ manifest: URL, dropping words: Int) throws -> [String] {
    let data = try Data(contentsOf: manifest)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let arguments = try #require(object["arguments"] as? [String])
    return Array(arguments.dropFirst(words))
  }

  @Test(arguments: [
    ["--rule", "random", "--rescale", "--no-prune-first-epoch", "--prune-ratio=0.3"],
    ["--rule", "infobatch", "--score", "bls", "--alpha", "0.7", "--no-anneal", "--noise", "0.5",
     "--heavy-tail-nu", "3", "--unweighted-visits", "--no-sample-outcomes"],
    ["--rule", "bpas", "--delta-end", "1e-4", "--write-activation-log"],
  ])
  func simulateManifestParsesBackToTheSameRequest(words: [String]) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let arguments = words + [
      "--samples", "60", "--epochs", "4", "--batch-size", "16", "--seed", "5",
      "--out", folder.path("run"),
    ]
    try Self.checkSimulateRoundTrip(arguments, manifest: folder.url.appendingPathComponent("run"))
  }

  /// Runs `simulate arguments`, then parses the command line of the manifest in `folder`.
  static func checkSimulateRoundTrip(_ arguments: [String], manifest folder: URL) throws {
    let request = try PruneLab.Simulate.parse(arguments).makeRequest()
    try SimulationRun.run(request)
    let stored = try storedArguments(
      folder.appendingPathComponent("manifest.json"), dropping: 2)
    #expect(try PruneLab.Simulate.parse(stored).makeRequest() == request)
  }

  @Test func aReplaysManifestParsesBackToTheSameRequest() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try runPruneLab([
      "simulate", "--rule", "infobatch", "--samples", "40", "--epochs", "3", "--batch-size", "8",
      "--write-loss-log", "--out", folder.path("log"),
    ])
    try Self.checkSimulateRoundTrip(
      [
        "--rule", "repb", "--losses", folder.path("log/losses.csv"), "--batch-size", "8",
        "--max-weight", "4", "--out", folder.path("replay"),
      ], manifest: folder.url.appendingPathComponent("replay"))
  }

  @Test func trainManifestParsesBackToTheSameRequest() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let request = try PruneLab.Train.parse([
      "--rule", "infobatch", "--prune-ratio", "0.3", "--dataset", "synthetic",
      "--synthetic-samples", "64", "--synthetic-test-samples", "32", "--image-size", "8",
      "--epochs", "1", "--batch-size", "16", "--seed", "2", "--threads", "1", "--quiet",
      "--log-losses", "--out", folder.path("run"),
    ]).makeRequest()
    try TrainingRun.run(request)
    let stored = try Self.storedArguments(
      folder.url.appendingPathComponent("run/manifest.json"), dropping: 2)
    var parsed = try PruneLab.Train.parse(stored).makeRequest()
    // The manifest regenerates the run; how it is watched (--quiet) is not part of it.
    parsed.reportsProgress = request.reportsProgress
    #expect(parsed == request)
  }

  @Test func sweepManifestParsesBackToTheSameRequest() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let request = try PruneLab.SweepRun.parse([
      "--rules", "infobatch,random", "--vary", "noise=0,1", "--vary", "prune-ratio=0.3",
      "--seeds", "1", "--samples", "40", "--epochs", "3", "--batch-size", "8",
      "--label-noise", "0.1", "--out", folder.path("sweep"),
    ]).makeRequest()
    try runPruneLab(["sweep", "run"] + request.commandLine.dropFirst(3))
    let stored = try Self.storedArguments(
      folder.url.appendingPathComponent("sweep/shard-1-of-1.json"), dropping: 3)
    #expect(try PruneLab.SweepRun.parse(stored).makeRequest() == request)
  }

  @Test func sharedRunOptionsAreOneGroupInEveryRunCommand() {
    for help in [
      PruneLab.helpMessage(for: PruneLab.Simulate.self),
      PruneLab.helpMessage(for: PruneLab.Train.self),
      PruneLab.helpMessage(for: PruneLab.SweepRun.self),
    ] {
      #expect(help.contains("--seed <seed>"))
      #expect(help.contains("--out <out>"))
      #expect(help.contains("--batch-size <batch-size>"))
      #expect(help.contains("Seed of the run's draws"))
    }
  }

  @Test func helpTextsSayWhatEachCommandDoes() {
    let simulate = PruneLab.helpMessage(for: PruneLab.Simulate.self)
    #expect(simulate.contains("OVERVIEW: Run a pruning rule on synthetic signals or a replayed"))
    #expect(simulate.contains("USAGE: prunelab simulate"))
    #expect(simulate.contains("prunelab simulate --rule bpas --delta-end 1e-4 --out runs/bpas"))
    #expect(simulate.contains("SYNTHETIC SIGNALS (IGNORED WHEN REPLAYING)"))
    let train = PruneLab.helpMessage(for: PruneLab.Train.self)
    #expect(train.contains("OVERVIEW: Train the ref-cnn on Fashion-MNIST or synthetic images"))
    #expect(train.contains("--resume <resume>"))
    let sweep = PruneLab.helpMessage(for: PruneLab.SweepRun.self)
    #expect(sweep.contains("USAGE: prunelab sweep run"))
    #expect(sweep.contains("--vary <setting>"))
    let merge = PruneLab.helpMessage(for: PruneLab.SweepMergeCommand.self)
    #expect(merge.contains("USAGE: prunelab sweep merge <folder>"))
    let rules = PruneLab.helpMessage(for: PruneLab.Rules.self)
    #expect(rules.contains("OVERVIEW: List every pruning rule with its options"))
  }
}
