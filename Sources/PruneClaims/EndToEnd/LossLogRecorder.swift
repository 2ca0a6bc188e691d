import PruneCore
import PruneSignals

/// Records every sample's forward loss (computed before the optimiser step, cnn.md "Per-sample
/// losses") of every epoch of a full-data run: the log RePB-4's calibration replays
/// (``RePB4Calibration``). Values are rounded to float32, as the store's `.npy` keeps them
/// (``PruneSignals/LossLog/numPyFloat32Bytes()``), so a log used in memory and one read back
/// from the store are the same bits.
struct LossLogRecorder {
  let sampleCount: Int
  private var epoch: [Double]
  private var losses: [Double] = []

  init(sampleCount: Int) {
    self.sampleCount = sampleCount
    epoch = [Double](repeating: .nan, count: sampleCount)
  }

  /// Keeps one batch's losses.
  /// - Throws: ``ClaimsError/computationFailed(id:reason:)`` when the trainer reports none.
  mutating func record(_ report: BatchReport) throws {
    guard let values = report.losses else {
      throw ClaimsError.computationFailed(
        id: "loss log", reason: "batch \(report.batchID) of epoch \(report.epoch) reported no "
          + "per-sample losses")
    }
    for (sample, loss) in zip(report.samples, values) { epoch[sample] = Double(Float(loss)) }
  }

  /// Closes epoch `index`: every sample must have been trained in it.
  /// - Throws: ``ClaimsError/computationFailed(id:reason:)`` for a sample without a loss (a
  ///   pruned epoch: only a full-data run gives a complete log).
  mutating func finishEpoch(_ index: Int) throws {
    if let missing = epoch.firstIndex(where: \.isNaN) {
      let count = epoch.lazy.filter(\.isNaN).count
      throw ClaimsError.computationFailed(
        id: "loss log",
        reason: "\(count) sample(s) were not trained in epoch \(index) (the first: \(missing)); "
          + "a loss log needs every sample every epoch, so log a full-data run")
    }
    losses.append(contentsOf: epoch)
    for i in epoch.indices { epoch[i] = .nan }
  }

  /// The log of the epochs closed so far.
  func log() throws -> LossLog { try LossLog(sampleCount: sampleCount, losses: losses) }
}
