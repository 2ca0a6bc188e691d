/// Errors of sweeps and of merging their shards; each names the value and the fix.
public enum PruneSweepError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A `--shard` that is not `i/n` with 1 <= i <= n.
  case badShard(String)
  /// A grid that cannot be swept.
  case badGrid(String)
  /// Settings a point cannot apply (unknown name, bad value), as `name=value` text.
  case badSetting(setting: String, reason: String)
  /// Shard files that do not make one whole sweep.
  case incompleteMerge(String)
  /// A loss log the learner cannot be fitted to.
  case badCalibrationLog(String)
  /// A learner file that cannot be read.
  case badLearnerFile(path: String, reason: String)

  public var description: String {
    switch self {
    case .badShard(let text):
      return "--shard \(text) is not i/n with 1 <= i <= n; write e.g. --shard 3/8 for the "
        + "third of eight slices."
    case .badGrid(let reason):
      return "the sweep's grid cannot run: \(reason)."
    case .badSetting(let setting, let reason):
      return "--vary \(setting): \(reason)"
    case .incompleteMerge(let reason):
      return "cannot merge the sweep: \(reason)"
    case .badCalibrationLog(let reason):
      return "cannot fit the learner to this loss log: \(reason)."
    case .badLearnerFile(let path, let reason):
      return "learner file \(path): \(reason); write one with `prunelab calibrate --losses FILE`."
    }
  }
}
