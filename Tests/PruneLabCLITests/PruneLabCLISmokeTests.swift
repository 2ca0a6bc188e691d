import Testing
@testable import PruneLabCLI

@Test func PruneLabCLIModuleLoads() {
  #expect(PruneLab.configuration.commandName == "prunelab")
}
