import PruneCore
import Testing

@testable import MiniCNN

/// The trainer with PruneCore's real rules on the tiny synthetic workload.
@Suite struct TrainerRulesTests {
  @Test func fullDataTrainsEverySampleAndReducesTheLoss() throws {
    let trainer = try Trainer(configuration: try tinyConfiguration(epochs: 2), data: try tinyData())
    var rule = FullData(setup: try trainer.ruleSetup(seed: 2))
    let summary = try trainer.train(&rule)
    #expect(summary.rule == "full")
    #expect(summary.epochs.map(\.trainedSamples) == [240, 240])
    #expect(summary.epochs.map(\.trainedBatches) == [8, 8])
    #expect(summary.epochs[1].trainLoss < summary.epochs[0].trainLoss)
    #expect(summary.savedFraction == 0)
  }

  /// Epoch 0 trains all 240; epoch 1 keeps floor(0.5 |C|) of the |C| samples whose epoch-0 loss
  /// was strictly below the mean, with weight 2 (algorithms.md §1.2, §1.4).
  @Test func infoBatchPrunesHalfTheBelowMeanSamplesAndDoublesTheKeptOnes() throws {
    let trainer = try Trainer(configuration: try tinyConfiguration(epochs: 2), data: try tinyData())
    let configuration = try InfoBatchConfiguration(pruneRatio: 0.5, delta: 1.0)
    var rule = try InfoBatch(
      configuration: configuration, scoreSource: try LossScore(sampleCount: 240),
      setup: try trainer.ruleSetup(seed: 2))
    var firstLosses = [Double](repeating: .nan, count: 240)
    var weightedChecks = 0
    var candidates: Set<Int> = []
    let summary = try trainer.train(
      &rule,
      hooks: TrainingHooks(batchTrained: { progress in
        let report = progress.report
        let losses = try #require(report.losses)
        if report.epoch == 0 {
          for (sample, loss) in zip(report.samples, losses) { firstLosses[sample] = loss }
          return
        }
        if candidates.isEmpty {
          let mean = firstLosses.reduce(0, +) / 240
          candidates = Set((0..<240).filter { firstLosses[$0] < mean })
        }
        var expected = 0.0
        for (sample, loss) in zip(report.samples, losses) {
          expected += (candidates.contains(sample) ? 2 : 1) * loss
        }
        expected /= Double(losses.count)
        #expect(abs(progress.weightedLoss - expected) <= 1e-5 * expected)
        weightedChecks += 1
      }))
    let kept = candidates.count / 2
    #expect(!candidates.isEmpty)
    #expect(summary.epochs.map(\.trainedSamples) == [240, 240 - candidates.count + kept])
    #expect(summary.epochs[1].trainedBatches == (240 - candidates.count + kept + 31) / 32)
    #expect(weightedChecks == summary.epochs[1].trainedBatches)
    #expect(summary.epochs[1].trainLoss < summary.epochs[0].trainLoss)
    #expect(summary.savedFraction == 1 - Double(480 - candidates.count + kept) / 480)
  }
}
