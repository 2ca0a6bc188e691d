/// What one end-to-end training run measured (one rule, one seed).
///
/// Everything except the wall-clock fields is a deterministic function of the workload, the
/// rule and the seed (and the OpenBLAS thread count), so two runs compare equal with
/// ``deterministicPart``.
public struct TrainingRunOutcome: Sendable, Hashable {
  /// The rule's label in the claim ("infobatch r=0.5", "bpas").
  public let label: String
  /// The seed index k and the seed used.
  public let seedIndex: Int
  public let seed: UInt64
  /// Test accuracy after the last trained epoch.
  public let finalAccuracy: Double
  /// Test accuracy after each trained epoch.
  public let epochAccuracies: [Double]
  /// Samples and batches trained in each epoch (an early stop leaves the list short).
  public let epochSamples: [Int]
  public let epochBatches: [Int]
  /// The data set size N, the full-data batch count n_0 and the planned epochs E.
  public let sampleCount: Int
  public let originalBatchCount: Int
  public let plannedEpochs: Int
  /// Per epoch, the activation statistic of each trained batch, keyed by batch id (empty
  /// dictionaries when the run did not measure activations).
  public let batchStatistics: [[Int: Double]]
  /// Wall-clock seconds of each epoch's training (plan, batches, finishEpoch; no evaluation).
  public let epochWallSeconds: [Double]
  /// Seconds of each epoch spent inside the rule (plan, record, finishEpoch).
  public let epochSelectionSeconds: [Double]
  /// True for a stand-in of a run the store does not hold yet (``placeholder(label:seedIndex:seed:sampleCount:originalBatchCount:plannedEpochs:)``).
  public var isPlaceholder = false

  /// Sample-iterations trained.
  public var trainedSamples: Int { epochSamples.reduce(0, +) }
  /// Optimiser steps taken.
  public var trainedBatches: Int { epochBatches.reduce(0, +) }
  /// 1 - trained sample-iterations / (N E) (SavingsLedger's definition).
  public var savedFraction: Double {
    1 - Double(trainedSamples) / (Double(sampleCount) * Double(plannedEpochs))
  }
  /// DSI = 1 - trained batches / (E n_0) (B-PAS, claims.md BPAS-3).
  public var dataSavingIndex: Double {
    1 - Double(trainedBatches) / (Double(plannedEpochs) * Double(originalBatchCount))
  }
  /// Training wall-clock seconds over all epochs.
  public var wallSeconds: Double { epochWallSeconds.reduce(0, +) }
  /// Seconds spent inside the rule over all epochs.
  public var selectionSeconds: Double { epochSelectionSeconds.reduce(0, +) }

  /// The outcome with the wall-clock fields zeroed, for determinism checks.
  public var deterministicPart: TrainingRunOutcome {
    TrainingRunOutcome(
      label: label, seedIndex: seedIndex, seed: seed, finalAccuracy: finalAccuracy,
      epochAccuracies: epochAccuracies, epochSamples: epochSamples, epochBatches: epochBatches,
      sampleCount: sampleCount, originalBatchCount: originalBatchCount,
      plannedEpochs: plannedEpochs, batchStatistics: batchStatistics,
      epochWallSeconds: epochWallSeconds.map { _ in 0 },
      epochSelectionSeconds: epochSelectionSeconds.map { _ in 0 })
  }

  /// A stand-in for a run the store does not hold yet (``RunProvider``): full data every
  /// epoch, accuracy 0.5, one activation statistic per epoch. Only its shape matters: the
  /// claim's computation runs through so every run it needs is known; no page shows it.
  static func placeholder(
    label: String, seedIndex: Int, seed: UInt64, sampleCount: Int, originalBatchCount: Int,
    plannedEpochs: Int
  ) -> TrainingRunOutcome {
    TrainingRunOutcome(
      label: label, seedIndex: seedIndex, seed: seed,
      finalAccuracy: 0.5 + 0.01 * Double(seedIndex % 3),
      epochAccuracies: [Double](repeating: 0.5, count: plannedEpochs),
      epochSamples: [Int](repeating: sampleCount, count: plannedEpochs),
      epochBatches: [Int](repeating: originalBatchCount, count: plannedEpochs),
      sampleCount: sampleCount, originalBatchCount: originalBatchCount,
      plannedEpochs: plannedEpochs,
      batchStatistics: [[Int: Double]](repeating: [0: 1], count: plannedEpochs),
      epochWallSeconds: [Double](repeating: 1, count: plannedEpochs),
      epochSelectionSeconds: [Double](repeating: 0, count: plannedEpochs), isPlaceholder: true)
  }
}
