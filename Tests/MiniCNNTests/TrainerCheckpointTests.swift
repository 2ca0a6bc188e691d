import Foundation
import PruneCore
import Testing

@testable import MiniCNN

@Suite struct TrainerCheckpointTests {
  struct Interrupted: Error {}

  func augmentedConfiguration(seed: UInt64 = 5) throws -> TrainerConfiguration {
    try TrainerConfiguration(
      epochs: 4, batchSize: 32, schedule: .oneCycle(maximum: 0.05), cropPadding: 1,
      horizontalFlip: true, threadCount: 1, seed: seed)
  }

  /// The bytes of every weight and running statistic.
  func bytes(of state: NetworkState) -> [UInt8] {
    var result: [UInt8] = []
    for values in state.parameters.map(\.values) + state.runningStatistics.map(\.values) {
      values.withUnsafeBytes { result.append(contentsOf: $0) }
    }
    return result
  }

  @Test func resumingEqualsAnUninterruptedRun() throws {
    let data = try tinyData()
    let configuration = try augmentedConfiguration()

    let straight = try Trainer(configuration: configuration, data: data)
    var straightRule = ProbeRule(setup: try straight.ruleSetup(seed: 9), weighsEvenSamples: true)
    let straightSummary = try straight.train(&straightRule)

    let interrupted = try Trainer(configuration: configuration, data: data)
    var interruptedRule = ProbeRule(
      setup: try interrupted.ruleSetup(seed: 9), weighsEvenSamples: true)
    var saved: Data?
    #expect(throws: Interrupted.self) {
      try interrupted.train(
        &interruptedRule,
        hooks: TrainingHooks(checkpointReady: { checkpoint in
          saved = try JSONEncoder().encode(checkpoint)
          if checkpoint.nextEpoch == 2 { throw Interrupted() }
        }))
    }
    #expect(interrupted.records.count == 2)

    let checkpoint = try JSONDecoder().decode(
      TrainingCheckpoint<ProbeRule.State>.self, from: try #require(saved))
    let resumed = try Trainer(configuration: configuration, data: data)
    var resumedRule = ProbeRule(setup: try resumed.ruleSetup(seed: 9), weighsEvenSamples: true)
    try resumed.resume(from: checkpoint, rule: &resumedRule)
    #expect(resumed.nextEpoch == 2)
    let resumedSummary = try resumed.train(&resumedRule)

    #expect(bytes(of: resumed.network.state) == bytes(of: straight.network.state))
    #expect(resumed.optimizer.state == straight.optimizer.state)
    #expect(resumedRule.state == straightRule.state)
    #expect(resumedSummary.epochs.map(\.trainLoss) == straightSummary.epochs.map(\.trainLoss))
    #expect(
      resumedSummary.epochs.map(\.testAccuracy) == straightSummary.epochs.map(\.testAccuracy))
    #expect(resumedSummary.epochs.count == 4)
  }

  @Test func refusesACheckpointOfAnotherSeed() throws {
    let data = try tinyData()
    let first = try Trainer(configuration: try augmentedConfiguration(seed: 5), data: data)
    let rule = ProbeRule(setup: try first.ruleSetup(seed: 9))
    let checkpoint = first.checkpoint(of: rule)
    let other = try Trainer(configuration: try augmentedConfiguration(seed: 6), data: data)
    var otherRule = rule
    let error = try #require(throws: MiniCNNError.self) {
      try other.resume(from: checkpoint, rule: &otherRule)
    }
    #expect(error.description.contains("seed: 5 -> 6"))
  }

  @Test func refusesACheckpointOfOtherData() throws {
    let configuration = try augmentedConfiguration()
    let first = try Trainer(configuration: configuration, data: try tinyData())
    let rule = ProbeRule(setup: try first.ruleSetup(seed: 9))
    let checkpoint = first.checkpoint(of: rule)
    let otherData = try TrainingData.load(
      .synthetic(
        SyntheticImageConfiguration(
          sampleCount: 240, testSampleCount: 80, classCount: 4, height: 8, width: 8,
          noiseLevel: 0.5, seed: 12)))
    let other = try Trainer(configuration: configuration, data: otherData)
    var otherRule = rule
    let error = try #require(throws: MiniCNNError.self) {
      try other.resume(from: checkpoint, rule: &otherRule)
    }
    #expect(error.description.contains("resume with the original data options"))
  }
}
