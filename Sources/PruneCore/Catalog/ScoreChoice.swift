/// The score a loss-based selector (InfoBatch, SeTa, RePB) reads, with its settings: the raw
/// per-sample loss (``LossScore``) or BLS's batch-loss EMA (``BatchLossScore``).
///
/// Selector and score are composed once (ARCHITECTURE.md "the rule contract"): every loss-based
/// rule of the catalog takes `--score loss|bls` and the chosen score's options the same way.
public enum ScoreChoice: Sendable, Hashable {
  case loss(LossScoreConfiguration)
  case bls(BatchLossScoreConfiguration)

  /// The selector's option, `--score loss|bls`.
  static let selector = RuleParameter(
    option: "score", key: "score", defaultValue: "loss", allowed: "loss | bls",
    help: "Score: the raw per-sample loss, or BLS's batch-loss EMA (needs only batch means).",
    kind: .choice(["loss", "bls"]))

  /// The options of the raw-loss score.
  static let lossParameters = LossScoreConfiguration.parameters.map(RuleParameter.init)
  /// The options of BLS.
  static let blsParameters = BatchLossScoreConfiguration.parameters.map(RuleParameter.init)
  /// Every score option, in listing order.
  static let parameters = [selector] + lossParameters + blsParameters

  /// The score `options` choose (`score`, default `loss`) with its options, checked.
  /// - Throws: the score configuration's range errors.
  public init(_ options: RuleOptions) throws {
    switch options.value(of: Self.selector.option) ?? Self.selector.defaultValue {
    case "bls": self = .bls(try BatchLossScoreConfiguration.make(options))
    default: self = .loss(try LossScoreConfiguration.make(options))
    }
  }

  /// The selector's value, `loss` or `bls`.
  public var name: String {
    switch self {
    case .loss: return "loss"
    case .bls: return "bls"
    }
  }

  /// The options of the other score, which a rule rejects with this one.
  var excludedOptions: [String] {
    switch self {
    case .loss: return Self.blsParameters.map(\.option)
    case .bls: return Self.lossParameters.map(\.option)
    }
  }

  /// A fresh score source of `sampleCount` samples.
  public func makeSource(sampleCount: Int) throws -> any ScoreSource {
    switch self {
    case .loss(let configuration):
      return try LossScore(sampleCount: sampleCount, configuration: configuration)
    case .bls(let configuration):
      return try BatchLossScore(sampleCount: sampleCount, configuration: configuration)
    }
  }
}

/// The configuration of a selector that runs on any ``ScoreSource``.
public protocol ScoredRuleConfiguration: RuleConfiguration {
  /// The rule with this configuration, selecting on `source`.
  func makeRule<Source: ScoreSource>(scoredBy source: Source, setup: TrainingSetup) throws
    -> any PruningRule
}

extension InfoBatchConfiguration: ScoredRuleConfiguration {
  public func makeRule<Source: ScoreSource>(scoredBy source: Source, setup: TrainingSetup) throws
    -> any PruningRule
  {
    try InfoBatch(configuration: self, scoreSource: source, setup: setup)
  }
}

extension SeTaConfiguration: ScoredRuleConfiguration {
  public func makeRule<Source: ScoreSource>(scoredBy source: Source, setup: TrainingSetup) throws
    -> any PruningRule
  {
    try SeTa(configuration: self, scoreSource: source, setup: setup)
  }
}

extension RePBConfiguration: ScoredRuleConfiguration {
  public func makeRule<Source: ScoreSource>(scoredBy source: Source, setup: TrainingSetup) throws
    -> any PruningRule
  {
    try RePB(configuration: self, scoreSource: source, setup: setup)
  }
}
