/// Errors of the claims layer.
public enum ClaimsError: Error, Equatable, Sendable, CustomStringConvertible {
  /// `--only` named an id that does not exist.
  case unknownClaim(id: String, known: [String])
  /// A claim's computation could not be carried out.
  case computationFailed(id: String, reason: String)
  /// A command-line option of `reproduce` or `claims` with an unusable value.
  case invalidOption(name: String, value: String, reason: String)
  /// Claims whose computation threw; the other claims' outputs were written.
  case claimsFailed(ids: [String], reasons: [String])

  public var description: String {
    switch self {
    case .unknownClaim(let id, let known):
      return "unknown claim id '\(id)'; known ids: \(known.joined(separator: ", "))."
    case .computationFailed(let id, let reason):
      return "claim \(id) could not be computed: \(reason)"
    case .invalidOption(let name, let value, let reason):
      return "\(name) \(value) is not usable: \(reason)."
    case .claimsFailed(let ids, let reasons):
      let lines = zip(ids, reasons).map { "  \($0): \($1)" }.joined(separator: "\n")
      return "\(ids.count) claim(s) could not be computed (their pages say so; the others were "
        + "written):\n\(lines)\nRerun one with `prunelab reproduce --only <id>` after fixing the cause."
    }
  }
}
