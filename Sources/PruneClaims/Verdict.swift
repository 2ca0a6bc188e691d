/// The outcome of comparing a measurement with a paper's prediction.
public enum Verdict: String, Sendable, Hashable, Codable, CaseIterable {
  /// The measurement agrees with the prediction within the tolerance.
  case holds
  /// The measurement disagrees beyond the tolerance by more than its uncertainty.
  case fails
  /// The uncertainty is too large to tell.
  case inconclusive

  /// Combines the verdicts of several checks: any failure fails, then any doubt is doubt.
  public static func combined(_ verdicts: [Verdict]) -> Verdict {
    if verdicts.contains(.fails) { return .fails }
    if verdicts.isEmpty || verdicts.contains(.inconclusive) { return .inconclusive }
    return .holds
  }
}
