/// How much work a claim does: `quick` for the default reproduce run (minutes on two cores),
/// `full` for the paper-scale settings (may take hours).
public enum ClaimProfile: String, Sendable, Hashable, Codable, CaseIterable {
  case quick
  case full

  /// Picks the quick or the full value of a setting.
  public func pick<T>(quick: T, full: T) -> T { self == .quick ? quick : full }
}
