/// The dynamic random baseline: each epoch trains a fresh uniform subset of the data.
///
/// Keeps max(1, floor(N (1 - r))) samples drawn uniformly without replacement, optionally
/// weighted 1/(1 - r) so the expected gradient is the full-data one (algorithms.md Part A,
/// "Baselines"; InfoBatch's random baseline). Epoch 0 trains every sample with weight 1 unless
/// ``RandomBaselineConfiguration/prunesFirstEpoch`` is set, as every dynamic rule of PruneLab.
///
/// Draws per epoch, from the generator of `(seed, epoch)`: the subset (selection sampling over
/// 0..<N, ``SeededGenerator/ascendingSubset(count:of:)``), then one shuffle of it.
public struct DynamicRandom: CursorOnlyRule {
  public let configuration: RandomBaselineConfiguration
  public let setup: TrainingSetup
  public var cursor = EpochCursor()

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
    let count = setup.sampleCount
    guard prunes(epoch: epoch) else {
      return try shuffledPlan(forEpoch: epoch) { _ in Array(0..<count) }
    }
    let kept = configuration.keptCount(ofSamples: count)
    return try shuffledPlan(forEpoch: epoch, weight: configuration.keptWeight) { generator in
      generator.ascendingSubset(count: kept, of: count)
    }
  }

}
