import PruneCore
import Testing

@testable import PruneLabCLI

@Suite struct RulesCommandTests {
  @Test func listsEveryRuleWithItsOptionsAndDefaults() {
    let listing = PruneLab.Rules.listing()
    for rule in RuleCatalog.rules {
      #expect(listing.contains(rule.name + "\n"))
      for parameter in rule.parameters {
        #expect(listing.contains("--\(parameter.option)"))
        #expect(listing.contains("default \(parameter.defaultValue)"))
      }
    }
    #expect(listing.contains("--prune-ratio"))
  }

  @Test func simulateCollectsRuleOptionsInOrder() throws {
    let command = try PruneLab.Simulate.parse(
      ["--rule", "infobatch", "--prune-ratio", "0.3", "--out", "x", "--delta", "0.5"])
    #expect(command.ruleArguments == ["--prune-ratio", "0.3", "--delta", "0.5"])
  }

  @Test func parsesAsASubcommand() throws {
    let command = try PruneLab.parseAsRoot(["rules"])
    #expect(command is PruneLab.Rules)
  }
}
