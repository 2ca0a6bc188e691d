/// What one epoch of a simulation did (one row of `epochs.csv`).
public struct EpochRecord: Sendable, Equatable {
  /// The 0-based epoch.
  public var epoch: Int
  /// Sample-iterations trained this epoch (the plan's length).
  public var trainedSamples: Int
  /// Batches (optimiser steps) trained this epoch.
  public var trainedBatches: Int
  /// N − trainedSamples: sample-iterations skipped relative to a full epoch.
  public var prunedSamples: Int
  /// This epoch's saving, 1 − trainedSamples / N (per epoch, not cumulative).
  public var savedFraction: Double
  /// Mean of the plan's loss weights (1 for an empty plan).
  public var meanWeight: Double
  /// Largest of the plan's loss weights (1 for an empty plan).
  public var maxWeight: Double
  /// Mean measured (unweighted, forward-time) loss over the trained samples; nil when the
  /// source gives no loss.
  public var meanLoss: Double?
  /// Mean over batches of the loss the rule prescribes, sum(w_i ℓ_i) / B with the effective
  /// weights (mean(w) · L(B) when only the batch mean is known); nil when the source gives no loss.
  public var meanWeightedLoss: Double?
  /// Mean activation statistic over the trained batches; nil when the source has none.
  public var meanActivation: Double?
  /// 1 − (sample-iterations trained in epochs 0...epoch) / (N · (epoch + 1)).
  public var cumulativeSavedFraction: Double
  /// Wall-clock seconds the epoch took (rule and source). Not written to the deterministic files.
  public var wallSeconds: Double

  public init(
    epoch: Int, trainedSamples: Int, trainedBatches: Int, prunedSamples: Int,
    savedFraction: Double, meanWeight: Double, maxWeight: Double, meanLoss: Double?,
    meanWeightedLoss: Double?, meanActivation: Double?, cumulativeSavedFraction: Double,
    wallSeconds: Double
  ) {
    self.epoch = epoch
    self.trainedSamples = trainedSamples
    self.trainedBatches = trainedBatches
    self.prunedSamples = prunedSamples
    self.savedFraction = savedFraction
    self.meanWeight = meanWeight
    self.maxWeight = maxWeight
    self.meanLoss = meanLoss
    self.meanWeightedLoss = meanWeightedLoss
    self.meanActivation = meanActivation
    self.cumulativeSavedFraction = cumulativeSavedFraction
    self.wallSeconds = wallSeconds
  }

  /// The columns of `epochs.csv`, in order. The first seven are fixed by issue 2.
  public static let csvHeader = [
    "epoch", "trained_samples", "trained_batches", "pruned_samples", "saved_fraction",
    "mean_weight", "max_weight", "mean_loss", "mean_weighted_loss", "mean_activation",
    "cumulative_saved_fraction",
  ]

  /// This record's fields, parallel to ``csvHeader``: integers in decimal, reals in Swift's
  /// shortest round-trip form, an absent value as the empty field.
  public var csvFields: [String] {
    [
      "\(epoch)", "\(trainedSamples)", "\(trainedBatches)", "\(prunedSamples)",
      "\(savedFraction)", "\(meanWeight)", "\(maxWeight)", meanLoss.map { "\($0)" } ?? "",
      meanWeightedLoss.map { "\($0)" } ?? "", meanActivation.map { "\($0)" } ?? "",
      "\(cumulativeSavedFraction)",
    ]
  }
}
