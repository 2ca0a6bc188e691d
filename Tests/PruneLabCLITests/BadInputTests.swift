import Foundation
import PruneCore
import Testing

@testable import PruneLabCLI

/// Every bad input ends with a clear message, a non-zero status, and no output folder.
@Suite struct BadInputTests {
  static let small = ["--samples", "100", "--epochs", "4", "--batch-size", "16"]

  struct Case: Sendable, CustomTestStringConvertible {
    let label: String
    let arguments: [String]
    let status: Int32
    let mentions: String
    var testDescription: String { label }
  }

  static let parameterCases: [Case] = [
    Case(label: "r outside its range", arguments: ["--rule", "infobatch", "--prune-ratio", "1.5"],
         status: 64, mentions: "1.5"),
    Case(label: "alpha = 1", arguments: ["--rule", "infobatch", "--score", "bls", "--alpha", "1"],
         status: 64, mentions: "alpha"),
    Case(label: "delta_e < delta_s",
         arguments: ["--rule", "bpas", "--delta-start", "1e-4", "--delta-end", "1e-5"],
         status: 64, mentions: "1e-05"),
    Case(label: "W = 0", arguments: ["--rule", "repb", "--window", "0"], status: 64,
         mentions: "window"),
    Case(label: "option of another rule", arguments: ["--rule", "full", "--rho", "0.5"],
         status: 64, mentions: "rho"),
    Case(label: "zero samples", arguments: ["--rule", "full", "--samples", "0"], status: 64,
         mentions: "no samples"),
    Case(label: "batch size 0", arguments: ["--rule", "full", "--batch-size", "0"], status: 64,
         mentions: "batchSize = 0"),
    Case(label: "unknown rule", arguments: ["--rule", "nope"], status: 64, mentions: "nope"),
    Case(label: "unknown option", arguments: ["--rule", "full", "--bogus", "1"], status: 64,
         mentions: "--bogus"),
    Case(label: "bad learner knob", arguments: ["--rule", "full", "--label-noise", "2"],
         status: 64, mentions: "labelNoiseFraction"),
  ]

  @Test(arguments: parameterCases)
  func rejectsBadParameters(_ bad: Case) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let out = folder.path("out")
    let error = try #require(errorOf(["simulate", "--out", out] + Self.small + bad.arguments))
    #expect(PruneLab.exitCode(for: error).rawValue == bad.status)
    #expect(PruneLab.message(for: error).contains(bad.mentions))
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  static let logCases: [(label: String, text: String, status: Int32, mentions: String)] = [
    ("NaN loss", "epoch,sample,loss\n0,0,1\n0,1,nan\n", 65, "line 3: loss is nan"),
    ("infinite loss", "epoch,sample,loss\n0,0,inf\n0,1,1\n", 65, "line 2: loss is inf"),
    ("missing epoch", "epoch,sample,loss\n0,0,1\n0,1,1\n2,0,1\n2,1,1\n", 65, "epoch 1 has no rows"),
    ("duplicate row", "epoch,sample,loss\n0,0,1\n0,1,1\n0,1,2\n", 65, "already appeared on line 3"),
    ("malformed number", "epoch,sample,loss\n0,0,1\n0,1,1.2.3\n", 65, "\"1.2.3\""),
    ("wrong header", "sample,loss\n0,1\n", 65, "header"),
    ("empty file", "", 65, "is empty"),
  ]

  @Test(arguments: logCases.indices)
  func rejectsBadLogs(_ index: Int) throws {
    let bad = Self.logCases[index]
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let log = try folder.write(bad.text, to: "log.csv")
    let out = folder.path("out")
    let error = try #require(
      errorOf(["simulate", "--rule", "infobatch", "--losses", log, "--out", out]))
    #expect(PruneLab.exitCode(for: error).rawValue == bad.status, "\(bad.label)")
    #expect(PruneLab.message(for: error).contains(bad.mentions), "\(bad.label)")
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func missingLogFile() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let missing = folder.path("nothing.csv")
    let error = try #require(
      errorOf(["simulate", "--rule", "infobatch", "--losses", missing, "--out", folder.path("o")]))
    #expect(PruneLab.exitCode(for: error).rawValue == 66)
    #expect(PruneLab.message(for: error).contains("cannot read \(missing): no such file"))
    #expect(!FileManager.default.fileExists(atPath: folder.path("o")))
  }

  @Test func outputFolderThatCannotBeWritten() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = try folder.write("not a folder", to: "file.txt")
    let out = file + "/out"
    let error = try #require(errorOf(["simulate", "--rule", "full", "--out", out] + Self.small))
    #expect(PruneLab.exitCode(for: error).rawValue == 73)
    #expect(PruneLab.message(for: error).contains(file))
  }

  @Test func sizesThatDisagreeWithTheLog() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let log = try folder.write("epoch,sample,loss\n0,0,1\n0,1,2\n", to: "l.csv")
    let error = try #require(
      errorOf(["simulate", "--rule", "full", "--losses", log, "--samples", "3", "--out",
               folder.path("o")]))
    #expect(PruneLab.exitCode(for: error).rawValue == 64)
    #expect(PruneLab.message(for: error).contains("--samples 3 disagrees"))
  }

  @Test func ruleWhoseSignalTheReplayLacks() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let log = try folder.write("epoch,batch,xbar\n0,0,0.5\n0,1,0.4\n", to: "a.csv")
    let out = folder.path("o")
    let error = try #require(
      errorOf(["simulate", "--rule", "infobatch", "--activations", log, "--samples", "20",
               "--batch-size", "10", "--out", out]))
    #expect(PruneLab.exitCode(for: error).rawValue == 64)
    let message = PruneLab.message(for: error)
    #expect(message.contains("rule infobatch needs the per-sample loss"))
    #expect(message.contains("activation log"))
    #expect(!FileManager.default.fileExists(atPath: out))
  }
}
