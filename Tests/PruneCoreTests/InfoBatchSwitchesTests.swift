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
    let driver = ScriptedSignals(loss: { _, sample in Double(sample) / 10 })
    return try driver.run(&rule, epochs: 0..<epochs)
  }

  @Test func defaultsAreThePackagesBehaviour() throws {
    #expect(InfoBatchConfiguration.standard.anneals && InfoBatchConfiguration.standard.rescales)
    #expect(InfoBatchConfiguration.standard.prunedSide == .belowMean)
    let standard = try Self.plans([])
    #expect(try Self.plans(["--anneal"]) == standard)
    #expect(try Self.plans(["--rescale"]) == standard)
    #expect(try Self.plans(["--pruned-side", "below-mean"]) == standard)
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

  @Test func withoutRescalingKeptCandidatesWeighOne() throws {
    let rescaled = try Self.plans(["--prune-ratio", "0.75"])
    let plain = try Self.plans(["--prune-ratio", "0.75", "--no-rescale"])
    #expect(rescaled[1].weights.max() == 4)
    #expect(plain[1].weights.allSatisfy { $0 == 1 })
    // The same samples in the same order: only the weights differ.
    #expect(zip(rescaled, plain).allSatisfy { $0.samples == $1.samples })
  }

  @Test func abovePrunesTheSamplesAboveTheMean() throws {
    // Scores i/10 for i < 40 after epoch 0: mean 1.95, so 0...19 lie below, 20...39 above.
    let setup = try TrainingSetup(sampleCount: 40, batchSize: 8, plannedEpochs: 8, seed: 3)
    var rule = try InfoBatch(
      configuration: InfoBatchConfiguration(prunedSide: .aboveMean), setup: setup)
    let driver = ScriptedSignals(loss: { _, sample in Double(sample) / 10 })
    _ = try driver.runEpoch(&rule, epoch: 0)
    #expect(rule.candidateSamples == Array(20..<40))
    let plan = try rule.plan(forEpoch: 1)
    #expect(Set(plan.samples).isSuperset(of: 0..<20))
    #expect(plan.samples.filter { $0 >= 20 }.count == 10)
    #expect(rule.parameters["prunedSide"] == "above-mean")
  }

  @Test func aScoreEqualToTheMeanIsNeverACandidateAboveEither() throws {
    // Three copies of 0.1 sum to 0.30000000000000004: a rounded mean would put them above it.
    let configuration = try InfoBatchConfiguration(prunedSide: .aboveMean)
    let scores = [0.1, 0.1, 0.1]
    let threshold = configuration.candidateThreshold(of: scores)
    #expect(!scores.contains { configuration.isCandidate(score: $0, threshold: threshold) })
    let mixed = [0.1, 0.1, 0.1, 0.4]
    let cut = configuration.candidateThreshold(of: mixed)
    #expect(mixed.map { configuration.isCandidate(score: $0, threshold: cut) }
      == [false, false, false, true])
  }

  @Test func anySidePrunesUniformlyWithRescalingAndAnnealing() throws {
    // Every sample is a candidate: keep floor(0.75 x 40) = 30 of 40 with weight 1/0.75, in
    // pruning epochs only; the annealing epoch 7 and epoch 0 train all 40 with weight 1.
    let plans = try Self.plans(["--pruned-side", "any", "--prune-ratio", "0.25"])
    #expect(plans[0].sampleCount == 40 && plans[7].sampleCount == 40)
    for epoch in 1..<7 {
      #expect(plans[epoch].sampleCount == 30)
      #expect(plans[epoch].weights.allSatisfy { abs($0 - 1 / 0.75) < 1e-12 })
    }
    #expect(plans[7].weights.allSatisfy { $0 == 1 })
    // Pruned samples differ between epochs (a fresh draw each epoch), and low and high scores
    // are both pruned over the run.
    let pruned = (1..<7).map { Set(0..<40).subtracting(plans[$0].samples) }
    #expect(Set(pruned).count > 1)
    let all = pruned.reduce(Set<Int>()) { $0.union($1) }
    #expect(all.contains { $0 < 20 } && all.contains { $0 >= 20 })
    let configuration = try InfoBatchConfiguration(prunedSide: .any)
    #expect(configuration.isCandidate(score: 5, threshold: configuration.candidateThreshold(of: [1, 5])))
  }
}
