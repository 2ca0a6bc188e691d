/// The rules the command line can name, and a factory that builds one from its options.
///
/// Names: `full`, `random`, `static-random`, `hard`, `infobatch`, `seta`, `repb`, `bpas`
/// (issue 2). Each rule's options are its configuration's declarations (``Parameter``); the
/// loss-based selectors add the score's (``ScoreChoice``): `--score loss|bls` with
/// `initial-score` (loss) or `alpha`, `score-init`, `score-rescaling` (BLS).
public enum RuleCatalog {
  /// Every rule, in the order `prunelab rules` lists them.
  public static let rules: [RuleDescriptor] = [
    .plain(
      "full", summary: "Full data: every sample every epoch, weight 1.", signals: [],
      build: { FullData(setup: $0) }),
    .configured(
      "random",
      summary: "Dynamic random: prune a fresh uniform share r of the samples each epoch.",
      signals: [], build: { DynamicRandom(configuration: $0, setup: $1) }),
    .configured(
      "static-random",
      summary: "Static random: one uniform subset, fixed before training, trained every epoch.",
      signals: [], parameters: RandomBaselineConfiguration.staticParameters,
      build: { StaticRandom(configuration: $0, setup: $1) }),
    .plain(
      "hard",
      summary: "Hard pruning: drop every sample below the mean loss, no rescaling (InfoBatch Eq. 11).",
      signals: .perSampleLoss, build: { try HardPruning(setup: $0) }),
    .scored(
      "infobatch",
      summary: "InfoBatch: prune a random share of below-mean samples, rescale the kept ones.",
      configuration: InfoBatchConfiguration.self),
    .scored(
      "seta",
      summary: "SeTa: random subset, k-means groups by score, a sliding window over the groups.",
      configuration: SeTaConfiguration.self),
    .scored(
      "repb",
      summary: "RePB: local-window pruning, uniform resampling, cumulative temporal reweighting.",
      configuration: RePBConfiguration.self),
    .configured(
      "bpas",
      summary: "B-PAS: fixed batches; drop a batch for good once its activation spread is stable.",
      signals: .activationStatistic, build: { BPAS(configuration: $0, setup: $1) }),
  ]

  /// The rule names, in catalog order.
  public static var ruleNames: [String] { rules.map(\.name) }

  /// Every option some rule takes, first-listed order.
  public static let optionNames: [String] = {
    var seen = Set<String>()
    return rules.flatMap(\.options).filter { seen.insert($0).inserted }
  }()

  /// The kind of text option `name` reads, or nil for a name no rule declares.
  public static func kind(ofOption name: String) -> ParameterKind? {
    optionKinds[name]
  }

  private static let optionKinds: [String: ParameterKind] = {
    var kinds: [String: ParameterKind] = [:]
    for parameter in rules.flatMap(\.parameters) where kinds[parameter.option] == nil {
      kinds[parameter.option] = parameter.kind
    }
    return kinds
  }()

  /// The descriptor of rule `name`.
  /// - Throws: ``PruneCoreError/unknownRule(name:validNames:)``.
  public static func descriptor(named name: String) throws -> RuleDescriptor {
    guard let descriptor = rules.first(where: { $0.name == name }) else {
      throw PruneCoreError.unknownRule(name: name, validNames: ruleNames)
    }
    return descriptor
  }

  /// Builds rule `name` for `setup` with `options` (unset options take the rule's defaults).
  ///
  /// - Throws: ``PruneCoreError/unknownRule(name:validNames:)`` for a name not in ``ruleNames``;
  ///   ``PruneCoreError/inapplicableOption(option:rule:validOptions:)`` for an option the rule
  ///   does not take (BLS options without `score bls`, `initial-score` with it, included);
  ///   the configurations' range errors for a value outside its range.
  public static func makeRule(
    named name: String, options: RuleOptions, setup: TrainingSetup
  ) throws -> any PruningRule {
    let descriptor = try descriptor(named: name)
    try checkApplicable(options, to: descriptor)
    return try descriptor.build(options, setup)
  }

  /// Checks, without building it, that rule `name` takes `options` and that their values lie in
  /// range: what ``makeRule(named:options:setup:)`` would refuse before knowing the sizes.
  /// - Throws: the errors of ``makeRule(named:options:setup:)``.
  public static func check(named name: String, options: RuleOptions) throws {
    let descriptor = try descriptor(named: name)
    try checkApplicable(options, to: descriptor)
    try descriptor.check(options)
  }

  /// Rejects options that the rule, or its chosen score, does not take.
  static func checkApplicable(_ options: RuleOptions, to descriptor: RuleDescriptor) throws {
    let accepted = Set(descriptor.options)
    for option in options.setNames where !accepted.contains(option) {
      throw PruneCoreError.inapplicableOption(
        option: option, rule: descriptor.name, validOptions: descriptor.options)
    }
    guard descriptor.usesScore else { return }
    let score = options.value(of: ScoreChoice.selector.option) ?? ScoreChoice.selector.defaultValue
    let misplaced =
      score == "bls"
      ? ScoreChoice.lossParameters.map(\.option) : ScoreChoice.blsParameters.map(\.option)
    for option in misplaced where options.isSet(option) {
      throw PruneCoreError.inapplicableOption(
        option: option, rule: "\(descriptor.name) with score \(score)",
        validOptions: descriptor.options.filter { !misplaced.contains($0) })
    }
  }
}
