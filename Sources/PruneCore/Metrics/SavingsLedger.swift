/// What a run trained, epoch by epoch, and what it saved against training on every sample.
///
/// Saved fraction (algorithms.md Part A, "General"; InfoBatch's `get_saved_ratio`, §2.5):
/// ```
/// saved = 1 - (sample-iterations trained) / (N x planned epochs)
/// ```
/// Data Saving Index (B-PAS, §5.5), with the planned epochs in the denominator even after an
/// early stop:
/// ```
/// DSI = 1 - (batches trained) / (planned epochs x original batch count)
/// ```
/// The paper's example: 5 planned epochs of 200 batches, stopped after 200, 190 and 180 batches,
/// gives DSI = 1 - 570/1000 = 0.43.
public struct SavingsLedger: Sendable, Hashable, Codable {
  /// One epoch's counts.
  public struct Epoch: Sendable, Hashable, Codable {
    public let epoch: Int
    public let trainedSamples: Int
    public let trainedBatches: Int
  }

  /// N, the number of training samples.
  public let sampleCount: Int
  /// The batches of one full-data epoch (ceil(N / B) for a loader that keeps the partial batch).
  public let originalBatchCount: Int
  /// The epochs the run was planned for (the denominators use it even after an early stop).
  public let plannedEpochs: Int
  /// The epochs recorded so far, in order.
  public private(set) var epochs: [Epoch] = []

  /// - Throws: ``PruneCoreError/outOfRange(parameter:value:allowed:)`` for a count below 1.
  public init(sampleCount: Int, originalBatchCount: Int, plannedEpochs: Int) throws {
    for (parameter, value) in [
      ("sampleCount", sampleCount), ("originalBatchCount", originalBatchCount),
      ("plannedEpochs", plannedEpochs),
    ] where value < 1 {
      throw PruneCoreError.outOfRange(
        parameter: parameter, value: Double(value), allowed: "an integer >= 1")
    }
    self.sampleCount = sampleCount
    self.originalBatchCount = originalBatchCount
    self.plannedEpochs = plannedEpochs
  }

  /// A ledger for `setup`: N samples, ceil(N / B) batches per full epoch.
  public init(setup: TrainingSetup) {
    self.sampleCount = setup.sampleCount
    self.originalBatchCount = setup.batchCount(forSamples: setup.sampleCount)
    self.plannedEpochs = setup.plannedEpochs
  }

  /// Records one epoch by its counts.
  public mutating func record(epoch: Int, trainedSamples: Int, trainedBatches: Int) {
    epochs.append(Epoch(epoch: epoch, trainedSamples: trainedSamples, trainedBatches: trainedBatches))
  }

  /// Records one epoch's plan (assumes the whole plan was trained).
  public mutating func record(_ plan: EpochPlan) {
    record(epoch: plan.epoch, trainedSamples: plan.sampleCount, trainedBatches: plan.batchCount)
  }

  /// Sample-iterations trained so far.
  public var trainedSamples: Int { epochs.reduce(0) { $0 + $1.trainedSamples } }
  /// Batches (optimiser steps) trained so far.
  public var trainedBatches: Int { epochs.reduce(0) { $0 + $1.trainedBatches } }

  /// 1 - trained sample-iterations / (N x planned epochs).
  public var savedFraction: Double {
    1 - Double(trainedSamples) / (Double(sampleCount) * Double(plannedEpochs))
  }

  /// DSI = 1 - trained batches / (planned epochs x original batch count).
  public var dataSavingIndex: Double {
    1 - Double(trainedBatches) / (Double(plannedEpochs) * Double(originalBatchCount))
  }

  /// The share of one epoch's N samples it did not train: 1 - trained / N.
  public func savedFraction(ofEpoch entry: Epoch) -> Double {
    1 - Double(entry.trainedSamples) / Double(sampleCount)
  }
}
