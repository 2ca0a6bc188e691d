import PruneCore

/// Serves a recorded training log to the engine: the loss of sample i in epoch e is the log's
/// row (e, i), and the batch mean loss is the mean of the batch's logged losses.
///
/// With an activation log too, X̄ of logical batch b in epoch e is the row (e, b). Nothing is
/// learned from training: the log already is the trajectory. Replaying one log twice gives the
/// same signals, so the same outputs.
public struct LogReplaySource: SignalSource, Sendable {
  /// The loss log, when replaying losses.
  public let lossLog: LossLog?
  /// The activation log, when replaying activation statistics.
  public let activationLog: ActivationLog?
  public let sampleCount: Int
  public let name: String
  /// A loss log read from disk one epoch at a time (instead of ``lossLog``), and the epoch of it
  /// in memory.
  public let lossFile: LossLogFile?
  private var epochLosses: [Double] = []
  private var loadedEpoch = -1

  /// Replays a loss log (and optionally an activation log of the same epochs).
  ///
  /// - Parameters:
  ///   - lossLog: Per-sample losses; N is its sample count.
  ///   - activationLog: Per-batch statistics, or nil.
  ///   - name: Names the source in errors (for example the file name).
  /// - Throws: ``PruneSignalsError/mismatch(detail:)`` when the logs' epoch counts differ.
  public init(lossLog: LossLog, activationLog: ActivationLog? = nil, name: String = "loss log")
    throws
  {
    if let activationLog, activationLog.epochCount != lossLog.epochCount {
      throw PruneSignalsError.mismatch(
        detail: "the loss log has \(lossLog.epochCount) epochs but the activation log has "
          + "\(activationLog.epochCount); replay logs of the same run.")
    }
    self.lossLog = lossLog
    self.activationLog = activationLog
    self.sampleCount = lossLog.sampleCount
    self.name = name
    self.lossFile = nil
  }

  /// Replays a loss log streamed from disk epoch by epoch (memory for one epoch, not the log),
  /// optionally with an activation log of the same epochs.
  /// - Throws: ``PruneSignalsError/mismatch(detail:)`` when the logs' epoch counts differ.
  public init(lossFile: LossLogFile, activationLog: ActivationLog? = nil, name: String = "loss log")
    throws
  {
    if let activationLog, activationLog.epochCount != lossFile.epochCount {
      throw PruneSignalsError.mismatch(
        detail: "the loss log has \(lossFile.epochCount) epochs but the activation log has "
          + "\(activationLog.epochCount); replay logs of the same run.")
    }
    self.lossLog = nil
    self.lossFile = lossFile
    self.activationLog = activationLog
    self.sampleCount = lossFile.sampleCount
    self.name = name
  }

  /// Replays an activation log alone, for a data set of `sampleCount` samples.
  public init(activationLog: ActivationLog, sampleCount: Int, name: String = "activation log")
    throws
  {
    guard sampleCount >= 1 else {
      throw PruneSignalsError.outOfRange(
        parameter: "samples", value: Double(sampleCount), allowed: "an integer >= 1")
    }
    self.lossLog = nil
    self.lossFile = nil
    self.activationLog = activationLog
    self.sampleCount = sampleCount
    self.name = name
  }

  public var providedSignals: SignalKinds {
    var kinds: SignalKinds = []
    if lossLog != nil || lossFile != nil { kinds.formUnion([.perSampleLoss, .batchMeanLoss]) }
    if activationLog != nil { kinds.insert(.activationStatistic) }
    return kinds
  }

  public var classLabels: [Int]? { lossLog?.labels ?? lossFile?.labels }

  public var availableEpochs: Int? {
    lossLog?.epochCount ?? lossFile?.epochCount ?? activationLog?.epochCount
  }

  public mutating func beginEpoch(_ epoch: Int) throws {
    if let epochs = availableEpochs, epoch >= epochs || epoch < 0 {
      throw PruneSignalsError.epochNotInLog(name: name, epoch: epoch, epochs: epochs)
    }
    if let lossFile, epoch != loadedEpoch {
      try lossFile.readEpoch(epoch, into: &epochLosses)
      loadedEpoch = epoch
    }
  }

  public mutating func measure(
    _ batch: BatchIdentity, samples: ArraySlice<Int>, losses: inout [Double]
  ) throws -> BatchMeasurement {
    var measurement = BatchMeasurement()
    if lossFile != nil {
      guard batch.epoch == loadedEpoch else {
        throw PruneSignalsError.epochNotInLog(
          name: name, epoch: batch.epoch, epochs: availableEpochs ?? 0)
      }
      var total = 0.0
      var k = 0
      try epochLosses.withUnsafeBufferPointer { all in
        for i in samples {
          guard i >= 0, i < all.count else {
            throw PruneSignalsError.indexNotInSource(
              name: name, unit: "sample", index: i, count: all.count)
          }
          let value = all[i]
          losses[k] = value
          total += value
          k += 1
        }
      }
      measurement.meanLoss = k > 0 ? total / Double(k) : nil
    }
    if let log = lossLog {
      guard batch.epoch >= 0, batch.epoch < log.epochCount else {
        throw PruneSignalsError.epochNotInLog(name: name, epoch: batch.epoch, epochs: log.epochCount)
      }
      let base = batch.epoch * log.sampleCount
      var total = 0.0
      var k = 0
      try log.losses.withUnsafeBufferPointer { all in
        for i in samples {
          guard i >= 0, i < log.sampleCount else {
            throw PruneSignalsError.indexNotInSource(
              name: name, unit: "sample", index: i, count: log.sampleCount)
          }
          let value = all[base + i]
          losses[k] = value
          total += value
          k += 1
        }
      }
      measurement.meanLoss = k > 0 ? total / Double(k) : nil
    }
    if let log = activationLog {
      guard batch.epoch >= 0, batch.epoch < log.epochCount else {
        throw PruneSignalsError.epochNotInLog(name: name, epoch: batch.epoch, epochs: log.epochCount)
      }
      guard batch.batchID >= 0, batch.batchID < log.batchCount else {
        throw PruneSignalsError.indexNotInSource(
          name: name, unit: "batch", index: batch.batchID, count: log.batchCount)
      }
      measurement.activationStatistic = log.statistic(epoch: batch.epoch, batch: batch.batchID)
    }
    return measurement
  }
}
