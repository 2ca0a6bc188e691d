import Foundation
import PruneCore
import PruneRuns
import PruneSignals
import Testing

@testable import PruneLabCLI

@Suite struct SimulateCommandTests {
  static let small = ["--samples", "300", "--epochs", "6", "--batch-size", "32"]

  @Test func writesEpochsSummaryManifestAndSamples() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let out = folder.path("run")
    try runPruneLab(["simulate", "--rule", "infobatch", "--out", out] + Self.small)
    let epochs = String(decoding: try folder.contents("run/epochs.csv"), as: UTF8.self)
    #expect(
      epochs.hasPrefix(
        "epoch,trained_samples,trained_batches,pruned_samples,saved_fraction,mean_weight,"
          + "max_weight"))
    let rows = epochs.split(separator: "\n")
    #expect(rows.count == 7)
    #expect(rows[1].hasPrefix("0,300,10,0,0.0,1.0,1.0,"))
    let summary = try JSONSerialization.jsonObject(with: folder.contents("run/summary.json"))
    let fields = try #require(summary as? [String: Any])
    #expect(fields["rule"] as? String == "infobatch")
    #expect(fields["samples"] as? Int == 300)
    #expect(fields["epochs_planned"] as? Int == 6)
    #expect(fields["epochs_run"] as? Int == 6)
    #expect(fields["dsi"] is NSNull)
    let saved = try #require(fields["saved_fraction"] as? Double)
    #expect(saved > 0 && saved < 0.5)
    let manifest = String(decoding: try folder.contents("run/manifest.json"), as: UTF8.self)
    #expect(manifest.contains("\"toolVersion\": \"\(PruneLabVersion.current)\""))
    #expect(manifest.contains("\"pruneRatio\": \"0.5\""))
    #expect(manifest.contains("prunelab simulate --rule infobatch"))
    #expect(FileManager.default.fileExists(atPath: folder.path("run/samples.csv")))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: out)
    #expect(leftovers.sorted() == ["epochs.csv", "manifest.json", "samples.csv", "summary.json"])
  }

  @Test func sameSeedSameBytes() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let arguments = ["simulate", "--rule", "infobatch", "--score", "bls", "--seed", "5"]
      + Self.small
    try runPruneLab(arguments + ["--out", folder.path("a")])
    try runPruneLab(arguments + ["--out", folder.path("b")])
    try runPruneLab(
      ["simulate", "--rule", "infobatch", "--score", "bls", "--seed", "6"] + Self.small
        + ["--out", folder.path("c")])
    for name in ["epochs.csv", "summary.json", "samples.csv"] {
      #expect(try folder.contents("a/" + name) == folder.contents("b/" + name))
    }
    #expect(try folder.contents("a/epochs.csv") != folder.contents("c/epochs.csv"))
    let manifestA = String(decoding: try folder.contents("a/manifest.json"), as: UTF8.self)
    let manifestB = String(decoding: try folder.contents("b/manifest.json"), as: UTF8.self)
    #expect(
      manifestA.replacingOccurrences(of: folder.path("a"), with: "OUT")
        == manifestB.replacingOccurrences(of: folder.path("b"), with: "OUT"))
  }

  @Test func replayingALogTwiceGivesIdenticalFiles() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try runPruneLab(
      ["simulate", "--rule", "full", "--write-loss-log", "--out", folder.path("gen")]
        + Self.small)
    let log = folder.path("gen/losses.csv")
    for name in ["r1", "r2"] {
      try runPruneLab(["simulate", "--rule", "infobatch", "--losses", log, "--out", folder.path(name)])
    }
    for name in ["epochs.csv", "summary.json", "samples.csv", "manifest.json"] {
      let first = try folder.contents("r1/" + name)
      let second = try folder.contents("r2/" + name)
      if name == "manifest.json" {
        #expect(
          String(decoding: first, as: UTF8.self).replacingOccurrences(of: "r1", with: "r")
            == String(decoding: second, as: UTF8.self).replacingOccurrences(of: "r2", with: "r"))
      } else {
        #expect(first == second)
      }
    }
  }

  @Test func syntheticRunAndItsReplayAgree() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try runPruneLab(
      ["simulate", "--rule", "infobatch", "--write-loss-log", "--out", folder.path("gen")]
        + Self.small)
    try runPruneLab(
      ["simulate", "--rule", "infobatch", "--batch-size", "32", "--losses",
       folder.path("gen/losses.csv"), "--out", folder.path("replay")])
    // Every column but mean_activation (the replay has no activation signal).
    func withoutActivation(_ name: String) throws -> [[Substring]] {
      String(decoding: try folder.contents(name), as: UTF8.self).split(separator: "\n").map {
        var fields = $0.split(separator: ",", omittingEmptySubsequences: false)
        fields.remove(at: 9)
        return fields
      }
    }
    #expect(try withoutActivation("gen/epochs.csv") == withoutActivation("replay/epochs.csv"))
    #expect(try folder.contents("gen/samples.csv") == folder.contents("replay/samples.csv"))
  }

  @Test func infobatchReplayPrunesTheBelowMeanCandidatesOfEpochZero() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let samples = 500
    var generator = SeededGenerator(seed: 11)
    var losses: [Double] = []
    for _ in 0..<(4 * samples) { losses.append(3 * generator.nextUnit()) }
    let log = try LossLog(sampleCount: samples, losses: losses)
    let path = try folder.write(String(decoding: log.csvBytes(), as: UTF8.self), to: "l.csv")
    try runPruneLab(
      ["simulate", "--rule", "infobatch", "--prune-ratio", "0.3", "--losses", path, "--out",
       folder.path("out")])
    var total = 0.0
    for i in 0..<samples { total += losses[i] }
    let mean = total / Double(samples)
    let candidates = (0..<samples).filter { losses[$0] < mean }.count
    let kept = Int((0.7 * Double(candidates)).rounded(.down))
    let rows = String(decoding: try folder.contents("out/epochs.csv"), as: UTF8.self)
      .split(separator: "\n")
    let epochOne = rows[2].split(separator: ",", omittingEmptySubsequences: false)
    #expect(epochOne[0] == "1")
    #expect(Int(epochOne[1]) == samples - candidates + kept)
    #expect(candidates > 100)
  }
}

