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

  /// True when, for a plan that trains each sample at most once, every signal of an epoch is
  /// fixed at the epoch's start (training a batch changes nothing measured on the other batches
  /// of the epoch), so ``measureAndTrainEpoch(_:weights:losses:measurements:threads:)`` may take
  /// the whole epoch in one call. False unless a source says so.
  var measuresWholeEpochs: Bool { get }
  /// Measures and trains every batch of `plan` in one call, with the values
  /// ``measure(_:samples:losses:)`` and ``train(_:samples:weights:)`` would give batch by batch:
  /// the loss of plan position j in `losses[j]` (when provided), batch k's measurement in
  /// `measurements[k]`, position j trained with `weights[j]`. Called (after
  /// ``beginEpoch(_:)``) only when ``measuresWholeEpochs`` holds and the plan trains each sample
  /// once; a source may use up to `threads` threads, with results that do not depend on it.
  mutating func measureAndTrainEpoch(
    _ plan: EpochPlan, weights: UnsafeBufferPointer<Double>,
    losses: UnsafeMutableBufferPointer<Double>,
    measurements: UnsafeMutableBufferPointer<BatchMeasurement>, threads: Int) throws
}

extension SignalSource {
  public var classLabels: [Int]? { nil }
  public var availableEpochs: Int? { nil }
  public mutating func beginEpoch(_ epoch: Int) throws {}
  public mutating func train(
    _ batch: BatchIdentity, samples: ArraySlice<Int>, weights: ArraySlice<Double>
  ) throws {}
  public mutating func finishEpoch(_ epoch: Int) throws {}
  public var measuresWholeEpochs: Bool { false }

  /// Batch by batch through ``measure(_:samples:losses:)`` and ``train(_:samples:weights:)``,
  /// on one thread.
  public mutating func measureAndTrainEpoch(
    _ plan: EpochPlan, weights: UnsafeBufferPointer<Double>,
    losses: UnsafeMutableBufferPointer<Double>,
    measurements: UnsafeMutableBufferPointer<BatchMeasurement>, threads: Int
  ) throws {
    var buffer: [Double] = []
    for position in 0..<plan.batchCount {
      let range = plan.range(ofBatch: position)
      if buffer.count < range.count { buffer = [Double](repeating: 0, count: range.count) }
      let identity = BatchIdentity(
        epoch: plan.epoch, position: position, batchID: plan.batchIDs[position])
      measurements[position] = try measure(identity, samples: plan.samples[range], losses: &buffer)
      for (k, j) in range.enumerated() { losses[j] = buffer[k] }
      try train(
        identity, samples: plan.samples[range],
        weights: ArraySlice(UnsafeBufferPointer(rebasing: weights[range])))
    }
  }
}
