import Testing
import _PruneTestSupport

@testable import PruneCore

/// The switches of InfoBatch's ablations (paper Tables 4 and 5; claims IB-7, IB-8): each one off
/// its default changes exactly what it names; at its default nothing changes.
@Suite struct InfoBatchSwitchesTests {
  /// The plans of `epochs` epochs on fixed distinct losses, with the options `words`.
  static func plans(_ words: [String], epochs: Int = 8) throws -> [EpochPlan] {
    let setup = try TrainingSetup(sampleCount: 40, batchSize: 8, plannedEpochs: epochs, seed: 3)
    var rule = try RuleCatalog.makeRule(
      named: "infobatch", options: RuleOptions.parse(words), setup: setup)
    let driver = RuleDriver(loss: { _, sample in Double(sample) / 10 })
    return try driver.run(&rule, epochs: 0..<epochs)
  }

  @Test func defaultsAreThePackagesBehaviour() throws {
    #expect(InfoBatchConfiguration.standard.anneals)
    #expect(try Self.plans(["--anneal"]) == Self.plans([]))
  }

  @Test func withoutAnnealingEveryEpochButTheFirstPrunes() throws {
    // 8 epochs x delta 0.875 = 7: epoch 7 is the annealing epoch.
    let annealed = try Self.plans([])
    let pruned = try Self.plans(["--no-anneal"])
    #expect(annealed[7].sampleCount == 40)
    #expect(pruned[7].sampleCount < 40)
    #expect(pruned[0].sampleCount == 40)
    #expect(Array(pruned[0..<7]) == Array(annealed[0..<7]))
    let setup = try TrainingSetup(sampleCount: 40, batchSize: 8, plannedEpochs: 8)
    let rule = try InfoBatch(
      configuration: InfoBatchConfiguration(anneals: false), setup: setup)
    #expect(rule.parameters["anneal"] == "false")
  }
}
