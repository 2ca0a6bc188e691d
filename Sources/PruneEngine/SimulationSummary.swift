/// The totals of a simulation (the fields of `summary.json`).
public struct SimulationSummary: Sendable, Equatable {
  /// The rule's name (`infobatch`, `bpas`, ...).
  public var rule: String
  /// The signal source's name.
  public var source: String
  /// N.
  public var samples: Int
  /// B.
  public var batchSize: Int
  /// The epochs the rule planned (its setup).
  public var epochsPlanned: Int
  /// The epochs actually run (fewer when the rule stopped early).
  public var epochsRun: Int
  /// Σ over epochs run of the samples trained.
  public var trainedSampleIterations: Int
  /// Σ over epochs run of the batches trained.
  public var trainedBatches: Int
  /// 1 − trainedSampleIterations / (N · epochsPlanned) (algorithms.md Part A, "what it saved").
  public var savedFraction: Double
  /// 1 − trainedBatches / (epochsPlanned · ceil(N / B)): the saving in optimiser steps.
  public var batchSavedFraction: Double
  /// B-PAS's data saving index (algorithms.md §5.5): ``batchSavedFraction`` for a rule that
  /// reads the activation statistic (a batch-level rule), nil for every other rule.
  public var dsi: Double?
  /// True when the rule planned an empty epoch before the planned end (B-PAS with no batch left).
  public var stoppedEarly: Bool
  /// Mean measured loss of the last epoch run, when the source gives losses.
  public var finalMeanLoss: Double?
  /// The number of samples never trained.
  public var samplesNeverTrained: Int

  public init(
    rule: String, source: String, samples: Int, batchSize: Int, epochsPlanned: Int,
    epochsRun: Int, trainedSampleIterations: Int, trainedBatches: Int, savedFraction: Double,
    batchSavedFraction: Double, dsi: Double?, stoppedEarly: Bool, finalMeanLoss: Double?,
    samplesNeverTrained: Int
  ) {
    self.rule = rule
    self.source = source
    self.samples = samples
    self.batchSize = batchSize
    self.epochsPlanned = epochsPlanned
    self.epochsRun = epochsRun
    self.trainedSampleIterations = trainedSampleIterations
    self.trainedBatches = trainedBatches
    self.savedFraction = savedFraction
    self.batchSavedFraction = batchSavedFraction
    self.dsi = dsi
    self.stoppedEarly = stoppedEarly
    self.finalMeanLoss = finalMeanLoss
    self.samplesNeverTrained = samplesNeverTrained
  }
}

/// Everything a simulation recorded.
public struct SimulationResult: Sendable, Equatable {
  public var summary: SimulationSummary
  /// One record per epoch run, in order.
  public var epochs: [EpochRecord]
  /// Per-sample outcomes, when ``SimulationOptions/recordsSampleOutcomes`` is on.
  public var samples: SampleOutcomes?
  /// Wall-clock seconds of the whole run (not part of the deterministic outputs).
  public var wallSeconds: Double

  public init(
    summary: SimulationSummary, epochs: [EpochRecord], samples: SampleOutcomes?,
    wallSeconds: Double
  ) {
    self.summary = summary
    self.epochs = epochs
    self.samples = samples
    self.wallSeconds = wallSeconds
  }
}