@Suite struct EveryRuleSimulatesTests {
  @Test(arguments: [
    "full", "random", "static-random", "hard", "infobatch", "seta", "repb", "bpas",
  ])
  func ruleRunsAndReportsItsSaving(rule: String) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try runPruneLab(
      ["simulate", "--rule", rule, "--samples", "200", "--epochs", "5", "--batch-size", "20",
       "--out", folder.path("o")])
    let summary = try JSONSerialization.jsonObject(with: folder.contents("o/summary.json"))
    let fields = try #require(summary as? [String: Any])
    #expect(fields["rule"] as? String == rule)
    let saved = try #require(fields["saved_fraction"] as? Double)
    #expect(saved >= 0 && saved < 1)
    if rule == "full" { #expect(saved == 0) }
    if rule == "bpas" {
      #expect(fields["dsi"] as? Double != nil)
    } else {
      #expect(fields["dsi"] is NSNull)
    }
  }

  @Test func bpasOnStabilisingActivationsDropsBatchesAndReportsDSI() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try runPruneLab(
      ["simulate", "--rule", "bpas", "--samples", "400", "--epochs", "200", "--batch-size",
       "20", "--write-activation-log", "--no-sample-outcomes", "--out", folder.path("o")])
    let summary = try JSONSerialization.jsonObject(with: folder.contents("o/summary.json"))
    let fields = try #require(summary as? [String: Any])
    let dsi = try #require(fields["dsi"] as? Double)
    #expect(dsi > 0.05)
    #expect(fields["batch_saved_fraction"] as? Double == dsi)
    // Replaying the recorded activations gives the same decisions.
    try runPruneLab(
      ["simulate", "--rule", "bpas", "--samples", "400", "--batch-size", "20", "--activations",
       folder.path("o/activations.csv"), "--no-sample-outcomes", "--out", folder.path("r")])
    let replay = try JSONSerialization.jsonObject(with: folder.contents("r/summary.json"))
    #expect((replay as? [String: Any])?["dsi"] as? Double == dsi)
  }
}
