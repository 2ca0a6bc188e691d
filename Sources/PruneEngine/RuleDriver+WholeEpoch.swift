import PruneCore
import PruneSignals

extension RuleDriver {
  /// Trained positions of a plan, handed to a visitor that may run on several threads at once:
  /// plan positions `positions`, their samples, losses (when provided) and effective weights.
  public struct Span {
    public let positions: Range<Int>
    public let samples: UnsafeBufferPointer<Int>
    public let losses: UnsafeBufferPointer<Double>?
    public let weights: UnsafeBufferPointer<Double>
  }

  /// Runs epoch `epoch` like ``runEpoch(_:epoch:on:visit:)``, on up to `threads` threads when
  /// the source can take a whole epoch at once (issue 13 item 2).
  ///
  /// When ``PruneSignals/SignalSource/measuresWholeEpochs`` holds and the plan trains each sample
  /// at most once, every signal of the epoch is fixed at its start, and the epoch runs in three
  /// phases with the values of the batch-by-batch loop:
  /// 1. the source measures and trains every batch
  ///    (``PruneSignals/SignalSource/measureAndTrainEpoch(_:weights:losses:measurements:threads:)``,
  ///    split over `threads`);
  /// 2. the rule records the batches in order while, beside it, `visit` takes them in order
  ///    (they share no state);
  /// 3. `visitSpan` takes contiguous spans of the plan, concurrently.
  ///
  /// Every sum keeps its order (batch by batch, sample by sample), so results do not depend on
  /// `threads`. Otherwise it is the batch-by-batch loop, with `visitSpan` called for each batch
  /// after `visit`. Here `visit` may run on another thread than the caller's, before the rule
  /// recorded the batch and after the source trained it; `visit` and `visitSpan` must touch
  /// neither rule nor source, and `visitSpan` only what belongs to its span's samples. When the
  /// rule and `visit` both fail, the rule's error is thrown.
  @discardableResult
  public mutating func runEpoch<Rule: PruningRule, Source: SignalSource>(
    _ rule: inout Rule, epoch: Int, on source: inout Source, threads: Int,
    visit: (Batch) throws -> Void = { _ in }, visitSpan: (Span) -> Void = { _ in }
  ) throws -> EpochPlan {
    let plan = try Self.startEpoch(epoch, of: &rule)
    if plan.isEmpty { return plan }
    guard source.measuresWholeEpochs,
      Self.trainsEachSampleOnce(plan, sampleCount: rule.setup.sampleCount, marks: &sampleMarks)
    else {
      return try runBatches(of: plan, &rule, on: &source) { batch in
        try visit(batch)
        Self.visitBatch(batch, of: plan, visitSpan)
      }
    }
    try source.beginEpoch(epoch)
    let count = plan.sampleCount
    let threads = max(1, threads)
    if epochLosses.count < count { epochLosses = [Double](repeating: 0, count: count) }
    if epochWeights.count < count { epochWeights = [Double](repeating: 0, count: count) }
    if measurements.count < plan.batchCount {
      measurements = [BatchMeasurement](repeating: BatchMeasurement(), count: plan.batchCount)
    }
    Self.fillEffectiveWeights(of: plan, into: &epochWeights)
    try epochLosses.withUnsafeMutableBufferPointer { losses in
      try measurements.withUnsafeMutableBufferPointer { measured in
        try epochWeights.withUnsafeBufferPointer { weights in
          try source.measureAndTrainEpoch(
            plan, weights: weights, losses: losses, measurements: measured, threads: threads)
        }
      }
    }
    let hasLosses = source.providedSignals.contains(.perSampleLoss)
    let losses = epochLosses
    let weights = epochWeights
    let measured = measurements
    var recordError: (any Error)?
    var visitError: (any Error)?
    func recordAll() {
      do {
        for position in 0..<plan.batchCount {
          let range = plan.range(ofBatch: position)
          let measurement = measured[position]
          try rule.record(
            BatchReport(
              epoch: epoch, position: position, batchID: plan.batchIDs[position],
              samples: plan.samples[range], losses: hasLosses ? losses[range] : nil,
              meanLoss: measurement.meanLoss,
              activationStatistic: measurement.activationStatistic))
        }
      } catch { recordError = error }
    }
    func visitAll() {
      do {
        for position in 0..<plan.batchCount {
          let range = plan.range(ofBatch: position)
          try visit(
            Batch(
              identity: BatchIdentity(
                epoch: epoch, position: position, batchID: plan.batchIDs[position]),
              samples: plan.samples[range], losses: hasLosses ? losses[range] : nil,
              measurement: measured[position], weights: weights[range]))
        }
      } catch { visitError = error }
    }
    ForkJoin.forEachPart(min(threads, 2)) { part in
      if part == 0 { recordAll() }
      if part == 1 || threads == 1 { visitAll() }
    }
    if let recordError { throw recordError }
    if let visitError { throw visitError }
    Self.visitSpans(
      of: plan, losses: hasLosses ? losses : nil, weights: weights,
      threads: threads, visitSpan)
    try source.finishEpoch(epoch)
    try rule.finishEpoch(epoch)
    return plan
  }

