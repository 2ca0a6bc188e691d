/// The full-data baseline: every epoch trains every sample once, weight 1, in a fresh order.
///
/// The reference every saving is measured against (algorithms.md Part A, "Baselines").
/// Draws: one shuffle per epoch (``SeededGenerator/shuffle(from:into:)``) from the generator
/// of `(seed, epoch)`.
public struct FullData: PruningRule {
  public let setup: TrainingSetup
  public private(set) var cursor = EpochCursor()

  public init(setup: TrainingSetup) { self.setup = setup }

  public var name: String { "full" }
  public var requiredSignals: SignalKinds { [] }
  public var parameters: [String: String] { ["rule": name] }

  public mutating func plan(forEpoch epoch: Int) throws -> EpochPlan {
    try cursor.beginEpoch(epoch)
    var generator = epochGenerator(seed: setup.seed, epoch: epoch)
    let samples = generator.shuffled(Array(0..<setup.sampleCount))
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
