import PruneCore
import PruneSignals

/// What one sweep point simulates under: the learner's and the activation generator's settings
/// and the rule's options, with the point's varied settings applied (the command line resolves
/// option names into these).
public struct SweepConditions: Sendable {
  public var learner: LearnerConfiguration
  public var activations: ActivationConfiguration
  public var ruleOptions: RuleOptions

  public init(
    learner: LearnerConfiguration, activations: ActivationConfiguration, ruleOptions: RuleOptions
  ) {
    self.learner = learner
    self.activations = activations
    self.ruleOptions = ruleOptions
  }
}
