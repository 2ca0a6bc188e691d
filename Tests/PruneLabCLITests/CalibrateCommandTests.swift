import Foundation
import Testing

@testable import PruneLabCLI

@Suite struct CalibrateCommandTests {
  /// A full-data loss log of the simulated learner with 10 % label noise.
  static func writeLog(in folder: TemporaryFolder) throws -> String {
    try runPruneLab(
      ["simulate", "--rule", "full", "--samples", "600", "--epochs", "10", "--label-noise", "0.1",
       "--noise", "0.2", "--global-speed", "0", "--write-loss-log", "--out", folder.path("full")])
    return folder.path("full/losses.csv")
  }

  @Test func fitsALogAndTheLearnerFileDrivesSimulateAndSweep() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let log = try Self.writeLog(in: folder)
    let learner = folder.path("fit.learner.json")
    try runPruneLab(["calibrate", "--losses", log, "--out", learner])
    let text = String(decoding: try folder.contents("fit.learner.json"), as: UTF8.self)
    #expect(text.contains("\"format\" : \"prunelab-learner 1\"") || text.contains("\"format\": \"prunelab-learner 1\""))
    try runPruneLab(
      ["simulate", "--rule", "infobatch", "--learner", learner, "--samples", "300", "--epochs",
       "6", "--out", folder.path("sim")])
    let manifest = String(decoding: try folder.contents("sim/manifest.json"), as: UTF8.self)
    #expect(manifest.contains("--learner"))
    try runPruneLab(
      ["sweep", "run", "--rules", "infobatch", "--learner", learner, "--vary",
       "label-noise=0,0.2", "--vary", "duplicates=0,0.3", "--seeds", "2", "--samples", "200",
       "--epochs", "6", "--batch-size", "20", "--out", folder.path("sweep")])
    let rows = String(decoding: try folder.contents("sweep/sweep.csv"), as: UTF8.self)
      .split(separator: "\n")
    #expect(rows.count == 1 + 8)
    // With the learner file only the listed knobs can be varied.
    let error = try #require(
      errorOf(
        ["sweep", "run", "--rules", "infobatch", "--learner", learner, "--vary",
         "learning-speed=0.1", "--out", folder.path("bad")]))
    #expect(PruneLab.exitCode(for: error).rawValue == 64)
    #expect(PruneLab.message(for: error).contains("the file fixes the learner"))
    #expect(!FileManager.default.fileExists(atPath: folder.path("bad")))
  }

  @Test func badLogsAndFilesAreRefusedWithoutOutput() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let one = try folder.write("epoch,sample,loss\n0,0,1.0\n0,1,2.0\n", to: "one.csv")
    let constant = try folder.write(
      "epoch,sample,loss\n0,0,1\n0,1,1\n1,0,1\n1,1,1\n2,0,1\n2,1,1\n", to: "constant.csv")
    for (log, words) in [(one, "1 epoch"), (constant, "constant loss")] {
      let error = try #require(
        errorOf(["calibrate", "--losses", log, "--out", folder.path("x.json")]))
      #expect(PruneLab.exitCode(for: error).rawValue == 65)
      #expect(PruneLab.message(for: error).contains(words))
    }
    #expect(!FileManager.default.fileExists(atPath: folder.path("x.json")))
    let broken = try folder.write("{\"format\": \"prunelab-learner 1\", \"knobs\": {}}", to: "b.json")
    let error = try #require(
      errorOf(
        ["simulate", "--rule", "full", "--learner", broken, "--out", folder.path("s")]))
    #expect(PruneLab.message(for: error).contains("knob \"difficulty\" is missing"))
    #expect(!FileManager.default.fileExists(atPath: folder.path("s")))
  }
}
