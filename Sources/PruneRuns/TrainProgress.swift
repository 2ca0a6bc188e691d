import MiniCNN
import PruneReport

#if canImport(Glibc)
import Glibc
#endif

/// Training progress on standard error: a bar redrawn in place on a terminal (`isatty`), one
/// plain line per epoch otherwise (logs and CI).
struct TrainProgress {
  let plannedEpochs: Int
  let isTerminal: Bool
  private var lastDraw = ContinuousClock.now
  private var batchLossSum = 0.0
  private var batchesSeen = 0

  init(plannedEpochs: Int, isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
    self.plannedEpochs = plannedEpochs
    self.isTerminal = isTerminal
  }

  /// After each batch: redraws the bar at most 10 times a second.
  mutating func batchTrained(_ progress: BatchProgress) {
    batchLossSum += progress.weightedLoss
    batchesSeen += 1
    guard isTerminal else { return }
    let now = ContinuousClock.now
    let isLast = progress.report.position + 1 == progress.batchCount
    guard isLast || now - lastDraw >= .milliseconds(100) else { return }
    lastDraw = now
    let done = progress.report.position + 1
    let width = 30
    let filled = width * done / max(1, progress.batchCount)
    let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
    let loss = Self.fixed(batchLossSum / Double(max(1, batchesSeen)), 4)
    let line = "\repoch \(progress.report.epoch + 1)/\(plannedEpochs) [\(bar)] "
      + "\(done)/\(progress.batchCount) loss \(loss) lr \(Self.fixed(progress.learningRate, 4))"
    Self.write(line + "\u{1B}[K")
  }

  /// After each epoch: one line with the record's figures.
  mutating func epochFinished(_ record: TrainingEpochRecord) {
    batchLossSum = 0
    batchesSeen = 0
    let line = "epoch \(record.epoch + 1)/\(plannedEpochs): train loss "
      + "\(Self.fixed(record.trainLoss, 4)), test accuracy \(Self.fixed(record.testAccuracy, 4)), "
      + "\(record.trainedSamples) samples in \(record.trainedBatches) batches, "
      + "\(Self.fixed(record.wallSeconds, 1)) s (selection \(Self.fixed(record.selectionSeconds, 3)) s)"
    Self.write((isTerminal ? "\r\u{1B}[K" : "") + line + "\n")
  }

  static func fixed(_ value: Double, _ decimals: Int) -> String {
    NumberFormat.fixed(value, decimals: decimals)
  }

  static func write(_ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes { raw in
        Glibc.write(STDERR_FILENO, raw.baseAddress.map { $0 + offset }, raw.count - offset)
      }
      if written <= 0 { return }
      offset += written
    }
  }
}
