import PruneCore
import Testing

@testable import PruneLabCLI

@Suite struct RulesCommandTests {
  @Test func listsEveryRuleWithItsOptionsAndDefaults() {
    let listing = PruneLab.Rules.listing()
    for rule in RuleCatalog.rules {
      #expect(listing.contains(rule.name + "\n"))
      for parameter in rule.parameters {
        #expect(listing.contains("--\(parameter.option.rawValue)"))
        #expect(listing.contains("default \(parameter.defaultValue)"))
      }
    }
    #expect(listing.contains("--prune-ratio"))
  }

  @Test func parsesAsASubcommand() throws {
    let command = try PruneLab.parseAsRoot(["rules"])
    #expect(command is PruneLab.Rules)
  }
}
