import Foundation
import PruneCore
import Testing

@testable import MiniCNN

/// A small rule for the trainer's tests: every sample each epoch in a seeded order, optional
/// 2x weights on even samples, optional X̄ requirement, optional empty plan from some epoch on.
struct ProbeRule: PruningRule {
  struct State: Codable, Sendable, Equatable {
    var recordedBatches: Int
    var recordedLossSum: Double
    var statistics: [Double]
  }

  let setup: TrainingSetup
  var requiredSignals: SignalKinds
  var emptyFromEpoch: Int?
  var weighsEvenSamples: Bool
  private(set) var state: State = State(recordedBatches: 0, recordedLossSum: 0, statistics: [])

  init(
    setup: TrainingSetup, requiredSignals: SignalKinds = .perSampleLoss,
    emptyFromEpoch: Int? = nil, weighsEvenSamples: Bool = false
  ) {
    self.setup = setup
    self.requiredSignals = requiredSignals
    self.emptyFromEpoch = emptyFromEpoch
    self.weighsEvenSamples = weighsEvenSamples
  }

  var name: String { "probe" }
  var parameters: [String: String] { ["weighsEvenSamples": "\(weighsEvenSamples)"] }

  mutating func plan(forEpoch epoch: Int) throws -> EpochPlan {
    if let emptyFromEpoch, epoch >= emptyFromEpoch {
      return EpochPlan(epoch: epoch, samples: [], weights: [], batchSize: setup.batchSize)
    }
    var order = Array(0..<setup.sampleCount)
    var generator = SeededGenerator(seed: setup.seed, stream: UInt64(epoch))
    order.seededShuffle(using: &generator)
    let weights = order.map { weighsEvenSamples && $0 % 2 == 0 ? 2.0 : 1.0 }
    return EpochPlan(epoch: epoch, samples: order, weights: weights, batchSize: setup.batchSize)
  }

  mutating func record(_ report: BatchReport) throws {
    let losses = try #require(report.losses)
    #expect(losses.count == report.samples.count)
    state.recordedBatches += 1
    state.recordedLossSum += losses.reduce(0, +)
    if let statistic = report.activationStatistic { state.statistics.append(statistic) }
  }

  mutating func finishEpoch(_ epoch: Int) throws {}

  mutating func restore(_ state: State) throws { self.state = state }
}

/// The tiny synthetic workload of the trainer tests: 1 x 8 x 8, 240 samples, 4 classes.
func tinyData() throws -> TrainingData {
  try TrainingData.load(
    .synthetic(
      SyntheticImageConfiguration(
        sampleCount: 240, testSampleCount: 80, classCount: 4, height: 8, width: 8,
        noiseLevel: 0.5, seed: 11)))
}

func tinyConfiguration(
  epochs: Int = 2, measurement: ActivationMeasurement = .whenRequired
) throws -> TrainerConfiguration {
  try TrainerConfiguration(
    epochs: epochs, batchSize: 32, schedule: .oneCycle(maximum: 0.05),
    activationMeasurement: measurement, threadCount: 1, seed: 5)
}

@Suite struct TrainerTests {
  @Test func trainsEverySampleAndReducesTheLoss() throws {
    let data = try tinyData()
    let trainer = try Trainer(configuration: try tinyConfiguration(epochs: 3), data: data)
    var rule = ProbeRule(setup: try trainer.ruleSetup(seed: 1))
    var batches = 0
    let summary = try trainer.train(
      &rule, hooks: TrainingHooks(batchTrained: { progress in
        batches += 1
        #expect(progress.batchCount == 8)
        #expect(progress.report.activationStatistic == nil)  // not required: not measured
      }))
    #expect(batches == 24)
    #expect(summary.epochs.map(\.trainedSamples) == [240, 240, 240])
    #expect(summary.epochs.map(\.trainedBatches) == [8, 8, 8])
    #expect(summary.savedFraction == 0)
    #expect(rule.state.recordedBatches == 24)
    #expect(summary.epochs[2].trainLoss < summary.epochs[0].trainLoss)
    #expect(summary.finalTestAccuracy > 0.5)  // 4 classes: chance is 0.25
    // The schedule was sized from the plan: 8 steps in the last epoch, ending near zero.
    #expect(trainer.scheduler.stepInEpoch == 8)
    #expect(summary.epochs[2].finalLearningRate < 0.01)
  }

