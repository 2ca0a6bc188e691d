/// The static random baseline: one uniform subset, chosen before training, trained every epoch.
///
/// Keeps max(1, floor(N (1 - r))) samples, weight 1, from epoch 0 on: static pruning decides
/// before the first epoch, so unlike the dynamic rules its epoch 0 is already pruned
/// (algorithms.md Part A, "Baselines"). The subset is drawn from the setup stream
/// (``setupGenerator(seed:)``); each epoch shuffles it with the generator of `(seed, epoch)`.
public struct StaticRandom: PruningRule {
  public let configuration: RandomBaselineConfiguration
  public let setup: TrainingSetup
  /// The kept samples, ascending.
  public let subset: [Int]
  public private(set) var cursor = EpochCursor()

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
    try cursor.beginEpoch(epoch)
    var generator = epochGenerator(seed: setup.seed, epoch: epoch)
    let samples = generator.shuffled(subset)
    let weights = [Double](repeating: 1, count: samples.count)
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
