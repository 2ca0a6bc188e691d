import PruneCore
import PruneSignals

/// A signal source whose signals are closures: controlled losses and statistics for claims and
/// tests (static per-sample losses, a quadratic model's losses, a noisy loss field, a scripted
/// activation curve), driven by the same loop as every other source (``RuleDriver``).
///
/// Per batch, `loss(epoch, sample)` is called once per sample in training order and the batch
/// mean is their sum in that order over the count; `statistic(epoch, batchID, samples)` gives
/// the activation statistic; `train` hears each trained batch with its effective weights.
public struct ClosureSignals: SignalSource {
  public let name: String
  public let sampleCount: Int
  public let providedSignals: SignalKinds
  private let loss: ((Int, Int) throws -> Double)?
  private let statistic: ((Int, Int, ArraySlice<Int>) throws -> Double)?
  private let trained: ((BatchIdentity, ArraySlice<Int>, ArraySlice<Double>) throws -> Void)?

  /// - Parameters:
  ///   - sampleCount: N.
  ///   - loss: The forward-time loss of `(epoch, sample)`; nil: no loss signal.
  ///   - reportsPerSampleLosses: False to report only each batch's mean loss (a BLS-only loop).
  ///   - statistic: The activation statistic of `(epoch, batchID, samples)`; nil: none.
  ///   - train: Called after each batch was reported, with its effective weights.
  public init(
    sampleCount: Int, name: String = "closure signals",
    loss: ((Int, Int) throws -> Double)? = nil, reportsPerSampleLosses: Bool = true,
    statistic: ((Int, Int, ArraySlice<Int>) throws -> Double)? = nil,
    train: ((BatchIdentity, ArraySlice<Int>, ArraySlice<Double>) throws -> Void)? = nil
  ) {
    self.name = name
    self.sampleCount = sampleCount
    var provided: SignalKinds = []
    if loss != nil { provided.formUnion(reportsPerSampleLosses ? .perSampleLoss : .batchMeanLoss) }
    if statistic != nil { provided.formUnion(.activationStatistic) }
    self.providedSignals = provided
    self.loss = loss
    self.statistic = statistic
    self.trained = train
  }

  public func measure(
    _ batch: BatchIdentity, samples: ArraySlice<Int>, losses: inout [Double]
  ) throws -> BatchMeasurement {
    var measurement = BatchMeasurement()
    if let loss {
      var total = 0.0
      for (k, sample) in samples.enumerated() {
        let value = try loss(batch.epoch, sample)
        losses[k] = value
        total += value
      }
      measurement.meanLoss = samples.isEmpty ? nil : total / Double(samples.count)
    }
    if let statistic {
      measurement.activationStatistic = try statistic(batch.epoch, batch.batchID, samples)
    }
    return measurement
  }

  public func train(
    _ batch: BatchIdentity, samples: ArraySlice<Int>, weights: ArraySlice<Double>
  ) throws {
    try trained?(batch, samples, weights)
  }
}
