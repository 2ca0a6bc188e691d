/// The outcome of comparing a measurement with a paper's prediction.
public enum Verdict: String, Sendable, Hashable, Codable, CaseIterable {
  /// The measurement agrees with the prediction within the tolerance.
  case holds
  /// The measurement disagrees beyond the tolerance by more than its uncertainty.
  case fails
  /// The uncertainty is too large to tell.
  case inconclusive
  /// No evidence check could decide the claim here (a claim-level verdict only; the result
  /// says why, ``ClaimResult/notTestableReason``).
  case notTestable = "not testable here"

  /// Combines the verdicts of several checks: any failure fails, then any doubt is doubt;
  /// no checks at all is `notTestable`.
  public static func combined(_ verdicts: [Verdict]) -> Verdict {
    if verdicts.isEmpty { return .notTestable }
    if verdicts.contains(.fails) { return .fails }
    if verdicts.contains(.inconclusive) || verdicts.contains(.notTestable) { return .inconclusive }
    return .holds
  }

  /// The verdicts a single check can have, in table order.
  public static let checkVerdicts: [Verdict] = [.holds, .fails, .inconclusive]
}

/// Our model's answer: whether the mechanism we model explains the measurement.
public enum ModelAnswer: String, Sendable, Hashable, Codable, CaseIterable {
  /// Every model check holds.
  case agrees
  /// A model check fails.
  case disagrees
  /// A model check is inconclusive and none fails.
  case undecided

  /// The answer from the verdicts of the model's deciding checks; nil without any.
  public init?(_ verdicts: [Verdict]) {
    switch Verdict.combined(verdicts) {
    case .holds: self = .agrees
    case .fails: self = .disagrees
    case .inconclusive: self = .undecided
    case .notTestable: return nil
    }
  }
}
