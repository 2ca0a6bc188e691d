import Testing
import _PruneTestSupport
@testable import PruneCore

@Suite struct RePBTests {
  @Test func workedExampleKeepAndDrop() {
    // algorithms.md §4: losses [0.5, 1, 1.5, 3], mean 1.5; U = [0.3, 0.7] for the two below.
    var uniforms = [0.3, 0.7].makeIterator()
    var draws = 0
    let kept = RePB<LossScore>.windowDecisions(scores: [0.5, 1.0, 1.5, 3.0], rho: 0.5) {
      draws += 1
      return uniforms.next() ?? 0
    }
    #expect(kept == [false, true, true, true])
    #expect(draws == 2)
    #expect(RePB<LossScore>.reenters(uniform: 0.3, rho: 0.5))
    #expect(!RePB<LossScore>.reenters(uniform: 0.5, rho: 0.5))
  }

  @Test func temporalWeightsAfterFourEpochs() {
    #expect(RePB<LossScore>.temporalWeight(epochs: 4, timesTrained: 2) == 2)
    #expect(RePB<LossScore>.temporalWeight(epochs: 4, timesTrained: 3) == 4.0 / 3)
    #expect(RePB<LossScore>.temporalWeight(epochs: 4, timesTrained: 4) == 1)
    #expect(RePB<LossScore>.temporalWeight(epochs: 4, timesTrained: 1, maxWeight: 3) == 3)
  }

  func run(
    configuration: RePBConfiguration = .standard, sampleCount: Int = 60, epochs: Int = 6,
    seed: UInt64 = 4
  ) throws -> (RePB<LossScore>, [EpochPlan]) {
    let setup = try TrainingSetup(
      sampleCount: sampleCount, batchSize: 8, plannedEpochs: epochs, seed: seed)
    var rule = try RePB(configuration: configuration, setup: setup)
    let plans = try ScriptedSignals(loss: hashedLoss(seed: seed)).run(&rule, epochs: 0..<epochs)
    return (rule, plans)
  }

  @Test func planWeightsAreTheCTRWeightsOfTheHistory() throws {
    let (rule, plans) = try run()
    #expect(plans[0].sampleCount == 60 && plans[0].maxWeight == 1)
    var counts = [Int](repeating: 0, count: 60)
    for (epoch, plan) in plans.enumerated() {
      #expect(planIsWellFormed(plan, sampleCount: 60))
      if epoch > 0 {
        #expect(plan.sampleCount < 60)
        for (sample, weight) in zip(plan.samples, plan.weights) {
          #expect(weight == Double(epoch) / Double(counts[sample]))
        }
      }
      for sample in plan.samples { counts[sample] += 1 }
    }
    #expect(rule.trainingCounts == counts)
  }

  @Test func droppedSamplesSitOutAndUnusedOnesReturn() throws {
    let (_, plans) = try run(epochs: 8)
    for epoch in 1..<7 {
      let trained = Set(plans[epoch].samples)
      let next = Set(plans[epoch + 1].samples)
      let returning = next.subtracting(trained)
      // Every sample of epoch e + 1 was either trained in e (kept) or unused in e (resampled);
      // the highest score of each batch is never below its mean, so each batch keeps one.
      #expect(returning.isDisjoint(with: trained))
      #expect(next.intersection(trained).count >= plans[epoch].batchCount)
    }
  }

  @Test func withoutResamplingThePoolOnlyShrinks() throws {
    let configuration = try RePBConfiguration(resampling: false)
    let (_, plans) = try run(configuration: configuration, epochs: 8)
    for epoch in 1..<7 {
      let trained = Set(plans[epoch].samples)
      let next = Set(plans[epoch + 1].samples)
      // No sample sits out and comes back: each epoch trains a subset of the one before.
      #expect(next.isSubset(of: trained))
    }
    #expect(plans[7].sampleCount < plans[1].sampleCount)
  }

  @Test func partialWindowIsItsOwnWindow() throws {
    // 60 samples in batches of 8 = 8 batches; W = 3 leaves a partial window of 2 batches.
    let configuration = try RePBConfiguration(windowBatches: 3)
    let (rule, plans) = try run(configuration: configuration)
    #expect(plans[1].sampleCount > 0)
    #expect(rule.finishedEpochs == 6)
  }

  @Test func clippingAndAnnealing() throws {
    let configuration = try RePBConfiguration(rho: 0.9, maxWeight: 2, delta: 0.5)
    let (rule, plans) = try run(configuration: configuration, epochs: 8)
    #expect(rule.prunes(epoch: 3) && !rule.prunes(epoch: 4))
    for plan in plans { #expect(plan.maxWeight <= 2) }
    for epoch in 4..<8 { #expect(plans[epoch].sampleCount == 60 && plans[epoch].maxWeight == 1) }
  }

  @Test func rejectsBadConfigurations() {
    #expect(throws: PruneCoreError.self) { try RePBConfiguration(rho: 1) }
    #expect(throws: PruneCoreError.self) { try RePBConfiguration(rho: .nan) }
    #expect(throws: PruneCoreError.outOfRange(parameter: "window", value: 0, allowed: "an integer >= 1")) {
      try RePBConfiguration(windowBatches: 0)
    }
    #expect(throws: PruneCoreError.self) { try RePBConfiguration(maxWeight: 0.5) }
    #expect(throws: PruneCoreError.self) { try RePBConfiguration(delta: 2) }
  }
}
