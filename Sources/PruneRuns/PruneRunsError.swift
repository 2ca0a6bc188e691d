/// Errors of a run's request: a size that disagrees with a log, a missing option, an unreadable
/// checkpoint or partial log.
public enum PruneRunsError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A size given on the command line that disagrees with a replayed log.
  case disagreesWithLog(option: String, value: Int, log: String, logValue: Int)
  /// A replay needs a value the log does not hold.
  case needsOption(option: String, reason: String)
  /// `train --resume` with a file that is not a checkpoint of this rule.
  case unreadableCheckpoint(path: String, reason: String)
  /// `train --resume` with logging, but the interrupted run's partial log is gone.
  case missingPartialLog(path: String)

  public var description: String {
    switch self {
    case .disagreesWithLog(let option, let value, let log, let logValue):
      return "\(option) \(value) disagrees with \(log), which holds \(logValue); omit \(option) "
        + "when replaying: the log decides it."
    case .needsOption(let option, let reason):
      return "pass \(option): \(reason)."
    case .unreadableCheckpoint(let path, let reason):
      return "cannot read the checkpoint \(path): \(reason); pass the file --checkpoint wrote, "
        + "with the same --rule and rule options."
    case .missingPartialLog(let path):
      return "the resumed run logs into \(path), but the interrupted run's log is not there; "
        + "resume with the same --out, or drop --log-losses/--log-activations."
    }
  }
}
