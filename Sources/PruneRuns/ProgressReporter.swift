import Foundation
import PruneEngine
import PruneReport

#if canImport(Glibc)
  import Glibc
#endif

/// One line per epoch on standard error, for long runs: only when asked (`--progress`) or when
/// standard error is a terminal, so scripts and logs stay clean.
public struct ProgressReporter {
  let isEnabled: Bool
  let plannedEpochs: Int

  /// True when standard error is a terminal.
  public static var isTerminal: Bool { isatty(STDERR_FILENO) != 0 }

  func report(_ record: EpochRecord) {
    guard isEnabled else { return }
    let percent = NumberFormat.fixed(100 * record.savedFraction, decimals: 1)
    let loss = record.meanLoss.map { ", mean loss " + NumberFormat.significant($0, digits: 4) } ?? ""
    let seconds = NumberFormat.fixed(record.wallSeconds, decimals: 3)
    write(
      "epoch \(record.epoch + 1)/\(plannedEpochs): trained \(record.trainedSamples) samples "
        + "(saved \(percent)%)\(loss), \(seconds) s\n")
  }

  func finish(_ result: SimulationResult) {
    guard isEnabled else { return }
    let saved = NumberFormat.fixed(100 * result.summary.savedFraction, decimals: 2)
    let seconds = NumberFormat.fixed(result.wallSeconds, decimals: 2)
    write(
      "done: \(result.summary.epochsRun) epochs, saved \(saved)% of sample-iterations, "
        + "\(seconds) s\n")
  }

  private func write(_ line: String) {
    FileHandle.standardError.write(Data(line.utf8))
  }
}
