/// What one epoch trains on: the samples in order, cut into batches, with a loss weight each.
///
/// A plan is made by one explicit call per epoch (``PruningRule/plan(forEpoch:)``) and is a plain
/// value: reading or iterating it never changes the rule (unlike the official IBSampler, which
/// re-prunes inside `__iter__`; algorithms.md, Part A). Its sizes are known before the epoch starts,
/// so learning-rate schedules can be sized from them (InfoBatch issue #27).
public struct EpochPlan: Sendable, Equatable {
  /// How the batch loss combines losses and weights.
  public enum Rescaling: String, Sendable, Hashable, Codable {
    /// `sum(w_i l_i) / B` with each sample's own weight (InfoBatch Eq. 8, RePB's CTR).
    case perSample
    /// `mean(w) * mean(l)`: every sample of the batch carries the batch's mean weight
    /// (the official BLS code, algorithms.md §2.2).
    case batchMeanWeight
  }

  /// The 0-based epoch this plan is for.
  public let epoch: Int
  /// Sample indices in training order.
  public var samples: [Int]
  /// One weight per entry of ``samples`` (1 where the rule does not reweight).
  public var weights: [Double]
  /// Offsets into ``samples``: batch k is `samples[batchStarts[k]..<batchStarts[k + 1]]`.
  public var batchStarts: [Int]
  /// The logical id of each batch: its position for sample-level rules, the fixed id for B-PAS.
  public var batchIDs: [Int]
  /// How losses and weights combine into the batch loss.
  public var rescaling: Rescaling

  /// Creates a plan whose batches are consecutive runs of `batchSize` samples (last one partial).
  public init(
    epoch: Int, samples: [Int], weights: [Double], batchSize: Int,
    rescaling: Rescaling = .perSample
  ) {
    precondition(samples.count == weights.count, "one weight per sample")
    precondition(batchSize > 0, "batchSize must be positive")
    self.epoch = epoch
    self.samples = samples
    self.weights = weights
    let count = (samples.count + batchSize - 1) / batchSize
    var starts: [Int] = []
    starts.reserveCapacity(count + 1)
    var offset = 0
    while offset < samples.count {
      starts.append(offset)
      offset += batchSize
    }
    starts.append(samples.count)
    self.batchStarts = starts
    self.batchIDs = Array(0..<count)
    self.rescaling = rescaling
  }

  /// Creates a plan from explicit batches (B-PAS's fixed batches).
  public init(
    epoch: Int, samples: [Int], weights: [Double], batchStarts: [Int], batchIDs: [Int],
    rescaling: Rescaling = .perSample
  ) {
    precondition(samples.count == weights.count, "one weight per sample")
    precondition(batchStarts.count == batchIDs.count + 1, "one start per batch plus the end")
    precondition(batchStarts.first == 0 && batchStarts.last == samples.count, "starts cover samples")
    self.epoch = epoch
    self.samples = samples
    self.weights = weights
    self.batchStarts = batchStarts
    self.batchIDs = batchIDs
    self.rescaling = rescaling
  }

  /// The number of sample-iterations this epoch trains.
  public var sampleCount: Int { samples.count }
  /// The number of batches (optimiser steps) this epoch trains.
  public var batchCount: Int { batchIDs.count }
  /// True when the plan trains nothing (B-PAS after its last batch is dropped).
  public var isEmpty: Bool { samples.isEmpty }

  /// The positions in ``samples`` of batch `position`.
  @inlinable
  public func range(ofBatch position: Int) -> Range<Int> {
    batchStarts[position]..<batchStarts[position + 1]
  }

  /// The weights the loss actually applies to batch `position`, one per sample:
  /// the samples' own weights, or their mean for ``Rescaling/batchMeanWeight``.
  public func effectiveWeights(ofBatch position: Int) -> ArraySlice<Double> {
    let slice = weights[range(ofBatch: position)]
    switch rescaling {
    case .perSample:
      return slice
    case .batchMeanWeight:
      guard !slice.isEmpty else { return slice }
      var total = 0.0
      for w in slice { total += w }
      let mean = total / Double(slice.count)
      return ArraySlice(repeating: mean, count: slice.count)
    }
  }

  /// The batch loss the rule prescribes for batch `position`: `sum(w_i l_i) / B` with the
  /// effective weights (algorithms.md §1.4 and §2.2).
  public func weightedLoss(ofBatch position: Int, losses: ArraySlice<Double>) -> Double {
    let weights = effectiveWeights(ofBatch: position)
    precondition(weights.count == losses.count, "one loss per sample of the batch")
    guard !losses.isEmpty else { return 0 }
    var total = 0.0
    for (w, l) in zip(weights, losses) { total += w * l }
    return total / Double(losses.count)
  }

  /// The largest weight of the plan (1 for an empty plan).
  public var maxWeight: Double { weights.max() ?? 1 }
  /// The mean weight over the plan's samples (1 for an empty plan).
  public var meanWeight: Double {
    guard !weights.isEmpty else { return 1 }
    var total = 0.0
    for w in weights { total += w }
    return total / Double(weights.count)
  }
}
