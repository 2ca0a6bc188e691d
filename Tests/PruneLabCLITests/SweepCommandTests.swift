import Foundation
import Testing

@testable import PruneLabCLI

@Suite struct SweepCommandTests {
  static let sweep = [
    "sweep", "run", "--rules", "infobatch,repb", "--vary", "noise=0,1", "--vary",
    "label-noise=0,0.2", "--seeds", "2", "--samples", "200", "--epochs", "8", "--batch-size", "20",
  ]

  @Test func shardsMergeToTheUnshardedSweep() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try runPruneLab(Self.sweep + ["--out", folder.path("whole"), "--jobs", "2"])
    for shard in ["1/3", "2/3", "3/3"] {
      try runPruneLab(Self.sweep + ["--out", folder.path("sharded"), "--shard", shard])
    }
    #expect(!FileManager.default.fileExists(atPath: folder.path("sharded/sweep.csv")))
    try runPruneLab(["sweep", "merge", folder.path("sharded")])
    #expect(try folder.contents("sharded/sweep.csv") == folder.contents("whole/sweep.csv"))
    #expect(
      try folder.contents("sharded/sweep-summary.csv") == folder.contents("whole/sweep-summary.csv"))
    let rows = String(decoding: try folder.contents("whole/sweep.csv"), as: UTF8.self)
      .split(separator: "\n")
    #expect(rows.count == 1 + 16)
    #expect(rows[0].hasPrefix("point,rule,seed_index,seed,noise,label-noise,saved_fraction,"))
    let manifest = String(decoding: try folder.contents("sharded/shard-2-of-3.json"), as: UTF8.self)
    #expect(manifest.contains("\"pointCount\": 16"))
  }

  @Test func aRowIsTheSimulateRunWithItsSeedAndSettings() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try runPruneLab(
      ["sweep", "run", "--rules", "infobatch", "--vary", "label-noise=0.2", "--seeds", "2",
       "--seed", "7", "--samples", "200", "--epochs", "8", "--batch-size", "20", "--out",
       folder.path("sweep")])
    let rows = String(decoding: try folder.contents("sweep/sweep.csv"), as: UTF8.self)
      .split(separator: "\n")
    let second = rows[2].split(separator: ",", omittingEmptySubsequences: false)
    #expect(second[3] == "8")  // seed 7 + 1
    try runPruneLab(
      ["simulate", "--rule", "infobatch", "--label-noise", "0.2", "--seed", "8", "--samples",
       "200", "--epochs", "8", "--batch-size", "20", "--out", folder.path("simulate")])
    let summary = try #require(
      try JSONSerialization.jsonObject(with: folder.contents("simulate/summary.json"))
        as? [String: Any])
    let saved = try #require(summary["saved_fraction"] as? Double)
    #expect(Double(String(second[5])) == saved)
  }

  @Test func badSettingsAreRefusedBeforeAnyOutput() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    for (extra, words) in [
      (["--vary", "bogus=1"], "Unknown option '--bogus'"),
      (["--vary", "noise=-1"], "noiseLevel = -1.0"),
      (["--vary", "rho=0.5"], "does not apply to rule infobatch"),
      (["--shard", "4/3"], "--shard 4/3"),
    ] {
      let error = try #require(
        errorOf(["sweep", "run", "--rules", "infobatch", "--out", folder.path("o")] + extra))
      #expect(PruneLab.exitCode(for: error).rawValue == 64)
      #expect(PruneLab.message(for: error).contains(words))
    }
    #expect(!FileManager.default.fileExists(atPath: folder.path("o")))
  }

  @Test func mergeNamesTheMissingShard() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try runPruneLab(Self.sweep + ["--out", folder.path("s"), "--shard", "2/2"])
    let error = try #require(errorOf(["sweep", "merge", folder.path("s")]))
    #expect(PruneLab.exitCode(for: error).rawValue == 65)
    #expect(PruneLab.message(for: error).contains("shard 1/2 is missing"))
  }
}
