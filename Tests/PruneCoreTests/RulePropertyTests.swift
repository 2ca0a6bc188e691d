import PropertyBased
import Testing
import _PruneTestSupport
@testable import PruneCore

/// Properties every rule must have, on random sizes, seeds and signals (issue 2).
@Suite struct RulePropertyTests {
  /// Activation statistics whose epoch-to-epoch change shrinks, so B-PAS drops batches over time.
  static func settlingStatistic(seed: UInt64) -> @Sendable (Int, Int) -> Double {
    let noise = hashedLoss(seed: seed)
    return { epoch, batch in
      0.5 + 1e-4 * noise(0, batch) / Double((epoch + 1) * (epoch + 1) * (epoch + 1))
    }
  }

  static func driver(seed: UInt64) -> ScriptedSignals {
    ScriptedSignals(loss: hashedLoss(seed: seed), statistic: settlingStatistic(seed: seed))
  }

  static func options(for name: String, ratio: Double) throws -> RuleOptions {
    var options = RuleOptions()
    if ["random", "static-random", "infobatch", "seta"].contains(name) {
      try options.setValue("\(ratio)", forOption: "prune-ratio")
    }
    if name == "repb" { try options.setValue("\(ratio)", forOption: "rho") }
    return options
  }

  static let rules = RuleCatalog.ruleNames

  @Test(arguments: rules)
  func plansAreSubsetsWithoutDuplicatesAndWeightsAtLeastOne(name: String) async throws {
    await propertyCheck(
      count: 25, input: Gen.int(in: 1...120), Gen.int(in: 1...17), Gen.int(in: 1...12),
      Gen.uint64(in: 0...1_000), Gen.int(in: 0...95)
    ) { samples, batchSize, epochs, seed, percent in
      let setup = try TrainingSetup(
        sampleCount: samples, batchSize: batchSize, plannedEpochs: epochs, seed: seed)
      var rule = try RuleCatalog.makeRule(
        named: name, options: try Self.options(for: name, ratio: Double(percent) / 100),
        setup: setup)
      let plans = try Self.driver(seed: seed).run(&rule, epochs: 0..<epochs)
      for plan in plans {
        #expect(planIsWellFormed(plan, sampleCount: samples))
        #expect(plan.weights.allSatisfy { $0 >= 1 && $0.isFinite })
        #expect(plan.batchCount == setup.batchCount(forSamples: plan.sampleCount) || name == "bpas")
        if name != "bpas" { #expect(!plan.isEmpty) }
      }
      #expect(plans.first?.sampleCount == samples || name == "static-random")
    }
  }

  @Test(arguments: rules)
  func sameSeedSamePlansAndRestoreContinuesIdentically(name: String) async throws {
    await propertyCheck(
      count: 15, input: Gen.int(in: 2...90), Gen.int(in: 1...9), Gen.int(in: 2...10),
      Gen.uint64(in: 0...1_000)
    ) { samples, batchSize, epochs, seed in
      let setup = try TrainingSetup(
        sampleCount: samples, batchSize: batchSize, plannedEpochs: epochs, seed: seed)
      let options = try Self.options(for: name, ratio: 0.4)
      var first = try RuleCatalog.makeRule(named: name, options: options, setup: setup)
      var second = try RuleCatalog.makeRule(named: name, options: options, setup: setup)
      let driver = Self.driver(seed: seed)
      let plans = try driver.run(&first, epochs: 0..<epochs)
      #expect(try driver.run(&second, epochs: 0..<epochs) == plans)
      let fresh = try RuleCatalog.makeRule(named: name, options: options, setup: setup)
      try Self.checkResume(fresh, at: epochs / 2, of: epochs, driver: driver, expected: plans)
    }
  }

  /// Runs `rule` to `split`, copies its state into a fresh rule, and checks both finish the run
  /// with the `expected` plans.
  static func checkResume<Rule: PruningRule>(
    _ rule: Rule, at split: Int, of epochs: Int, driver: ScriptedSignals, expected: [EpochPlan]
  ) throws {
    var original = rule
    _ = try driver.run(&original, epochs: 0..<split)
    var resumed = rule
    try resumed.restore(original.state)
    #expect(resumed.state == original.state)
    let rest = try driver.run(&resumed, epochs: split..<epochs)
    #expect(rest == Array(expected[split...]))
  }

  @Test func infoBatchNeverPrunesEpochZeroNorAnnealingEpochs() async throws {
    await propertyCheck(
      count: 40, input: Gen.int(in: 1...80), Gen.int(in: 1...20), Gen.int(in: 0...100),
      Gen.uint64(in: 0...1_000)
    ) { samples, epochs, deltaPercent, seed in
      let setup = try TrainingSetup(
        sampleCount: samples, batchSize: 7, plannedEpochs: epochs, seed: seed)
      let configuration = try InfoBatchConfiguration(delta: Double(deltaPercent) / 100)
      var rule = try InfoBatch(configuration: configuration, setup: setup)
      let plans = try ScriptedSignals(loss: hashedLoss(seed: seed)).run(&rule, epochs: 0..<epochs)
      for (epoch, plan) in plans.enumerated() where epoch == 0 || !rule.prunes(epoch: epoch) {
        #expect(plan.sampleCount == samples && plan.maxWeight == 1)
      }
      for (epoch, plan) in plans.enumerated() where rule.prunes(epoch: epoch) {
        #expect(Double(epoch + 1) <= Double(epochs) * configuration.delta)
        #expect(plan.weights.allSatisfy { $0 == 1 || $0 == configuration.keptWeight })
      }
    }
  }

  @Test func bpasRetentionNeverIncreases() async throws {
    await propertyCheck(
      count: 30, input: Gen.int(in: 1...100), Gen.int(in: 1...16), Gen.int(in: 2...25),
      Gen.uint64(in: 0...1_000)
    ) { samples, batchSize, epochs, seed in
      let setup = try TrainingSetup(
        sampleCount: samples, batchSize: batchSize, plannedEpochs: epochs, seed: seed)
      var rule = try BPAS(configuration: BPASConfiguration(deltaStart: 1e-7, deltaEnd: 1e-5), setup: setup)
      let plans = try Self.driver(seed: seed).run(&rule, epochs: 0..<epochs)
      for (before, after) in zip(plans, plans.dropFirst()) {
        #expect(Set(after.batchIDs).isSubset(of: Set(before.batchIDs)))
        #expect(after.batchIDs == after.batchIDs.sorted())
      }
      #expect(plans[0].batchCount == rule.originalBatchCount)
      if epochs >= 2 { #expect(plans[1].batchCount == rule.originalBatchCount) }
    }
  }
}
