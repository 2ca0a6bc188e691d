import PruneCore
import PruneSignals

/// What one sweep point simulates under: the learner's and the activation generator's settings
/// and the rule's options, with the point's varied settings applied (the command line resolves
/// option names into these).
public struct SweepConditions: Sendable {
  public var learner: LearnerConfiguration
  public var activations: ActivationConfiguration
  public var ruleOptions: RuleOptions
  /// The share of the data that are exact copies of other samples (``DuplicatedLearner``).
  public var duplicateFraction: Double

  public init(
    learner: LearnerConfiguration, activations: ActivationConfiguration, ruleOptions: RuleOptions,
    duplicateFraction: Double = 0
  ) {
    self.learner = learner
    self.activations = activations
    self.ruleOptions = ruleOptions
    self.duplicateFraction = duplicateFraction
  }
}
