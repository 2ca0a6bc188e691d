/// One option of a rule as `prunelab rules` lists it, from its declaration (``Parameter``).
public struct RuleParameter: Sendable, Hashable {
  /// The command-line name without `--` (`prune-ratio`).
  public let option: String
  /// The manifest key (`pruneRatio`).
  public let key: String
  /// The default, as text (`"0.5"`, `"none"`).
  public let defaultValue: String
  /// The allowed values (`"[0, 1)"`, `"exact-count | bernoulli"`).
  public let allowed: String
  /// One line of help.
  public let help: String
  /// What kind of text the option reads.
  public let kind: ParameterKind

  init<Configuration: RuleConfiguration>(_ parameter: Parameter<Configuration>) {
    self.init(
      option: parameter.name, key: parameter.key, defaultValue: parameter.defaultValue(),
      allowed: parameter.allowed, help: parameter.help, kind: parameter.kind)
  }

  init(
    option: String, key: String, defaultValue: String, allowed: String, help: String,
    kind: ParameterKind
  ) {
    self.option = option
    self.key = key
    self.defaultValue = defaultValue
    self.allowed = allowed
    self.help = help
    self.kind = kind
  }
}

/// A rule as the catalog lists it (name, summary, parameters, signals) and builds it.
public struct RuleDescriptor: Sendable, Hashable, CustomStringConvertible {
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
  /// Builds the rule from options already checked to apply to it.
  let build: @Sendable (RuleOptions, TrainingSetup) throws -> any PruningRule
  /// Reads and range-checks the options without building the rule.
  let check: @Sendable (RuleOptions) throws -> Void

  /// The options this rule accepts.
  public var options: [String] { parameters.map(\.option) }

  public var description: String { name }

  public static func == (lhs: Self, rhs: Self) -> Bool { lhs.name == rhs.name }
  public func hash(into hasher: inout Hasher) { hasher.combine(name) }

  /// A rule without parameters.
  static func plain(
    _ name: String, summary: String, signals: SignalKinds,
    build: @escaping @Sendable (TrainingSetup) throws -> any PruningRule
  ) -> Self {
    Self(
      name: name, summary: summary, parameters: [], usesScore: false, requiredSignals: signals,
      build: { _, setup in try build(setup) }, check: { _ in })
  }

  /// A rule whose parameters are `parameters` of `Configuration`.
  static func configured<Configuration: RuleConfiguration>(
    _ name: String, summary: String, signals: SignalKinds,
    parameters: [Parameter<Configuration>] = Configuration.parameters,
    build: @escaping @Sendable (Configuration, TrainingSetup) throws -> any PruningRule
  ) -> Self {
    Self(
      name: name, summary: summary, parameters: parameters.map(RuleParameter.init),
      usesScore: false, requiredSignals: signals,
      build: { options, setup in
        try build(Configuration.make(options, parameters: parameters), setup)
      },
      check: { _ = try Configuration.make($0, parameters: parameters) })
  }

  /// A loss-based selector: its own parameters, then the score's (``ScoreChoice``), composed
  /// the same way for every such rule.
  static func scored<Configuration: ScoredRuleConfiguration>(
    _ name: String, summary: String, configuration: Configuration.Type
  ) -> Self {
    Self(
      name: name, summary: summary,
      parameters: Configuration.parameters.map(RuleParameter.init) + ScoreChoice.parameters,
      usesScore: true, requiredSignals: .perSampleLoss,
      build: { options, setup in
        let configuration = try Configuration.make(options)
        let source = try ScoreChoice(options).makeSource(sampleCount: setup.sampleCount)
        return try configuration.makeRule(scoredBy: source, setup: setup)
      },
      check: { options in
        _ = try Configuration.make(options)
        _ = try ScoreChoice(options)
      })
  }
}
