/// Hard pruning: drop every sample whose score is below the mean, no randomness, no rescaling.
///
/// The biased rule InfoBatch argues against (InfoBatch, ICLR 2024, Eq. 11; algorithms.md Part A,
/// "Baselines"): the epoch trains `{ i : s_i >= mean(s) }`, weight 1, ties decided exactly
/// (``MeanThreshold``). Epoch 0 trains every sample
/// (no score has been seen). The set is never empty: the largest score is at least the mean.
/// Draws: one shuffle per epoch from the generator of `(seed, epoch)`.
public struct HardPruning<Source: ScoreSource>: PruningRule, ScoreBasedRule {
  public let setup: TrainingSetup
  public internal(set) var scoreSource: Source
  public internal(set) var cursor = EpochCursor()

  /// - Throws: ``PruneCoreError/inconsistent(parameters:reason:)`` when the source's size differs
  ///   from `setup.sampleCount`.
  public init(scoreSource: Source, setup: TrainingSetup) throws {
    try Self.checkSize(of: scoreSource, for: setup)
    self.setup = setup
    self.scoreSource = scoreSource
  }

  public var name: String { "hard" }
  public var requiredSignals: SignalKinds { scoreSource.requiredSignals }
  public var parameters: [String: String] { scoreParameters }

  public mutating func plan(forEpoch epoch: Int) throws -> EpochPlan {
    try cursor.beginEpoch(epoch)
    var generator = epochGenerator(seed: setup.seed, epoch: epoch)
    var samples: [Int]
    if epoch == 0 {
      samples = Array(0..<setup.sampleCount)
    } else {
      let scores = scoreSource.scores
      let threshold = MeanThreshold.below(scores)
      samples = []
      samples.reserveCapacity(scores.count)
      for i in scores.indices where !(scores[i] < threshold) { samples.append(i) }
    }
    samples = generator.shuffled(samples)
    let weights = [Double](repeating: 1, count: samples.count)
    return EpochPlan(epoch: epoch, samples: samples, weights: weights, batchSize: setup.batchSize)
  }

  public mutating func record(_ report: BatchReport) throws {
    try recordScores(report)
  }

  public mutating func finishEpoch(_ epoch: Int) throws { try cursor.finishEpoch(epoch) }

  public struct State: Codable, Sendable, Equatable {
    public var scores: Source.State
    public var cursor: EpochCursor
  }
  public var state: State { State(scores: scoreSource.state, cursor: cursor) }
  public mutating func restore(_ state: State) throws {
    try restoreScores(state.scores, cursor: state.cursor)
  }
}

extension HardPruning where Source == LossScore {
  /// Hard pruning on per-sample losses.
  public init(setup: TrainingSetup) throws {
    try self.init(scoreSource: LossScore(sampleCount: setup.sampleCount), setup: setup)
  }
}
