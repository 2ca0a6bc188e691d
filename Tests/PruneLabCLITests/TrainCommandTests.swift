import Foundation
import MiniCNN
import Testing

@testable import PruneLabCLI

@Suite struct TrainCommandTests {
  /// A tiny synthetic run: 200 images of 1 x 8 x 8, 4 classes, batches of 32, one thread.
  static let tiny = [
    "--dataset", "synthetic", "--synthetic-samples", "200", "--synthetic-test-samples", "40",
    "--image-size", "8", "--classes", "4", "--batch-size", "32", "--threads", "1", "--lr",
    "0.05", "--quiet",
  ]

  func text(_ folder: TemporaryFolder, _ name: String) throws -> String {
    String(decoding: try folder.contents(name), as: UTF8.self)
  }

  func json(_ folder: TemporaryFolder, _ name: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: folder.contents(name)) as? [String: Any])
  }

  /// The columns of epochs.csv that do not measure time.
  func deterministicColumns(_ csv: String) -> [String] {
    csv.split(separator: "\n").dropFirst().map { row in
      let cells = row.split(separator: ",")
      return [0, 1, 2, 3, 6, 7, 8].map { String(cells[$0]) }.joined(separator: ",")
    }
  }

  @Test func writesEpochsSummaryManifestAndLogs() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try runPruneLab(
      ["train", "--rule", "infobatch", "--prune-ratio", "0.5", "--delta", "1", "--epochs", "2",
       "--seed", "3", "--out", folder.path("run"), "--log-losses", "--log-activations"]
        + Self.tiny)
    let epochs = try text(folder, "run/epochs.csv")
    #expect(
      epochs.hasPrefix(
        "epoch,train_loss,test_accuracy,trained_samples,wall_seconds,selection_seconds\n")
        || epochs.hasPrefix(
          "epoch,train_loss,test_accuracy,trained_samples,wall_seconds,selection_seconds,"))
    let rows = epochs.split(separator: "\n")
    #expect(rows.count == 3)
    #expect(rows[1].hasPrefix("0,"))
    #expect(rows[1].split(separator: ",")[3] == "200")
    let pruned = try #require(Int(rows[2].split(separator: ",")[3]))
    #expect(pruned < 200 && pruned > 100)

    let summary = try json(folder, "run/summary.json")
    #expect(summary["rule"] as? String == "infobatch")
    let accuracy = try #require(summary["final_test_accuracy"] as? Double)
    #expect(accuracy > 0.25 && accuracy <= 1)
    let saved = try #require(summary["saved_fraction"] as? Double)
    #expect(abs(saved - (1 - Double(200 + pruned) / 400)) < 1e-12)
    #expect((summary["wall_seconds"] as? Double ?? 0) > 0)

    let manifest = try text(folder, "run/manifest.json")
    #expect(manifest.contains("prunelab train --rule infobatch"))
    #expect(manifest.contains("\"pruneRatio\": \"0.5\""))
    let losses = try text(folder, "run/losses.csv").split(separator: "\n")
    #expect(losses.first == "epoch,sample,loss,label")
    #expect(losses.count == 1 + 200 + pruned)
    let activations = try text(folder, "run/activations.csv").split(separator: "\n")
    #expect(activations.first == "epoch,batch,xbar")
    #expect(activations.count == 1 + 7 + (pruned + 31) / 32)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path("run")).sorted()
    #expect(
      names == ["activations.csv", "epochs.csv", "losses.csv", "manifest.json", "summary.json"])
  }

  @Test func resumedRunEndsWithTheSameNumbersAsAnUninterruptedOne() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let common =
      ["train", "--rule", "infobatch", "--epochs", "3", "--seed", "4", "--log-losses"] + Self.tiny
    try runPruneLab(common + ["--out", folder.path("straight")])

    let checkpoint = folder.path("state.json")
    try runPruneLab(
      common + ["--out", folder.path("split"), "--checkpoint", checkpoint, "--stop-after-epochs",
        "1"])
    #expect(!FileManager.default.fileExists(atPath: folder.path("split/summary.json")))
    try runPruneLab(common + ["--out", folder.path("split"), "--resume", checkpoint])

    #expect(try folder.contents("split/losses.csv") == folder.contents("straight/losses.csv"))
    #expect(
      deterministicColumns(try text(folder, "split/epochs.csv"))
        == deterministicColumns(try text(folder, "straight/epochs.csv")))
    let straight = try json(folder, "straight/summary.json")
    let split = try json(folder, "split/summary.json")
    #expect(split["final_test_accuracy"] as? Double == straight["final_test_accuracy"] as? Double)
    #expect(split["final_train_loss"] as? Double == straight["final_train_loss"] as? Double)
  }

  @Test func aMissingFashionMNISTSaysHowToInstallIt() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let error = try #require(
      errorOf([
        "train", "--rule", "full", "--epochs", "1", "--data-dir", folder.path("nothing"),
        "--out", folder.path("run"), "--quiet",
      ]))
    #expect(PruneLab.message(for: error).contains("apt-get install dataset-fashion-mnist"))
    #expect(PruneLab.exitCode(for: error).rawValue == 66)
  }

  @Test(arguments: [
    (["--subset", "500"], "subset = 500.0"),
    (["--lr", "0"], "maxLearningRate = 0.0"),
    (["--prune-ratio", "1.5"], "1.5"),
    (["--label-noise", "1"], "labelNoiseFraction = 1.0"),
    (["--stop-after-epochs", "1"], "--checkpoint"),
  ])
  func namesTheBadValue(extra: [String], expected: String) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let error = try #require(
      errorOf(
        ["train", "--rule", "infobatch", "--epochs", "1", "--out", folder.path("run")]
          + Self.tiny + extra))
    let message = PruneLab.message(for: error)
    #expect(message.contains(expected), "\(message)")
  }

  @Test func refusesACheckpointOfAnotherSeed() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let checkpoint = folder.path("state.json")
    let common = ["train", "--rule", "full", "--epochs", "2"] + Self.tiny
    try runPruneLab(
      common + ["--seed", "1", "--out", folder.path("a"), "--checkpoint", checkpoint,
        "--stop-after-epochs", "1"])
    let error = try #require(
      errorOf(common + ["--seed", "2", "--out", folder.path("a"), "--resume", checkpoint]))
    #expect(PruneLab.message(for: error).contains("seed: 1 -> 2"))
    #expect(PruneLab.exitCode(for: error).rawValue == 64)
  }
}
