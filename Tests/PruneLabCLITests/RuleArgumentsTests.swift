import PruneCore
import Testing

@testable import PruneLabCLI

@Suite struct RuleArgumentsTests {
  @Test func readsValuesFlagsNegationsAndEquals() throws {
    let options = try RuleArguments.parse(
      ["--prune-ratio", "0.3", "--rescale", "--no-prune-first-epoch", "--alpha=0.7",
       "--score", "bls"])
    #expect(options.pruneRatio == 0.3)
    #expect(options.rescale == true)
    #expect(options.pruneFirstEpoch == false)
    #expect(options.alpha == 0.7)
    #expect(options.score == .bls)
  }

  @Test func rejectsAStrayValueAndAnUnknownOption() {
    #expect(throws: PruneLabCLIError.malformedRuleOption(
      argument: "0.3", reason: "a value without an option before it")) {
      try RuleArguments.parse(["0.3"])
    }
    #expect(throws: PruneLabCLIError.unknownOption(argument: "--prune-ratoi")) {
      try RuleArguments.parse(["--prune-ratoi", "0.3"])
    }
  }

  @Test func simulateCollectsRuleOptionsInOrder() throws {
    let command = try PruneLab.Simulate.parse(
      ["--rule", "infobatch", "--prune-ratio", "0.3", "--out", "x", "--delta", "0.5"])
    #expect(command.ruleArguments == ["--prune-ratio", "0.3", "--delta", "0.5"])
  }
}
