/// What a claim's computation is given: the profile and the seed.
public struct ClaimContext: Sendable {
  /// Quick (default reproduce run) or full (paper scale).
  public let profile: ClaimProfile
  /// The base seed; a claim derives every generator from it.
  public let seed: UInt64
  /// Reports progress as a fraction in [0, 1] with a short note; may be called from any thread.
  public let progress: @Sendable (Double, String) -> Void
  /// The run store the end-to-end claims read their training runs from (issue 10); nil trains
  /// them in memory.
  public let runs: ClaimRuns?

  public init(
    profile: ClaimProfile = .quick, seed: UInt64 = 2024, runs: ClaimRuns? = nil,
    progress: @escaping @Sendable (Double, String) -> Void = { _, _ in }
  ) {
    self.profile = profile
    self.seed = seed
    self.runs = runs
    self.progress = progress
  }

  /// The run profile of the end-to-end claims: the store's, else paper for the full profile and
  /// quick otherwise.
  public var runProfile: RunProfile { runs?.profile ?? (profile == .full ? .paper : .quick) }
}

/// A theoretical claim of one of the papers, as a computation.
///
/// `run` computes the measurement *and* the paper's prediction from the same inputs, and returns
/// a ``ClaimResult`` whose verdicts follow from the numbers (``Comparison``), never from constants.
public protocol Claim: Sendable {
  /// The id of claims.md (`IB-1`).
  var id: String { get }
  /// The family and page.
  var family: ClaimFamily { get }
  /// A short title.
  var title: String { get }
  /// Runs the computation.
  func run(in context: ClaimContext) throws -> ClaimResult
}