  @Test func isAFunctionOfTheSeed() throws {
    func finalWeights(seed: UInt64) throws -> NetworkState {
      let trainer = try Trainer(configuration: try tinyConfiguration(), data: try tinyData())
      var rule = ProbeRule(setup: try trainer.ruleSetup(seed: seed), weighsEvenSamples: true)
      _ = try trainer.train(&rule)
      return trainer.network.state
    }
    #expect(try finalWeights(seed: 3) == finalWeights(seed: 3))
    #expect(try finalWeights(seed: 3) != finalWeights(seed: 4))
  }

  @Test(arguments: [1, 2])
  func threadsAreTheNetworksWorkers(threads: Int) throws {
    let configuration = try TrainerConfiguration(
      epochs: 1, batchSize: 32, schedule: .oneCycle(maximum: 0.05), threadCount: threads, seed: 5)
    let trainer = try Trainer(configuration: configuration, data: try tinyData())
    var rule = ProbeRule(setup: try trainer.ruleSetup(seed: 1))
    _ = try trainer.train(&rule)
    // (OpenBLAS's count is process-wide and other tests run beside this one: not checked here.)
    #expect(trainer.network.workerCount == threads)
  }

  @Test func reportsTheActivationStatisticWhenTheRuleNeedsIt() throws {
    let trainer = try Trainer(configuration: try tinyConfiguration(epochs: 1), data: try tinyData())
    var rule = ProbeRule(
      setup: try trainer.ruleSetup(seed: 1), requiredSignals: [.activationStatistic])
    _ = try trainer.train(&rule)
    #expect(rule.state.statistics.count == 8)
    #expect(rule.state.statistics.allSatisfy { $0 > 0 && $0.isFinite })
  }

  @Test func stopsEarlyOnAnEmptyPlan() throws {
    let trainer = try Trainer(configuration: try tinyConfiguration(epochs: 4), data: try tinyData())
    var rule = ProbeRule(setup: try trainer.ruleSetup(seed: 1), emptyFromEpoch: 1)
    let summary = try trainer.train(&rule)
    #expect(summary.hasStoppedEarly)
    #expect(summary.epochs.count == 1)
    #expect(summary.trainedSampleIterations == 240)
    #expect(summary.savedFraction == 0.75)
  }

  @Test func refusesARuleThatNeedsAnUnmeasuredSignal() throws {
    let trainer = try Trainer(
      configuration: try tinyConfiguration(measurement: .never), data: try tinyData())
    var rule = ProbeRule(
      setup: try trainer.ruleSetup(seed: 1), requiredSignals: [.activationStatistic])
    let error = try #require(throws: MiniCNNError.self) { try trainer.train(&rule) }
    #expect(error.description.contains("activation statistic"))
    #expect(error.description.contains("whenRequired or always"))
    #expect(trainer.records.isEmpty)
  }

  @Test func refusesARuleBuiltForAnotherRun() throws {
    let trainer = try Trainer(configuration: try tinyConfiguration(), data: try tinyData())
    var rule = ProbeRule(
      setup: try TrainingSetup(sampleCount: 240, batchSize: 64, plannedEpochs: 2, seed: 1))
    let error = try #require(throws: MiniCNNError.self) { try trainer.train(&rule) }
    #expect(error.description.contains("batchSize = 64"))
    #expect(error.description.contains("batchSize = 32"))
  }

  @Test(arguments: [("epochs", 0), ("batchSize", 0), ("threads", 0), ("cropPadding", 17)])
  func refusesABadConfiguration(name: String, value: Int) {
    let error = #expect(throws: MiniCNNError.self) {
      switch name {
      case "epochs": _ = try TrainerConfiguration(epochs: value)
      case "batchSize": _ = try TrainerConfiguration(epochs: 1, batchSize: value)
      case "threads": _ = try TrainerConfiguration(epochs: 1, threadCount: value)
      default: _ = try TrainerConfiguration(epochs: 1, cropPadding: value)
      }
    }
    #expect(error?.description.hasPrefix("\(name) = \(Double(value))") == true)
  }

  @Test func refusesImagesTooSmallForTheNetwork() throws {
    let data = try TrainingData.load(
      .synthetic(
        SyntheticImageConfiguration(sampleCount: 20, testSampleCount: 10, height: 2, width: 2)))
    #expect(throws: MiniCNNError.self) {
      try Trainer(configuration: try tinyConfiguration(), data: data)
    }
  }
}
