import PruneCore
import PruneSignals
import Testing
import Foundation

@testable import PruneEngine

@Suite struct SimulationTests {
  static func learner(samples: Int, seed: UInt64 = 1, noise: Double = 0) throws -> SyntheticLearner {
    try SyntheticLearner(
      sampleCount: samples,
      configuration: LearnerConfiguration(
        initialLoss: 2, lossFloor: 0, learningSpeed: 1, globalSpeed: 0, difficulty: .constant(1),
        noiseLevel: noise),
      seed: seed)
  }

  @Test func signalsAreMeasuredBeforeTheUpdate() throws {
    var rule = KeepAllRule(setup: try TrainingSetup(sampleCount: 5, batchSize: 2, plannedEpochs: 2))
    var source = try Self.learner(samples: 5)
    let result = try Simulation.run(&rule, on: &source)
    // Epoch 0: untrained, every loss is l_0 = 2. Epoch 1: one visit each, 2 exp(-1).
    #expect(rule.reports.count == 6)
    #expect(rule.reports[0].losses == [2, 2])
    #expect(rule.reports[0].mean == 2)
    #expect(rule.reports[5].losses == [2 * Foundation.exp(-1.0)])
    #expect(rule.reports[4].samples == [2, 3])
    #expect(result.epochs.map(\.meanLoss) == [2, 2 * Foundation.exp(-1.0)])
  }

  @Test func countsWhatWasTrained() throws {
    var rule = KeepAllRule(setup: try TrainingSetup(sampleCount: 5, batchSize: 2, plannedEpochs: 3))
    rule.weight = 1.5
    var source = try Self.learner(samples: 5)
    let result = try Simulation.run(&rule, on: &source)
    let first = try #require(result.epochs.first)
    #expect(first.trainedSamples == 5)
    #expect(first.trainedBatches == 3)
    #expect(first.prunedSamples == 0)
    #expect(first.savedFraction == 0)
    #expect(first.meanWeight == 1.5)
    #expect(first.maxWeight == 1.5)
    #expect(first.meanWeightedLoss == 3)
    #expect(result.summary.epochsRun == 3)
    #expect(result.summary.savedFraction == 0)
    #expect(result.summary.dsi == nil)
    let outcomes = try #require(result.samples)
    #expect(outcomes.timesTrained == [3, 3, 3, 3, 3])
    #expect(outcomes.weightedTimesTrained == [4.5, 4.5, 4.5, 4.5, 4.5])
    #expect(outcomes.lastTrainedEpoch == [2, 2, 2, 2, 2])
    #expect(outcomes.labels?.count == 5)
  }

  @Test func batchMeanRescalingTrainsEverySampleWithTheMeanWeight() throws {
    var rule = KeepAllRule(setup: try TrainingSetup(sampleCount: 4, batchSize: 2, plannedEpochs: 1))
    rule.rescaling = .batchMeanWeight
    var source = try Self.learner(samples: 4)
    let result = try Simulation.run(&rule, on: &source)
    // Weights [2, 1 | 1, 1]: batch 0 trains both samples with 1.5.
    #expect(result.samples?.weightedTimesTrained == [1.5, 1.5, 1, 1])
  }

  @Test func stopsEarlyAndReportsDSI() throws {
    // 4 batches, one dropped per epoch: 4 + 3 + 2 + 1 batches, then an empty plan.
    var rule = DroppingBatchesRule(
      setup: try TrainingSetup(sampleCount: 8, batchSize: 2, plannedEpochs: 5))
    var source = try ActivationStabilitySource(
      sampleCount: 8, batchCount: 4, configuration: ActivationConfiguration(), seed: 2)
    var seen: [Int] = []
    let result = try Simulation.run(&rule, on: &source) { seen.append($0.epoch) }
    #expect(seen == [0, 1, 2, 3])
    #expect(result.summary.epochsRun == 4)
    #expect(result.summary.stoppedEarly)
    #expect(result.summary.trainedBatches == 10)
    #expect(result.summary.dsi == 0.5)
    #expect(result.summary.savedFraction == 0.5)
    #expect(result.epochs.map(\.prunedSamples) == [0, 2, 4, 6])
    #expect(result.epochs[1].cumulativeSavedFraction == 1 - 14.0 / 16)
    #expect(result.epochs[0].meanLoss == nil)
    #expect(result.epochs[0].meanActivation != nil)
  }

  @Test func refusesARuleWhoseSignalIsMissing() throws {
    var rule = DroppingBatchesRule(
      setup: try TrainingSetup(sampleCount: 8, batchSize: 2, plannedEpochs: 5))
    var source = try Self.learner(samples: 8)
    let expected = PruneEngineError.missingSignals(
      rule: "dropping", required: .activationStatistic, source: "synthetic learner",
      provided: [.perSampleLoss, .batchMeanLoss])
    let error = #expect(throws: expected) { try Simulation.run(&rule, on: &source) }
    #expect(error?.description.contains("rule dropping needs the activation statistic") == true)
    #expect(error?.description.contains("synthetic learner provides only") == true)
  }

  @Test func refusesMismatchedSizes() throws {
    var rule = KeepAllRule(setup: try TrainingSetup(sampleCount: 5, batchSize: 2, plannedEpochs: 3))
    var small = try Self.learner(samples: 4)
    #expect(throws: PruneEngineError.sampleCountMismatch(
      rule: "keep-all", ruleSamples: 5, source: "synthetic learner", sourceSamples: 4)) {
      try Simulation.run(&rule, on: &small)
    }
    var shortLog = try LogReplaySource(
      lossLog: LossLog(sampleCount: 5, losses: [Double](repeating: 1, count: 10)), name: "l.csv")
    #expect(throws: PruneEngineError.tooFewEpochs(source: "l.csv", available: 2, planned: 3)) {
      try Simulation.run(&rule, on: &shortLog)
    }
  }

  @Test func refusesAnInvalidPlan() throws {
    var rule = BrokenRule(setup: try TrainingSetup(sampleCount: 3, batchSize: 2, plannedEpochs: 1))
    var source = try Self.learner(samples: 3)
    #expect(throws: PruneEngineError.invalidPlan(
      rule: "broken", epoch: 0, detail: "sample 3 is outside 0..<3")) {
      try Simulation.run(&rule, on: &source)
    }
  }

  @Test func sameSeedSameRecords() throws {
    func run(seed: UInt64) throws -> [[String]] {
      var rule = KeepAllRule(
        setup: try TrainingSetup(sampleCount: 50, batchSize: 8, plannedEpochs: 4))
      var source = try Self.learner(samples: 50, seed: seed, noise: 0.3)
      return try Simulation.run(&rule, on: &source).epochs.map(\.csvFields)
    }
    #expect(try run(seed: 3) == run(seed: 3))
    #expect(try run(seed: 3) != run(seed: 4))
  }

  @Test func replayOfARecordedRunGivesTheSameRecords() throws {
    let setup = try TrainingSetup(sampleCount: 30, batchSize: 4, plannedEpochs: 3)
    var rule = KeepAllRule(setup: setup)
    var learner = try Self.learner(samples: 30, noise: 0.2)
    learner.startRecording()
    let original = try Simulation.run(&rule, on: &learner)
    var replayRule = KeepAllRule(setup: setup)
    var replay = try LogReplaySource(lossLog: #require(learner.recordedLog))
    let replayed = try Simulation.run(&replayRule, on: &replay)
    #expect(original.epochs.map(\.csvFields) == replayed.epochs.map(\.csvFields))
    #expect(original.samples?.lastLoss == replayed.samples?.lastLoss)
  }
}
