import Foundation
import PruneReport
import PruneSignals

/// A run as training returns it: the store's file and, for a run asked to log them, every
/// sample's forward loss of every epoch (RePB-4's calibration run, ``RePB4Calibration``).
struct TrainedRun: Sendable {
  var run: StoredRun
  var lossLog: LossLog?
}

/// The per-sample loss logs of the store: `<run file name without .json>.losses.npy` beside
/// the run file, a float32 (E, N) NumPy array (``PruneSignals/LossLog/numPyFloat32Bytes()``).
///
/// Logging reads the losses the trainer already computes before each step, so it changes no
/// byte of the weights, the plans or the run file: it is not part of ``RunSpec`` (the
/// fingerprint), and a request that needs the log (``RunProvider/Request/logsLosses``) counts
/// as stored only when both files are there. A run file without its log is trained again (same
/// bytes, and the log); a log without its run file is unused (``StoreCheck`` lists it).
extension RunStore {
  /// The log's file name for a run of `spec`.
  static func lossLogName(for spec: RunSpec) -> String {
    String(spec.fileName.dropLast(".json".count)) + ".losses.npy"
  }

  /// The loss-log files of the folder, sorted.
  func lossLogNames() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    return names.filter { $0.hasSuffix(".losses.npy") }.sorted()
  }

  /// Writes a trained run: its loss log first (atomically), then the run file (atomically), so
  /// an interruption leaves at worst an unused log, never a run that claims a log it lacks.
  ///
  /// - Returns: The run file's path relative to the output root.
  @discardableResult
  func write(_ trained: TrainedRun) throws -> String {
    if let log = trained.lossLog {
      let folder = try OutputFolder(url)
      try folder.write(log.numPyFloat32Bytes(), to: Self.lossLogName(for: trained.run.spec))
    }
    return try write(trained.run)
  }

  /// Reads and checks the loss log of every stored run that has one, keyed by fingerprint.
  ///
  /// Each log must be a readable float32/float64 `.npy` of shape (E, N) with E the run's
  /// trained epochs and N its sample count, and each epoch's mean logged loss must equal the
  /// run's recorded mean train loss of that epoch (to 1e-6 relative; the log is float32): a log
  /// copied from another run, truncated or corrupted is refused.
  ///
  /// - Throws: ``RunStoreError/corruptLossLog(file:reason:)`` naming the first bad file.
  func loadLossLogs(runs: [String: StoredRun]) throws -> [String: LossLog] {
    let byName = Dictionary(
      runs.values.map { (Self.lossLogName(for: $0.spec), $0) }, uniquingKeysWith: { a, _ in a })
    var logs: [String: LossLog] = [:]
    for name in lossLogNames() {
      guard let run = byName[name] else { continue }
      let file = displayPath(name)
      let log: LossLog
      do {
        log = try LossLog.readNumPy(at: url.appendingPathComponent(name).path)
      } catch {
        throw RunStoreError.corruptLossLog(file: file, reason: "\(error)")
      }
      try Self.check(log, belongsTo: run, file: file)
      logs[run.fingerprint] = log
    }
    return logs
  }

  /// Loss-log files whose run file is not in the store.
  func unusedLossLogs(runs: [String: StoredRun]) -> [String] {
    let names = Set(runs.values.map { Self.lossLogName(for: $0.spec) })
    return lossLogNames().filter { !names.contains($0) }.map(displayPath)
  }

  static func check(_ log: LossLog, belongsTo run: StoredRun, file: String) throws {
    guard log.epochCount == run.epochs.count, log.sampleCount == run.summary.sampleCount else {
      throw RunStoreError.corruptLossLog(
        file: file,
        reason: "it holds \(log.epochCount) epochs of \(log.sampleCount) samples, but its run "
          + "trained \(run.epochs.count) epochs of \(run.summary.sampleCount)")
    }
    for epoch in run.epochs {
      var total = 0.0
      for loss in log.losses(ofEpoch: epoch.epoch) { total += loss }
      let mean = total / Double(log.sampleCount)
      let scale = max(abs(epoch.trainLoss), 1e-12)
      guard abs(mean - epoch.trainLoss) <= 1e-6 * scale else {
        throw RunStoreError.corruptLossLog(
          file: file,
          reason: "its mean loss in epoch \(epoch.epoch) is \(mean), but the run recorded a "
            + "mean train loss of \(epoch.trainLoss): the log is of another run")
      }
    }
  }
}
