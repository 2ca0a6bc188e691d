import Testing
import _PruneTestSupport
@testable import PruneCore

@Suite struct BaselineTests {
  func setup(_ sampleCount: Int = 40, epochs: Int = 4) throws -> TrainingSetup {
    try TrainingSetup(sampleCount: sampleCount, batchSize: 8, plannedEpochs: epochs, seed: 6)
  }

  @Test func fullDataTrainsEverySampleOnce() throws {
    var rule = FullData(setup: try setup())
    for plan in try ScriptedSignals().run(&rule, epochs: 0..<3) {
      #expect(plan.samples.sorted() == Array(0..<40) && plan.maxWeight == 1)
      #expect(plan.batchCount == 5)
    }
  }

  @Test(arguments: [false, true])
  func dynamicRandomKeepsAFreshShare(rescales: Bool) throws {
    let configuration = try RandomBaselineConfiguration(pruneRatio: 0.3, rescales: rescales)
    var rule = DynamicRandom(configuration: configuration, setup: try setup())
    let plans = try ScriptedSignals().run(&rule, epochs: 0..<4)
    #expect(plans[0].sampleCount == 40 && plans[0].maxWeight == 1)
    for plan in plans[1...] {
      #expect(plan.sampleCount == 28)
      #expect(planIsWellFormed(plan, sampleCount: 40))
      #expect(plan.weights.allSatisfy { $0 == (rescales ? 1 / 0.7 : 1) })
    }
    #expect(Set(plans[1].samples) != Set(plans[2].samples))
  }

  @Test func dynamicRandomCanPruneEpochZero() throws {
    let configuration = try RandomBaselineConfiguration(pruneRatio: 0.5, prunesFirstEpoch: true)
    var rule = DynamicRandom(configuration: configuration, setup: try setup())
    #expect(try rule.plan(forEpoch: 0).sampleCount == 20)
  }

  @Test func staticRandomTrainsOneSubsetThroughout() throws {
    var rule = StaticRandom(
      configuration: try RandomBaselineConfiguration(pruneRatio: 0.25), setup: try setup())
    let plans = try ScriptedSignals().run(&rule, epochs: 0..<4)
    for plan in plans {
      #expect(plan.samples.sorted() == rule.subset)
      #expect(plan.sampleCount == 30)
    }
  }

  @Test func hardPruningDropsEveryBelowMeanSample() throws {
    var rule = try HardPruning(setup: try setup(10))
    let scores = [0.1, 0.2, 0.3, 0.4, 0.5, 1.0, 1.5, 2.0, 2.5, 3.5]
    let plans = try ScriptedSignals(loss: { _, sample in scores[sample] }).run(&rule, epochs: 0..<3)
    #expect(plans[0].sampleCount == 10)
    #expect(plans[1].samples.sorted() == [6, 7, 8, 9])
    #expect(plans[1].maxWeight == 1)
    // Samples 0...5 are not trained again, so their stale scores keep them out.
    #expect(plans[2].samples.sorted() == [6, 7, 8, 9])
  }
}
