/// How much work a claim does: the profile's sizes, or tiny ones that unit tests use.
///
/// Each claim of this family has `public init()` (sizes from the run's profile) and an
/// internal `init(size:)` that tests use to run it in a fraction of a second.
enum ClaimSize: Sendable, Hashable {
  case tiny
  case quick
  case full

  init(_ profile: ClaimProfile) {
    self = profile == .quick ? .quick : .full
  }

  /// The size of a run: the override when set, else the profile's.
  static func resolve(_ override: ClaimSize?, _ context: ClaimContext) -> ClaimSize {
    override ?? ClaimSize(context.profile)
  }

  func pick<T>(tiny: T, quick: T, full: T) -> T {
    switch self {
    case .tiny: return tiny
    case .quick: return quick
    case .full: return full
    }
  }
}
