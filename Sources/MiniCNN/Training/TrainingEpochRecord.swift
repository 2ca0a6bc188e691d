/// What one trained epoch measured (one row of `epochs.csv`).
public struct TrainingEpochRecord: Sendable, Codable, Equatable {
  /// The 0-based epoch.
  public var epoch: Int
  /// The mean unweighted forward loss over the samples trained, `sum l_i / n` (measured before
  /// each step, as the rules see it).
  public var trainLoss: Double
  /// The mean over batches of the loss actually descended, `(1/B) sum w_i l_i`.
  public var weightedTrainLoss: Double
  /// The test accuracy after the epoch (eval-mode BN).
  public var testAccuracy: Double
  /// The mean test cross-entropy after the epoch.
  public var testLoss: Double
  /// Sample-iterations trained this epoch (the plan's size).
  public var trainedSamples: Int
  /// Optimiser steps this epoch.
  public var trainedBatches: Int
  /// The learning rate of the epoch's last step.
  public var finalLearningRate: Double
  /// Training wall time: plan, batches and bookkeeping (evaluation excluded).
  public var wallSeconds: Double
  /// Time in the rule: ``PruneCore/PruningRule/plan(forEpoch:)``, every
  /// ``PruneCore/PruningRule/record(_:)`` and ``PruneCore/PruningRule/finishEpoch(_:)``.
  public var selectionSeconds: Double
  /// Test-set evaluation time.
  public var evaluationSeconds: Double

  public init(
    epoch: Int, trainLoss: Double, weightedTrainLoss: Double, testAccuracy: Double,
    testLoss: Double, trainedSamples: Int, trainedBatches: Int, finalLearningRate: Double,
    wallSeconds: Double, selectionSeconds: Double, evaluationSeconds: Double
  ) {
    self.epoch = epoch
    self.trainLoss = trainLoss
    self.weightedTrainLoss = weightedTrainLoss
    self.testAccuracy = testAccuracy
    self.testLoss = testLoss
    self.trainedSamples = trainedSamples
    self.trainedBatches = trainedBatches
    self.finalLearningRate = finalLearningRate
    self.wallSeconds = wallSeconds
    self.selectionSeconds = selectionSeconds
    self.evaluationSeconds = evaluationSeconds
  }
}
