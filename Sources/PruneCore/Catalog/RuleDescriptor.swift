/// One parameter of a rule as the command line shows it.
public struct RuleParameter: Sendable, Hashable {
  /// The option (command-line name without `--`).
  public let option: RuleOptions.Name
  /// The default, as text (`"0.5"`, `"none"`).
  public let defaultValue: String
  /// The allowed values (`"[0, 1)"`, `"exact-count | bernoulli"`).
  public let allowed: String
  /// One line of help.
  public let help: String

  public init(option: RuleOptions.Name, defaultValue: String, allowed: String, help: String) {
    self.option = option
    self.defaultValue = defaultValue
    self.allowed = allowed
    self.help = help
  }
}

/// A rule as the catalog lists it: name, summary, parameters, signals.
public struct RuleDescriptor: Sendable, Hashable {
  /// The command-line name (`infobatch`).
  public let name: String
  /// One line saying what the rule does.
  public let summary: String
  /// The rule's own parameters, then the score options where ``usesScore``.
  public let parameters: [RuleParameter]
  /// True when `--score loss|bls` (and its options) applies.
  public let usesScore: Bool
  /// The signals with the default options (per-sample loss for the loss-based rules).
  public let requiredSignals: SignalKinds

  /// The options this rule accepts.
  public var options: [RuleOptions.Name] { parameters.map(\.option) }
}
