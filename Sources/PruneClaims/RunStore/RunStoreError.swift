/// Errors of the run store, `reproduce --shard/--verify` and `prunelab store check` (issue 10).
///
/// Each names the file or value and the fix; the CLI maps them to exit statuses
/// (``exitStatusName``, README "Exit statuses"): bad options 64, bad store content 65, a
/// retraining that differs from the store 65.
public enum RunStoreError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A run file that is not a complete run (truncated, hand-edited, unknown format).
  case corruptRun(file: String, reason: String)
  /// A run file whose spec does not hash to its fingerprint or file name.
  case fingerprintMismatch(file: String, stored: String, computed: String)
  /// A run file of another profile inside this profile's folder.
  case wrongProfile(file: String, found: String, expected: String)
  /// A run's per-sample loss log (``RunStore/lossLogName(for:)``) that cannot be read or does
  /// not belong to its run file.
  case corruptLossLog(file: String, reason: String)
  /// Two files holding the same run.
  case duplicateRun(fingerprint: String, files: [String])
  /// `--shard` that is not `i/n` with 1 <= i <= n.
  case invalidShard(value: String)
  /// A retrained run that differs from its stored file.
  case verificationFailed(file: String, epoch: Int, fields: [String])
  /// Training a run needs the pinned OpenBLAS kernel.
  case wrongBLASKernel(found: String, needed: String)

  public var description: String {
    switch self {
    case .corruptRun(let file, let reason):
      return "run file \(file) is unusable: \(reason). Delete it (the run is trained again by "
        + "`prunelab reproduce --train`) or restore it with `git checkout -- \(file)`."
    case .corruptLossLog(let file, let reason):
      return "loss log \(file) is unusable: \(reason). Delete it (its run is trained again, with "
        + "the log, by `prunelab reproduce --train`) or restore it with `git checkout -- \(file)`."
    case .fingerprintMismatch(let file, let stored, let computed):
      return "run file \(file) does not match its content: it records '\(stored)' but its spec "
        + "gives '\(computed)'. The file was edited or renamed; restore or delete it."
    case .wrongProfile(let file, let found, let expected):
      return "run file \(file) belongs to profile '\(found)', not '\(expected)'; a store of "
        + "another profile was copied in. Move it to notebooks-md/data/runs/\(found)/."
    case .duplicateRun(let fingerprint, let files):
      return "run \(fingerprint) is stored \(files.count) times (\(files.joined(separator: ", "))); "
        + "keep one file."
    case .invalidShard(let value):
      return "--shard \(value) is not usable: write it as i/n with 1 <= i <= n (e.g. --shard 1/4)."
    case .verificationFailed(let file, let epoch, let fields):
      return "retraining \(file) differs from the stored run in epoch \(epoch): "
        + "\(fields.joined(separator: ", ")). The code, the data or the OpenBLAS kernel no longer "
        + "reproduce this run; raise TrainerNumerics.version if the trainer's arithmetic changed."
    case .wrongBLASKernel(let found, let needed):
      return "OpenBLAS uses its \(found) kernel; stored runs are keyed by the \(needed) kernel. "
        + "Set OPENBLAS_CORETYPE=\(needed) (scripts/reproduce does) to train or verify runs."
    }
  }

  /// The sysexits name of the status (`usage` 64, `dataError` 65).
  public var exitStatusName: String {
    switch self {
    case .invalidShard, .wrongBLASKernel: return "usage"
    default: return "dataError"
    }
  }
}
