/// The outcome of a training run: its epochs and the totals a comparison needs.
public struct TrainingSummary: Sendable, Codable, Equatable {
  /// The rule's command-line name.
  public var rule: String
  /// The rule's parameters.
  public var ruleParameters: [String: String]
  /// N, the training-set size.
  public var sampleCount: Int
  /// E, the planned epochs.
  public var plannedEpochs: Int
  /// One record per epoch trained.
  public var epochs: [TrainingEpochRecord]
  /// True when the rule's plan became empty before the planned end (B-PAS).
  public var hasStoppedEarly: Bool

  public init(
    rule: String, ruleParameters: [String: String], sampleCount: Int, plannedEpochs: Int,
    epochs: [TrainingEpochRecord], hasStoppedEarly: Bool
  ) {
    self.rule = rule
    self.ruleParameters = ruleParameters
    self.sampleCount = sampleCount
    self.plannedEpochs = plannedEpochs
    self.epochs = epochs
    self.hasStoppedEarly = hasStoppedEarly
  }

  /// The test accuracy after the last trained epoch (0 when none was trained).
  public var finalTestAccuracy: Double { epochs.last?.testAccuracy ?? 0 }
  /// Sample-iterations trained over the run.
  public var trainedSampleIterations: Int { epochs.reduce(0) { $0 + $1.trainedSamples } }
  /// Optimiser steps over the run.
  public var trainedBatches: Int { epochs.reduce(0) { $0 + $1.trainedBatches } }
  /// The share of sample-iterations saved against full data (algorithms.md Part A):
  /// `1 - trained / (N x planned epochs)`; epochs skipped by an early stop count as saved.
  public var savedFraction: Double {
    1 - Double(trainedSampleIterations) / Double(sampleCount * plannedEpochs)
  }
  /// Training plus evaluation wall time.
  public var wallSeconds: Double {
    epochs.reduce(0) { $0 + $1.wallSeconds + $1.evaluationSeconds }
  }
  /// Training wall time alone.
  public var trainingSeconds: Double { epochs.reduce(0) { $0 + $1.wallSeconds } }
  /// Time spent in the rule.
  public var selectionSeconds: Double { epochs.reduce(0) { $0 + $1.selectionSeconds } }
}
