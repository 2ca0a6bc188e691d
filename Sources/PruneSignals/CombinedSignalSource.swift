import PruneCore

/// Two sources driven as one: the signals of both, so a rule can read losses from one and
/// activation statistics from the other (for example ``SyntheticLearner`` with
/// ``ActivationStabilitySource`` for B-PAS, or a replayed loss log with a replayed activation log).
///
/// Per-sample losses and the batch mean loss come from `primary` when it provides them, else
/// from `secondary`; the activation statistic likewise. Both sources are told of every batch.
public struct CombinedSignalSource<Primary: SignalSource, Secondary: SignalSource>: SignalSource {
  public var primary: Primary
  public var secondary: Secondary
  /// Where the secondary writes losses nobody reads, reused across batches.
  private var scratch: [Double] = []

  /// - Throws: ``PruneSignalsError/mismatch(detail:)`` when the sample counts differ.
  public init(_ primary: Primary, _ secondary: Secondary) throws {
    guard primary.sampleCount == secondary.sampleCount else {
      throw PruneSignalsError.mismatch(
        detail: "\(primary.name) has \(primary.sampleCount) samples but \(secondary.name) has "
          + "\(secondary.sampleCount); combine sources of the same data set.")
    }
    self.primary = primary
    self.secondary = secondary
  }

  public var name: String { "\(primary.name) + \(secondary.name)" }
  public var providedSignals: SignalKinds {
    primary.providedSignals.union(secondary.providedSignals)
  }
  public var sampleCount: Int { primary.sampleCount }
  public var classLabels: [Int]? { primary.classLabels ?? secondary.classLabels }
  public var availableEpochs: Int? {
    switch (primary.availableEpochs, secondary.availableEpochs) {
    case (let a?, let b?): return min(a, b)
    case (let a?, nil): return a
    case (nil, let b): return b
    }
  }

  public mutating func beginEpoch(_ epoch: Int) throws {
    try primary.beginEpoch(epoch)
    try secondary.beginEpoch(epoch)
  }

  public mutating func measure(
    _ batch: BatchIdentity, samples: ArraySlice<Int>, losses: inout [Double]
  ) throws -> BatchMeasurement {
    let first = try primary.measure(batch, samples: samples, losses: &losses)
    let primaryHasLosses = primary.providedSignals.contains(.perSampleLoss)
    // The secondary must not overwrite the primary's losses: give it the buffer only when the
    // primary has none.
    var second = BatchMeasurement()
    if primaryHasLosses {
      if scratch.count < samples.count {
        scratch = [Double](repeating: 0, count: samples.count)
      }
      second = try secondary.measure(batch, samples: samples, losses: &scratch)
    } else {
      second = try secondary.measure(batch, samples: samples, losses: &losses)
    }
    return BatchMeasurement(
      meanLoss: first.meanLoss ?? second.meanLoss,
      activationStatistic: first.activationStatistic ?? second.activationStatistic)
  }

  /// True when both sources fix their signals at the epoch's start.
  public var measuresWholeEpochs: Bool {
    primary.measuresWholeEpochs && secondary.measuresWholeEpochs
  }

  /// Both sources' whole epochs, measurements combined as ``measure(_:samples:losses:)`` does.
  public mutating func measureAndTrainEpoch(
    _ plan: EpochPlan, weights: UnsafeBufferPointer<Double>,
    losses: UnsafeMutableBufferPointer<Double>,
    measurements: UnsafeMutableBufferPointer<BatchMeasurement>, threads: Int
  ) throws {
    try primary.measureAndTrainEpoch(
      plan, weights: weights, losses: losses, measurements: measurements, threads: threads)
    var second = [BatchMeasurement](repeating: BatchMeasurement(), count: plan.batchCount)
    try second.withUnsafeMutableBufferPointer { second in
      if primary.providedSignals.contains(.perSampleLoss) {
        if scratch.count < plan.sampleCount {
          scratch = [Double](repeating: 0, count: plan.sampleCount)
        }
        try scratch.withUnsafeMutableBufferPointer { scratch in
          try secondary.measureAndTrainEpoch(
            plan, weights: weights, losses: scratch, measurements: second, threads: threads)
        }
      } else {
        try secondary.measureAndTrainEpoch(
          plan, weights: weights, losses: losses, measurements: second, threads: threads)
      }
    }
    for k in 0..<plan.batchCount {
      let first = measurements[k]
      measurements[k] = BatchMeasurement(
        meanLoss: first.meanLoss ?? second[k].meanLoss,
        activationStatistic: first.activationStatistic ?? second[k].activationStatistic)
    }
  }

  public mutating func train(
    _ batch: BatchIdentity, samples: ArraySlice<Int>, weights: ArraySlice<Double>
  ) throws {
    try primary.train(batch, samples: samples, weights: weights)
    try secondary.train(batch, samples: samples, weights: weights)
  }

  public mutating func finishEpoch(_ epoch: Int) throws {
    try primary.finishEpoch(epoch)
    try secondary.finishEpoch(epoch)
  }
}

extension CombinedSignalSource: Sendable where Primary: Sendable, Secondary: Sendable {}
