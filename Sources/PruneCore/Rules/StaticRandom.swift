/// The static random baseline: one uniform subset, chosen before training, trained every epoch.
///
/// Keeps max(1, floor(N (1 - r))) samples, weight 1, from epoch 0 on: static pruning decides
/// before the first epoch, so unlike the dynamic rules its epoch 0 is already pruned
/// (algorithms.md Part A, "Baselines"). The subset is drawn from the setup stream
/// (``setupGenerator(seed:)``); each epoch shuffles it with the generator of `(seed, epoch)`.
public struct StaticRandom: CursorOnlyRule {
  public let configuration: RandomBaselineConfiguration
  public let setup: TrainingSetup
  /// The kept samples, ascending.
  public let subset: [Int]
  public var cursor = EpochCursor()

  /// Draws the subset. ``RandomBaselineConfiguration/rescales`` and
  /// ``RandomBaselineConfiguration/prunesFirstEpoch`` are ignored (no reweighting, always pruned).
  public init(configuration: RandomBaselineConfiguration = .standard, setup: TrainingSetup) {
    self.configuration = configuration
    self.setup = setup
    var generator = setupGenerator(seed: setup.seed)
    self.subset = generator.ascendingSubset(
      count: configuration.keptCount(ofSamples: setup.sampleCount), of: setup.sampleCount)
  }

  public var name: String { "static-random" }
  public var requiredSignals: SignalKinds { [] }
  public var parameters: [String: String] {
    configuration.manifestEntries(RandomBaselineConfiguration.staticParameters)
      .merging(["rule": name, "keptSamples": "\(subset.count)"]) { $1 }
  }

  public mutating func plan(forEpoch epoch: Int) throws -> EpochPlan {
    let subset = self.subset
    return try shuffledPlan(forEpoch: epoch) { _ in subset }
  }

}
