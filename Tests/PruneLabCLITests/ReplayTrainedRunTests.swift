import Foundation
import Testing

@testable import PruneLabCLI

/// A pruned training run's loss log lists only what it trained (issue 4 item 4: any run can be
/// replayed). Read with carry-forward, it replays through the rule that wrote it to the same
/// plans, and through any other rule.
@Suite struct ReplayTrainedRunTests {
  func column(_ folder: TemporaryFolder, _ file: String, _ index: Int) throws -> [String] {
    let text = String(decoding: try folder.contents(file), as: UTF8.self)
    return text.split(separator: "\n").dropFirst().map {
      String($0.split(separator: ",", omittingEmptySubsequences: false)[index])
    }
  }

  @Test func aPrunedRunsLogReplaysToTheSamePlans() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try runPruneLab(
      ["train", "--rule", "infobatch", "--epochs", "4", "--seed", "5", "--out",
       folder.path("run"), "--log-losses"] + TrainCommandTests.tiny)
    let log = folder.path("run/losses.csv")

    // The default refuses the gaps and says how to read them.
    let error = try #require(
      errorOf(["simulate", "--rule", "infobatch", "--losses", log, "--seed", "5",
               "--batch-size", "32", "--out", folder.path("refused")]))
    #expect(PruneLab.message(for: error).contains("--missing carry-forward"))
    #expect(!FileManager.default.fileExists(atPath: folder.path("refused")))

    try runPruneLab(
      ["simulate", "--rule", "infobatch", "--losses", log, "--missing", "carry-forward",
       "--seed", "5", "--batch-size", "32", "--out", folder.path("replay")])
    let trained = try column(folder, "run/epochs.csv", 3)
    let replayed = try column(folder, "replay/epochs.csv", 1)
    #expect(trained.count == 4)
    #expect(replayed == trained)
    #expect(Set(trained).count > 1)  // the run did prune, so the log had gaps
    let manifest = String(decoding: try folder.contents("replay/manifest.json"), as: UTF8.self)
    #expect(manifest.contains("\"missingEntries\": \"carry-forward\""))
    #expect(manifest.contains("\"lossLogFill\": \"filled "))

    // Another rule replays the same log too.
    try runPruneLab(
      ["simulate", "--rule", "repb", "--losses", log, "--missing", "carry-forward",
       "--batch-size", "32", "--out", folder.path("repb")])
    #expect(try column(folder, "repb/epochs.csv", 1).count == 4)
  }
}
