/// Errors of `prunelab train` that are not the library's: files it cannot write or resume from.
enum TrainCommandError: Error, Equatable, CustomStringConvertible {
  /// A file that could not be written.
  case cannotWrite(path: String, reason: String)
  /// A checkpoint file that could not be read or decoded.
  case unreadableCheckpoint(path: String, reason: String)
  /// A resumed run whose partial log is missing.
  case cannotResumeLog(path: String)

  var description: String {
    switch self {
    case .cannotWrite(let path, let reason):
      return "cannot write \(path): \(reason); check that --out is a writable folder."
    case .unreadableCheckpoint(let path, let reason):
      return "cannot read the checkpoint \(path): \(reason); pass the file --checkpoint wrote, "
        + "with the same --rule and rule options."
    case .cannotResumeLog(let path):
      return "the resumed run logs into \(path), but the interrupted run's log is not there; "
        + "resume with the same --out, or drop --log-losses/--log-activations."
    }
  }
}
