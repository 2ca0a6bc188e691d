import PruneCore

/// Where a batch sits in a run: the epoch, its position in the epoch's plan and its logical id.
public struct BatchIdentity: Sendable, Hashable {
  /// The 0-based epoch.
  public var epoch: Int
  /// The batch's position in the epoch's plan (0-based).
  public var position: Int
  /// The batch's logical id (``EpochPlan/batchIDs``): the position for sample-level rules, the
  /// fixed batch id for B-PAS.
  public var batchID: Int

  public init(epoch: Int, position: Int, batchID: Int) {
    self.epoch = epoch
    self.position = position
    self.batchID = batchID
  }
}

/// The scalar signals a source measured on one batch (the per-sample losses go into a buffer).
public struct BatchMeasurement: Sendable, Hashable {
  /// The unweighted batch mean loss L(B_t), when the source provides it.
  public var meanLoss: Double?
  /// The batch's activation statistic X̄, when the source provides it.
  public var activationStatistic: Double?

  public init(meanLoss: Double? = nil, activationStatistic: Double? = nil) {
    self.meanLoss = meanLoss
    self.activationStatistic = activationStatistic
  }
}

/// Something that produces the training signals a pruning rule reads: a simulated learner, a
/// replayed training log, or (elsewhere) a real trainer.
///
/// The engine drives a source in training order (ARCHITECTURE.md, "the rule contract"):
/// ```
/// for each epoch e:  beginEpoch(e)
///   for each batch:  measure(batch, samples, into: losses)   // forward, before the update
///                    train(batch, samples, weights)         // the update
///   finishEpoch(e)
/// ```
/// `measure` reports what the model gives *before* that batch's update (RePB's W = 1 and B-PAS
/// need forward-time signals); `train` tells the source the batch was trained with the given
/// effective loss weights, so a simulated learner learns only what it trains on.
///
/// Speed: `measure` fills a buffer the caller owns, so a source never allocates per batch.
public protocol SignalSource {
  /// A short description for error messages (`"synthetic learner"`, `"loss log run/losses.csv"`).
  var name: String { get }
  /// The signals ``measure(_:samples:losses:)`` provides. Per-sample losses imply the batch mean.
  var providedSignals: SignalKinds { get }
  /// N, the number of samples the source knows.
  var sampleCount: Int { get }
  /// One class label per sample, when the source has labels.
  var classLabels: [Int]? { get }
  /// The number of epochs the source can serve (a log's length), or nil when unbounded.
  var availableEpochs: Int? { get }

  /// Prepares epoch `epoch`. Called once per epoch, in order, before its first batch.
  /// - Throws: when the source cannot serve the epoch (a log that is too short).
  mutating func beginEpoch(_ epoch: Int) throws
  /// Measures one batch before its update.
  ///
  /// - Parameters:
  ///   - batch: Where the batch sits in the run.
  ///   - samples: The batch's sample indices, in training order.
  ///   - losses: A buffer with at least `samples.count` elements; when the source provides
  ///     per-sample losses it writes the loss of `samples[k]` into `losses[k]`, and leaves the
  ///     buffer untouched otherwise.
  /// - Returns: The batch mean loss and activation statistic, where provided.
  mutating func measure(
    _ batch: BatchIdentity, samples: ArraySlice<Int>, losses: inout [Double]
  ) throws -> BatchMeasurement
  /// Tells the source the batch was trained, with the effective loss weight of each sample.
  mutating func train(
    _ batch: BatchIdentity, samples: ArraySlice<Int>, weights: ArraySlice<Double>) throws
  /// Ends epoch `epoch`.
  mutating func finishEpoch(_ epoch: Int) throws
}

extension SignalSource {
  public var classLabels: [Int]? { nil }
  public var availableEpochs: Int? { nil }
  public mutating func beginEpoch(_ epoch: Int) throws {}
  public mutating func train(
    _ batch: BatchIdentity, samples: ArraySlice<Int>, weights: ArraySlice<Double>
  ) throws {}
  public mutating func finishEpoch(_ epoch: Int) throws {}
}
