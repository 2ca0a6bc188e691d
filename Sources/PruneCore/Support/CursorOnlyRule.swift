/// A rule that remembers nothing between epochs but where the run is, its ``EpochCursor``: full
/// data and the random baselines. Recording a batch, finishing an epoch, the state and its
/// restore are written once here, and so is the plan of a shuffled list of equal weights.
public protocol CursorOnlyRule: PruningRule where State == CursorState {
  /// The epoch bookkeeping: the rule's whole state.
  var cursor: EpochCursor { get set }
}

/// The state of a ``CursorOnlyRule``: its cursor.
public struct CursorState: Codable, Sendable, Equatable {
  public var cursor: EpochCursor
}

extension CursorOnlyRule {
  public mutating func record(_ report: BatchReport) throws { try cursor.checkReport(report) }
  public mutating func finishEpoch(_ epoch: Int) throws { try cursor.finishEpoch(epoch) }
  public var state: CursorState { CursorState(cursor: cursor) }
  public mutating func restore(_ state: CursorState) throws { cursor = state.cursor }

  /// Opens epoch `epoch` and plans the samples `choose` draws (from the epoch's generator),
  /// shuffled by the same generator, every one of weight `weight`.
  mutating func shuffledPlan(
    forEpoch epoch: Int, weight: Double = 1, choose: (inout SeededGenerator) -> [Int]
  ) throws -> EpochPlan {
    try cursor.beginEpoch(epoch)
    var generator = epochGenerator(seed: setup.seed, epoch: epoch)
    let samples = generator.shuffled(choose(&generator))
    let weights = [Double](repeating: weight, count: samples.count)
    return EpochPlan(epoch: epoch, samples: samples, weights: weights, batchSize: setup.batchSize)
  }
}
