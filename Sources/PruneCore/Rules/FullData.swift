/// The full-data baseline: every epoch trains every sample once, weight 1, in a fresh order.
///
/// The reference every saving is measured against (algorithms.md Part A, "Baselines").
/// Draws: one shuffle per epoch (``SeededGenerator/shuffle(from:into:)``) from the generator
/// of `(seed, epoch)`.
public struct FullData: CursorOnlyRule {
  public let setup: TrainingSetup
  public var cursor = EpochCursor()

  public init(setup: TrainingSetup) { self.setup = setup }

  public var name: String { "full" }
  public var requiredSignals: SignalKinds { [] }
  public var parameters: [String: String] { ["rule": name] }

  public mutating func plan(forEpoch epoch: Int) throws -> EpochPlan {
    let count = setup.sampleCount
    return try shuffledPlan(forEpoch: epoch) { _ in Array(0..<count) }
  }

}
