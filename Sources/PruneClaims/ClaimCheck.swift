/// One measured-against-predicted comparison of a claim, in one setting.
///
/// A claim that depends on an assumption has at least two checks: a setting where the assumption
/// holds and one where it breaks (e.g. IB-2 with and without "small loss means small gradient").
public struct ClaimCheck: Sendable, Hashable, Codable {
  /// A short name of the setting ("small loss => small gradient", "alpha = 0.9, B = 64").
  public let setting: String
  /// What is measured, in words ("relative bias of the rescaled estimator").
  public let quantity: String
  /// The measurement.
  public let measured: Double
  /// The paper's prediction, computed from the same inputs.
  public let predicted: Double
  /// The measurement's uncertainty (a bootstrap or analytic standard error, or half-width).
  public let uncertainty: Double
  /// The tolerance the comparison allows.
  public let tolerance: Double
  /// How measured and predicted are compared.
  public let comparison: Comparison
  /// Whether the paper expects this setting to agree (false for a deliberate assumption break).
  public let expectedToHold: Bool
  /// The computed verdict.
  public let verdict: Verdict

  public init(
    setting: String, quantity: String, measured: Double, predicted: Double,
    uncertainty: Double, tolerance: Double, comparison: Comparison = .equal,
    expectedToHold: Bool = true
  ) {
    self.setting = setting
    self.quantity = quantity
    self.measured = measured
    self.predicted = predicted
    self.uncertainty = uncertainty
    self.tolerance = tolerance
    self.comparison = comparison
    self.expectedToHold = expectedToHold
    self.verdict = comparison.verdict(
      measured: measured, predicted: predicted, uncertainty: uncertainty, tolerance: tolerance)
  }

  /// The absolute difference measured - predicted.
  public var difference: Double { measured - predicted }
}
