extension RuleCatalog {
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
    switch name {
    case "full":
      return FullData(setup: setup)
    case "infobatch":
      let configuration = try InfoBatchConfiguration(
        pruneRatio: options.pruneRatio ?? 0.5, delta: options.delta ?? 0.875,
        selection: options.selection ?? .exactCount,
        packageWeightResetBug: options.packageWeightResetBug ?? false)
      switch options.score ?? .loss {
      case .loss:
        return try InfoBatch(
          configuration: configuration, scoreSource: lossScore(options, setup: setup),
          setup: setup)
      case .bls:
        return try InfoBatch(
          configuration: configuration, scoreSource: batchLossScore(options, setup: setup),
          setup: setup)
      }
    default:
      return try makeOtherRule(named: name, options: options, setup: setup)
    }
  }

  /// Rejects options that the rule, or its chosen score, does not take.
  static func checkApplicable(_ options: RuleOptions, to descriptor: RuleDescriptor) throws {
    let accepted = Set(descriptor.options)
    for option in options.setNames where !accepted.contains(option) {
      throw PruneCoreError.inapplicableOption(
        option: option.rawValue, rule: descriptor.name,
        validOptions: descriptor.options.map(\.rawValue))
    }
    guard descriptor.usesScore else { return }
    let blsOnly: [RuleOptions.Name] = [.alpha, .scoreInit, .scoreRescaling]
    let score = options.score ?? .loss
    let misplaced: [RuleOptions.Name] = score == .bls ? [.initialScore] : blsOnly
    for option in misplaced where options.isSet(option) {
      let valid = descriptor.options.filter { !misplaced.contains($0) }
      throw PruneCoreError.inapplicableOption(
        option: option.rawValue, rule: "\(descriptor.name) with score \(score.rawValue)",
        validOptions: valid.map(\.rawValue))
    }
  }

  static func lossScore(_ options: RuleOptions, setup: TrainingSetup) throws -> LossScore {
    try LossScore(sampleCount: setup.sampleCount, initialScore: options.initialScore ?? 3.0)
  }

  static func batchLossScore(_ options: RuleOptions, setup: TrainingSetup) throws
    -> BatchLossScore
  {
    let configuration = try BatchLossScoreConfiguration(
      alpha: options.alpha ?? 0.9, initialisation: options.scoreInit ?? .zero,
      rescaling: options.scoreRescaling ?? .meanWeight)
    return try BatchLossScore(sampleCount: setup.sampleCount, configuration: configuration)
  }
}
