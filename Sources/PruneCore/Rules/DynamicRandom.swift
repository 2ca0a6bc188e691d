/// The dynamic random baseline: each epoch trains a fresh uniform subset of the data.
///
/// Keeps max(1, floor(N (1 - r))) samples drawn uniformly without replacement, optionally
/// weighted 1/(1 - r) so the expected gradient is the full-data one (algorithms.md Part A,
/// "Baselines"; InfoBatch's random baseline). Epoch 0 trains every sample with weight 1 unless
/// ``RandomBaselineConfiguration/prunesFirstEpoch`` is set, as every dynamic rule of PruneLab.
///
/// Draws per epoch, from the generator of `(seed, epoch)`: the subset (selection sampling over
/// 0..<N, ``SeededGenerator/ascendingSubset(count:of:)``), then one shuffle of it.
public struct DynamicRandom: PruningRule {
  public let configuration: RandomBaselineConfiguration
  public let setup: TrainingSetup
  public private(set) var cursor = EpochCursor()

  public init(configuration: RandomBaselineConfiguration = .standard, setup: TrainingSetup) {
    self.configuration = configuration
    self.setup = setup
  }

  public var name: String { "random" }
  public var requiredSignals: SignalKinds { [] }
  public var parameters: [String: String] {
    configuration.manifestEntries().merging(["rule": name]) { $1 }
  }

  /// True when epoch `epoch` trains a subset.
  public func prunes(epoch: Int) -> Bool { epoch > 0 || configuration.prunesFirstEpoch }

  public mutating func plan(forEpoch epoch: Int) throws -> EpochPlan {
    try cursor.beginEpoch(epoch)
    var generator = epochGenerator(seed: setup.seed, epoch: epoch)
    let count = setup.sampleCount
    var samples: [Int]
    var weight = 1.0
    if prunes(epoch: epoch) {
      samples = generator.ascendingSubset(count: configuration.keptCount(ofSamples: count), of: count)
      weight = configuration.keptWeight
    } else {
      samples = Array(0..<count)
    }
    samples = generator.shuffled(samples)
    let weights = [Double](repeating: weight, count: samples.count)
    return EpochPlan(epoch: epoch, samples: samples, weights: weights, batchSize: setup.batchSize)
  }

  public mutating func record(_ report: BatchReport) throws { try cursor.checkReport(report) }
  public mutating func finishEpoch(_ epoch: Int) throws { try cursor.finishEpoch(epoch) }

  public struct State: Codable, Sendable, Equatable {
    public var cursor: EpochCursor
  }
  public var state: State { State(cursor: cursor) }
  public mutating func restore(_ state: State) throws { cursor = state.cursor }
}