  /// Calls `visitSpan` on `threads` contiguous spans of whole batches, concurrently.
  static func visitSpans(
    of plan: EpochPlan, losses: [Double]?, weights: [Double], threads: Int,
    _ visitSpan: (Span) -> Void
  ) {
    let parts = max(1, min(threads, plan.batchCount))
    plan.samples.withUnsafeBufferPointer { samples in
      weights.withUnsafeBufferPointer { weights in
        (losses ?? []).withUnsafeBufferPointer { losses in
          let hasLosses = !losses.isEmpty
          ForkJoin.forEachPart(parts) { part in
            let batches = ForkJoin.range(ofPart: part, parts: parts, count: plan.batchCount)
            guard !batches.isEmpty else { return }
            let positions =
              plan.batchStarts[batches.lowerBound]..<plan.batchStarts[batches.upperBound]
            visitSpan(
              Span(
                positions: positions, samples: UnsafeBufferPointer(rebasing: samples[positions]),
                losses: hasLosses ? UnsafeBufferPointer(rebasing: losses[positions]) : nil,
                weights: UnsafeBufferPointer(rebasing: weights[positions])))
          }
        }
      }
    }
  }

  /// `visitSpan` for one batch of the batch-by-batch loop.
  static func visitBatch(_ batch: Batch, of plan: EpochPlan, _ visitSpan: (Span) -> Void) {
    let positions = plan.range(ofBatch: batch.identity.position)
    batch.samples.withUnsafeBufferPointer { samples in
      batch.weights.withUnsafeBufferPointer { weights in
        if let losses = batch.losses {
          losses.withUnsafeBufferPointer { losses in
            visitSpan(
              Span(positions: positions, samples: samples, losses: losses, weights: weights))
          }
        } else {
          visitSpan(Span(positions: positions, samples: samples, losses: nil, weights: weights))
        }
      }
    }
  }

  /// True when no sample appears twice in `plan` (indices already checked to lie in
  /// 0..<`sampleCount`); `marks` is scratch, one bit per sample, left cleared.
  static func trainsEachSampleOnce(_ plan: EpochPlan, sampleCount: Int, marks: inout [UInt64])
    -> Bool
  {
    let words = (sampleCount + 63) / 64
    if marks.count < words { marks = [UInt64](repeating: 0, count: words) }
    return marks.withUnsafeMutableBufferPointer { bits in
      plan.samples.withUnsafeBufferPointer { samples in
        var distinct = true
        for sample in samples {
          let word = sample >> 6
          let bit = UInt64(1) << UInt64(sample & 63)
          if bits[word] & bit != 0 { distinct = false }
          bits[word] |= bit
        }
        for sample in samples { bits[sample >> 6] = 0 }
        return distinct
      }
    }
  }

  /// The effective weights of every batch of `plan`, position by position, with the operations
  /// of ``effectiveWeights(of:range:scratch:)``.
  static func fillEffectiveWeights(of plan: EpochPlan, into weights: inout [Double]) {
    switch plan.rescaling {
    case .perSample:
      for j in 0..<plan.sampleCount { weights[j] = plan.weights[j] }
    case .batchMeanWeight:
      for position in 0..<plan.batchCount {
        let range = plan.range(ofBatch: position)
        var total = 0.0
        for k in range { total += plan.weights[k] }
        let mean = total / Double(range.count)
        for k in range { weights[k] = mean }
      }
    }
  }
}
