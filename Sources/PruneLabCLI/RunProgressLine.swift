import Foundation
import PruneClaims

/// Progress of `reproduce`'s training and verification on standard error (issue 10): which run,
/// its epoch, the store's done / missing count and the time left. On a terminal one line is
/// redrawn in place; otherwise (a log, a Slurm job) a line is written per epoch.
final class RunProgressLine: @unchecked Sendable {
  let isTerminal: Bool
  private let lock = NSLock()
  private var drawn = false

  init(isTerminal: Bool) { self.isTerminal = isTerminal }

  func show(_ event: RunTraining.Event) {
    var text = "\(event.activity) run \(event.runNumber)/\(event.runCount) \(event.runName) "
      + "(\(event.claim)), epoch \(event.epochsDone)/\(event.epochsPlanned)"
    if event.activity == "train" {
      text += "; store \(event.storedCount) done / \(event.missingCount) missing"
      if let left = event.secondsLeft { text += "; about \(Self.duration(left)) left" }
    }
    lock.lock()
    defer { lock.unlock() }
    if isTerminal {
      FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
      drawn = true
    } else {
      FileHandle.standardError.write(Data(("reproduce: " + text + "\n").utf8))
    }
  }

  func finish() {
    lock.lock()
    defer { lock.unlock() }
    if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
    drawn = false
  }

  static func duration(_ seconds: Double) -> String {
    let s = Int(seconds.rounded())
    return s >= 3600 ? "\(s / 3600) h \(s % 3600 / 60) min" : s >= 60 ? "\(s / 60) min" : "\(s) s"
  }
}
