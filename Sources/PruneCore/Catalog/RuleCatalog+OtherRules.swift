extension RuleCatalog {
  /// The rules after `full` and `infobatch` (kept apart to keep each file short).
  static func makeOtherRule(
    named name: String, options: RuleOptions, setup: TrainingSetup
  ) throws -> any PruningRule {
    switch name {
    case "random":
      return DynamicRandom(
        configuration: try RandomBaselineConfiguration(
          pruneRatio: options.pruneRatio ?? 0.5, rescales: options.rescale ?? false,
          prunesFirstEpoch: options.pruneFirstEpoch ?? false),
        setup: setup)
    case "static-random":
      return StaticRandom(
        configuration: try RandomBaselineConfiguration(pruneRatio: options.pruneRatio ?? 0.5),
        setup: setup)
    case "hard":
      return try HardPruning(setup: setup)
    case "seta":
      let configuration = try SeTaConfiguration(
        pruneRatio: options.pruneRatio ?? 0.1, groupCount: options.groups ?? 5,
        windowScale: options.windowScale ?? 0.9, delta: options.delta ?? 0.875,
        clustering: options.clustering ?? .exact)
      switch options.score ?? .loss {
      case .loss:
        return try SeTa(
          configuration: configuration, scoreSource: lossScore(options, setup: setup),
          setup: setup)
      case .bls:
        return try SeTa(
          configuration: configuration, scoreSource: batchLossScore(options, setup: setup),
          setup: setup)
      }
    case "repb":
      let configuration = try RePBConfiguration(
        rho: options.rho ?? 0.5, windowBatches: options.window ?? 1,
        maxWeight: options.maxWeight, delta: options.delta,
        resampling: options.resampling ?? true)
      switch options.score ?? .loss {
      case .loss:
        return try RePB(
          configuration: configuration, scoreSource: lossScore(options, setup: setup),
          setup: setup)
      case .bls:
        return try RePB(
          configuration: configuration, scoreSource: batchLossScore(options, setup: setup),
          setup: setup)
      }
    case "bpas":
      return BPAS(
        configuration: try BPASConfiguration(
          deltaStart: options.deltaStart ?? 1e-6, deltaEnd: options.deltaEnd ?? 5e-5),
        setup: setup)
    default:
      throw PruneCoreError.unknownRule(name: name, validNames: ruleNames)
    }
  }
}
