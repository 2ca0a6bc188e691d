/// Errors of the claims layer.
public enum ClaimsError: Error, Equatable, Sendable, CustomStringConvertible {
  /// `--only` named an id that does not exist.
  case unknownClaim(id: String, known: [String])
  /// A claim's computation could not be carried out.
  case computationFailed(id: String, reason: String)

  public var description: String {
    switch self {
    case .unknownClaim(let id, let known):
      return "unknown claim id '\(id)'; known ids: \(known.joined(separator: ", "))."
    case .computationFailed(let id, let reason):
      return "claim \(id) could not be computed: \(reason)"
    }
  }
}
