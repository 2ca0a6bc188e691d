/// What a rule knows about the run before it starts: data size, batch size, planned epochs, seed.
public struct TrainingSetup: Sendable, Hashable, Codable {
  /// N, the number of training samples.
  public let sampleCount: Int
  /// B, the batch size of the loader (the last batch of an epoch may be partial).
  public let batchSize: Int
  /// The planned number of epochs (InfoBatch's annealing and B-PAS's T use it).
  public let plannedEpochs: Int
  /// The seed every draw of the rule derives from.
  public let seed: UInt64

  /// - Throws: ``PruneCoreError`` when a count is not positive.
  public init(sampleCount: Int, batchSize: Int, plannedEpochs: Int, seed: UInt64 = 0) throws {
    guard sampleCount > 0 else {
      throw PruneCoreError.emptyDataset
    }
    guard batchSize > 0 else {
      throw PruneCoreError.outOfRange(
        parameter: "batchSize", value: Double(batchSize), allowed: "an integer >= 1")
    }
    guard plannedEpochs > 0 else {
      throw PruneCoreError.outOfRange(
        parameter: "epochs", value: Double(plannedEpochs), allowed: "an integer >= 1")
    }
    self.sampleCount = sampleCount
    self.batchSize = batchSize
    self.plannedEpochs = plannedEpochs
    self.seed = seed
  }

  /// The number of batches of an epoch of `samples` samples: ceil(samples / batchSize).
  public func batchCount(forSamples samples: Int) -> Int {
    (samples + batchSize - 1) / batchSize
  }
}
