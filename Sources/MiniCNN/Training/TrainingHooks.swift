import PruneCore

/// One trained batch, as the trainer's observers see it (progress bar, loss and activation logs).
public struct BatchProgress: Sendable {
  /// The report the rule received (per-sample losses, mean loss, X̄ before the step).
  public var report: BatchReport
  /// The number of batches of this epoch's plan.
  public var batchCount: Int
  /// The loss the step descended, `(1/B) sum w_i l_i`.
  public var weightedLoss: Double
  /// The step's learning rate.
  public var learningRate: Double
}

/// Callbacks of a training run; all optional. A hook that throws stops the run with its error
/// (after the state it saw was complete, so a checkpoint taken before stays valid).
public struct TrainingHooks<RuleState: Codable & Sendable & Equatable> {
  /// Called after each batch's step.
  public var batchTrained: ((BatchProgress) throws -> Void)?
  /// Called after each epoch's evaluation and `finishEpoch`.
  public var epochFinished: ((TrainingEpochRecord) throws -> Void)?
  /// Called after ``epochFinished`` with a checkpoint at the epoch boundary; nil skips making it.
  public var checkpointReady: ((TrainingCheckpoint<RuleState>) throws -> Void)?

  public init(
    batchTrained: ((BatchProgress) throws -> Void)? = nil,
    epochFinished: ((TrainingEpochRecord) throws -> Void)? = nil,
    checkpointReady: ((TrainingCheckpoint<RuleState>) throws -> Void)? = nil
  ) {
    self.batchTrained = batchTrained
    self.epochFinished = epochFinished
    self.checkpointReady = checkpointReady
  }
}
