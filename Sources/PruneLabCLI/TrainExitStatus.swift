import MiniCNN

extension MiniCNNError {
  /// The sysexits status of a `prunelab train` error (see ``PruneLabExitStatus``).
  var exitStatus: PruneLabExitStatus {
    switch self {
    case .missingDataFile: return .noInput
    case .unreadableFile, .wrongMagicNumber, .truncatedFile, .corruptField: return .dataError
    case .unwritableFile: return .cannotCreate
    case .outOfRange, .inconsistent, .incompatibleState, .labelOutOfRange: return .usage
    case .sizeMismatch: return .software
    case .diverged: return .failure
    }
  }
}
