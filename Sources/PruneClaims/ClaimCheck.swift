/// One measured-against-predicted comparison of a claim, in one setting.
///
/// A check is one of two kinds (``CheckKind``): a *sanity* check is true by construction (an
/// identity, an accounting, a worked example) and can only catch a broken computation, so it
/// never decides a verdict; an *evidence* check compares the measurement with a prediction made
/// independently of it, which a wrong rule, a wrong model or a broken assumption would make fail.
/// Only evidence checks decide (``ClaimResult/verdict``).
///
/// An evidence check answers one of two questions (``CheckAnswer``): the paper's statement, or
/// our model of why it holds (e.g. BLS-4's noise model of the score). A claim that depends on an
/// assumption also shows a setting where it breaks (`expectedToHold == false`), which is reported
/// but does not decide.
public struct ClaimCheck: Sendable, Hashable, Codable {
  /// A short name of the setting ("small loss => small gradient", "alpha = 0.9, B = 64").
  public let setting: String
  /// What is measured, in words ("relative bias of the rescaled estimator").
  public let quantity: String
  /// The measurement.
  public let measured: Double
  /// The prediction (the paper's, or our model's for a ``CheckAnswer/model`` check).
  public let predicted: Double
  /// The measurement's uncertainty (a Monte-Carlo standard error, bootstrap or binomial
  /// half-width); 0 for an exact (deterministic) quantity.
  public let uncertainty: Double
  /// The tolerance the comparison allows.
  public let tolerance: Double
  /// How measured and predicted are compared.
  public let comparison: Comparison
  /// Whether the paper expects this setting to agree (false for a deliberate assumption break).
  public let expectedToHold: Bool
  /// Sanity (true by construction, never decides) or evidence (decides).
  public let kind: CheckKind
  /// The question an evidence check answers: the paper's statement or our model of why.
  public let answer: CheckAnswer
  /// Where the uncertainty and the tolerance come from, in words ("Monte-Carlo SE over 400
  /// draws; tolerance = the floor(κ|C|) rounding, exact"). Printed on the page.
  public let basis: String
  /// The computed verdict.
  public let verdict: Verdict

  public init(
    setting: String, quantity: String, measured: Double, predicted: Double,
    uncertainty: Double, tolerance: Double, comparison: Comparison = .equal,
    expectedToHold: Bool = true, kind: CheckKind = .evidence, answer: CheckAnswer = .statement,
    basis: String = ""
  ) {
    self.setting = setting
    self.quantity = quantity
    self.measured = measured
    self.predicted = predicted
    self.uncertainty = uncertainty
    self.tolerance = tolerance
    self.comparison = comparison
    self.expectedToHold = expectedToHold
    self.kind = kind
    self.answer = answer
    self.basis = basis
    self.verdict = comparison.verdict(
      measured: measured, predicted: predicted, uncertainty: uncertainty, tolerance: tolerance)
  }

  /// A sanity check: an identity or accounting that holds by construction (no uncertainty).
  ///
  /// It is shown in its own table and never decides; a failing one means the computation is
  /// broken (the tests assert every sanity check holds).
  public static func sanity(
    setting: String, quantity: String, measured: Double, predicted: Double,
    tolerance: Double = 0, comparison: Comparison = .equal, basis: String = ""
  ) -> ClaimCheck {
    ClaimCheck(
      setting: setting, quantity: quantity, measured: measured, predicted: predicted,
      uncertainty: 0, tolerance: tolerance, comparison: comparison, kind: .sanity, basis: basis)
  }

  /// The absolute difference measured - predicted.
  public var difference: Double { measured - predicted }

  /// Whether the check decides the answer to `question`: an evidence check for that question
  /// in a setting the paper expects to hold.
  public func decides(_ question: CheckAnswer) -> Bool {
    kind == .evidence && answer == question && expectedToHold
  }
}

/// Whether a check carries evidence.
public enum CheckKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// True by construction (identities, accounting, worked examples): never decides.
  case sanity
  /// A prediction independent of the measurement, which a wrong rule, model or assumption
  /// would make fail: decides.
  case evidence
}

/// The question an evidence check answers.
public enum CheckAnswer: String, Sendable, Hashable, Codable, CaseIterable {
  /// The paper's statement (``ClaimResult/verdict``: holds, fails, inconclusive).
  case statement
  /// Our model of the mechanism (``ClaimResult/modelAnswer``: agrees, disagrees).
  case model
}
