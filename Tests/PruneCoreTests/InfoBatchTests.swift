import PropertyBased
import Testing
import _PruneTestSupport
@testable import PruneCore

@Suite struct InfoBatchTests {
  /// A rule whose scores are `scores` after epoch 0, planned for `epochs`, at epoch 1's start.
  func ruleAfterEpochZero(
    scores: [Double], pruneRatio: Double = 0.5, epochs: Int = 10, seed: UInt64 = 1,
    selection: InfoBatchConfiguration.Selection = .exactCount
  ) throws -> InfoBatch<LossScore> {
    let setup = try TrainingSetup(
      sampleCount: scores.count, batchSize: 4, plannedEpochs: epochs, seed: seed)
    var rule = try InfoBatch(
      configuration: InfoBatchConfiguration(pruneRatio: pruneRatio, selection: selection),
      setup: setup)
    let driver = ScriptedSignals(loss: { _, sample in scores[sample] })
    let first = try driver.runEpoch(&rule, epoch: 0)
    #expect(first.sampleCount == scores.count)
    #expect(rule.scoreSource.scores == scores)
    return rule
  }

  @Test func workedExampleCandidates() throws {
    // algorithms.md §1.7: mean 1.2, candidates 0...5, 3 kept with weight 2, list of 7.
    let scores = [0.1, 0.2, 0.3, 0.4, 0.5, 1.0, 1.5, 2.0, 2.5, 3.5]
    var rule = try ruleAfterEpochZero(scores: scores)
    #expect(rule.candidateSamples == [0, 1, 2, 3, 4, 5])
    let plan = try rule.plan(forEpoch: 1)
    #expect(plan.sampleCount == 7)
    #expect(Set(plan.samples).isSuperset(of: [6, 7, 8, 9]))
    let kept = plan.samples.indices.filter { plan.samples[$0] < 6 }
    #expect(kept.count == 3)
    for position in kept { #expect(plan.weights[position] == 2.0) }
    for position in plan.samples.indices where plan.samples[position] >= 6 {
      #expect(plan.weights[position] == 1.0)
    }
  }

  @Test func tieWithTheMeanIsNeverACandidate() throws {
    // [1, 1, 1, 3]: mean 1.5, candidates {0, 1, 2}; keep 0.1 x 3 -> 0 kept, so only sample 3.
    var rule = try ruleAfterEpochZero(scores: [1, 1, 1, 3], pruneRatio: 0.9)
    #expect(rule.candidateSamples == [0, 1, 2])
    let plan = try rule.plan(forEpoch: 1)
    #expect(plan.samples == [3])
    var equal = try ruleAfterEpochZero(scores: [2, 2, 2, 2])
    #expect(equal.candidateSamples.isEmpty)
    #expect(try equal.plan(forEpoch: 1).sampleCount == 4)
  }

  @Test func floorRuleKeepsTwoOfFiveCandidates() throws {
    let configuration = try InfoBatchConfiguration(pruneRatio: 0.5)
    #expect(configuration.keptCount(ofCandidates: 5) == 2)
    var rule = try ruleAfterEpochZero(scores: [0.1, 0.2, 0.3, 0.4, 0.5, 10])
    #expect(try rule.plan(forEpoch: 1).sampleCount == 1 + 2)
  }

  @Test func seventyPercentOfFortyFiveThousandIs31499() throws {
    let configuration = try InfoBatchConfiguration(pruneRatio: 0.3)
    #expect(configuration.keepRatio == 0.7)
    #expect(configuration.keptCount(ofCandidates: 45_000) == 31_499)
    // The same through a plan: 45,000 scores of 0 below a mean of 10, 5,000 scores of 100.
    let scores = [Double](repeating: 0, count: 45_000) + [Double](repeating: 100, count: 5_000)
    var rule = try ruleAfterEpochZero(scores: scores, pruneRatio: 0.3)
    #expect(try rule.plan(forEpoch: 1).sampleCount == 5_000 + 31_499)
  }

  @Test func keepRatioIsClampedAtOneTenth() throws {
    #expect(try InfoBatchConfiguration(pruneRatio: 0.95).keepRatio == 0.1)
    #expect(try InfoBatchConfiguration(pruneRatio: 0).keepRatio == 1)
  }

  @Test func stepLossAndScoresOfTheWorkedExample() throws {
    // §1.7: losses [0.2, 1, 2, 3] with weights [2, 2, 1, 1] give 7.4 / 4 = 1.85.
    let plan = EpochPlan(epoch: 1, samples: [0, 1, 2, 3], weights: [2, 2, 1, 1], batchSize: 4)
    #expect(plan.weightedLoss(ofBatch: 0, losses: [0.2, 1.0, 2.0, 3.0]) == 1.85)
    var source = try LossScore(sampleCount: 6)
    try source.update(
      with: BatchReport(
        epoch: 1, position: 0, batchID: 0, samples: [0, 1, 2, 3], losses: [0.2, 1.0, 2.0, 3.0]))
    #expect(source.scores == [0.2, 1.0, 2.0, 3.0, 3.0, 3.0])
  }

  @Test(arguments: [(200, 174, 175), (10, 7, 8)])
  func scheduleBoundaries(epochs: Int, lastPruned: Int, firstFull: Int) throws {
    let setup = try TrainingSetup(sampleCount: 4, batchSize: 2, plannedEpochs: epochs)
    let rule = try InfoBatch(setup: setup)
    #expect(!rule.prunes(epoch: 0))
    #expect(rule.prunes(epoch: 1))
    #expect(rule.prunes(epoch: lastPruned))
    #expect(!rule.prunes(epoch: firstFull))
    #expect(!rule.prunes(epoch: epochs - 1))
    #expect(Annealing.firstFullEpoch(plannedEpochs: epochs, delta: 0.875) == firstFull)
  }

  /// Runs InfoBatch with losses that always leave candidates; returns the plans.
  func annealedRun(epochs: Int, bug: Bool) throws -> [EpochPlan] {
    let setup = try TrainingSetup(sampleCount: 20, batchSize: 8, plannedEpochs: epochs, seed: 3)
    var rule = try InfoBatch(
      configuration: InfoBatchConfiguration(packageWeightResetBug: bug), setup: setup)
    return try ScriptedSignals(loss: { _, sample in Double(sample) }).run(&rule, epochs: 0..<epochs)
  }

  @Test func weightsResetWhenAnnealingStartsUnlessTheBugIsAsked() throws {
    // E = 10, delta 0.875: 8.75 is not an integer, so the package never resets (§1.3).
    let fixed = try annealedRun(epochs: 10, bug: false)
    let buggy = try annealedRun(epochs: 10, bug: true)
    #expect(fixed[7].maxWeight == 2 && buggy[7].maxWeight == 2)
    for epoch in 8...9 {
      #expect(fixed[epoch].sampleCount == 20 && buggy[epoch].sampleCount == 20)
      #expect(fixed[epoch].maxWeight == 1)
      #expect(buggy[epoch].maxWeight == 2)
      let boosted = Set(buggy[epoch].samples.indices.filter { buggy[epoch].weights[$0] == 2 }
        .map { buggy[epoch].samples[$0] })
      let keptInSeven = Set(buggy[7].samples.indices.filter { buggy[7].weights[$0] == 2 }
        .map { buggy[7].samples[$0] })
      #expect(boosted == keptInSeven)
    }
    // E = 200: 175 = 200 x 0.875 is an integer, so even the package resets at epoch 175.
    let long = try annealedRun(epochs: 200, bug: true)
    #expect(long[174].maxWeight == 2)
    for epoch in 175..<200 { #expect(long[epoch].maxWeight == 1) }
  }

  @Test func epochZeroNeverPrunesEvenWithDistinctInitialScores() throws {
    let setup = try TrainingSetup(sampleCount: 5, batchSize: 2, plannedEpochs: 4)
    var source = try LossScore(sampleCount: 5, initialScore: 0)
    try source.restore(LossScore.State(scores: [0, 0, 0, 0, 9]))
    var rule = try InfoBatch(scoreSource: source, setup: setup)
    let plan = try rule.plan(forEpoch: 0)
    #expect(plan.sampleCount == 5 && plan.maxWeight == 1)
  }

  @Test func bernoulliKeepsAboutTheKeepRatio() throws {
    let scores = [Double](repeating: 0, count: 9_000) + [Double](repeating: 10, count: 1_000)
    var rule = try ruleAfterEpochZero(scores: scores, pruneRatio: 0.3, selection: .bernoulli)
    let plan = try rule.plan(forEpoch: 1)
    let kept = plan.sampleCount - 1_000
    #expect(abs(Double(kept) - 6_300) < 200)
    #expect(plan.weights.allSatisfy { $0 == 1 || $0 == 1 / 0.7 })
  }

  @Test func callsOutOfOrderThrow() throws {
    let setup = try TrainingSetup(sampleCount: 5, batchSize: 2, plannedEpochs: 4)
    var rule = try InfoBatch(setup: setup)
    #expect(throws: PruneCoreError.self) { try rule.plan(forEpoch: 1) }
    _ = try rule.plan(forEpoch: 0)
    #expect(throws: PruneCoreError.self) { try rule.plan(forEpoch: 1) }
    #expect(throws: PruneCoreError.self) {
      try rule.record(BatchReport(epoch: 3, position: 0, batchID: 0, samples: [0], losses: [1]))
    }
  }

  @Test(arguments: [Double.nan, .infinity, -.infinity])
  func nonFiniteLossNamesEpochAndSample(loss: Double) throws {
    let setup = try TrainingSetup(sampleCount: 5, batchSize: 2, plannedEpochs: 4)
    var rule = try InfoBatch(setup: setup)
    _ = try rule.plan(forEpoch: 0)
    let report = BatchReport(epoch: 0, position: 0, batchID: 0, samples: [2, 4], losses: [1, loss])
    #expect(throws: PruneCoreError.self) { try rule.record(report) }
    do {
      try rule.record(report)
    } catch let error as PruneCoreError {
      guard case .nonFiniteSignal(_, let epoch, let sample, _) = error else {
        Issue.record("wrong error \(error)")
        return
      }
      #expect(epoch == 0 && sample == 4)
      #expect(error.description.contains("sample 4"))
    }
  }

  @Test(arguments: [-0.1, 1.0, 1.5, .nan])
  func rejectsPruneRatio(ratio: Double) {
    #expect(throws: PruneCoreError.self) { try InfoBatchConfiguration(pruneRatio: ratio) }
  }

  @Test(arguments: [-0.1, 1.01, .nan])
  func rejectsDelta(delta: Double) {
    #expect(throws: PruneCoreError.self) { try InfoBatchConfiguration(delta: delta) }
  }

  @Test func errorNamesParameterValueAndRange() {
    let error = PruneCoreError.outOfRange(parameter: "pruneRatio", value: 1.5, allowed: "[0, 1)")
    #expect(error.description == "pruneRatio = 1.5 is outside [0, 1); pass a value in that range.")
  }
}

@Suite struct InfoBatchEpochOneTests {
  /// Issue 2's replay check: epoch 1 trains N - |C| + floor(keepRatio |C|) samples, C the samples
  /// below the mean of the epoch-0 losses.
  @Test func epochOneSizeFollowsFromEpochZeroLosses() async throws {
    await propertyCheck(
      count: 30, input: Gen.int(in: 1...1_200), Gen.int(in: 0...95), Gen.uint64(in: 0...1_000)
    ) { samples, percent, seed in
      let setup = try TrainingSetup(
        sampleCount: samples, batchSize: 64, plannedEpochs: 10, seed: seed)
      let configuration = try InfoBatchConfiguration(pruneRatio: Double(percent) / 100)
      var rule = try InfoBatch(configuration: configuration, setup: setup)
      let loss = hashedLoss(seed: seed)
      let plans = try ScriptedSignals(loss: loss).run(&rule, epochs: 0..<2)
      let losses = (0..<samples).map { loss(0, $0) }
      let mean = losses.reduce(0, +) / Double(samples)
      let candidates = losses.filter { $0 < mean }.count
      let expected = samples - candidates + Int(configuration.keepRatio * Double(candidates))
      #expect(abs(ScoreStatistics.mean(of: losses) - mean) < 1e-12)
      #expect(plans[1].sampleCount == expected)
      if configuration.keptWeight > 1 {
        #expect(plans[1].weights.filter { $0 > 1 }.count == expected - (samples - candidates))
      }
    }
  }
}
