/// The rules the command line can name, with their parameters, and a factory that builds one.
///
/// Names: `full`, `random`, `static-random`, `hard`, `infobatch`, `seta`, `repb`, `bpas`
/// (issue 2). `--score loss|bls` with `alpha`, `score-init`, `score-rescaling` (BLS) or
/// `initial-score` (loss) applies to `infobatch`, `seta` and `repb`.
public enum RuleCatalog {
  /// The score options, shared by the loss-based rules.
  static let scoreParameters: [RuleParameter] = [
    RuleParameter(
      option: .score, defaultValue: "loss", allowed: "loss | bls",
      help: "Score: the raw per-sample loss, or BLS's batch-loss EMA (needs only batch means)."),
    RuleParameter(
      option: .initialScore, defaultValue: "3.0", allowed: "finite numbers",
      help: "Loss score of a sample not yet seen (3.0 in the InfoBatch package)."),
    RuleParameter(
      option: .alpha, defaultValue: "0.9", allowed: "[0, 1)",
      help: "BLS memory: s <- alpha s + (1 - alpha) L(B)."),
    RuleParameter(
      option: .scoreInit, defaultValue: "zero", allowed: "zero | first-batch-mean",
      help: "BLS initial scores: 0 (official code) or the first batch's mean loss (paper)."),
    RuleParameter(
      option: .scoreRescaling, defaultValue: "mean-weight", allowed: "mean-weight | exact",
      help: "BLS loss weighting: batch mean loss x mean weight (code) or per-sample weights."),
  ]

  /// Every rule, in the order `prunelab rules` lists them.
  public static let rules: [RuleDescriptor] = [
    RuleDescriptor(
      name: "full", summary: "Full data: every sample every epoch, weight 1.",
      parameters: [], usesScore: false, requiredSignals: []),
    RuleDescriptor(
      name: "random",
      summary: "Dynamic random: prune a fresh uniform share r of the samples each epoch.",
      parameters: [
        RuleParameter(
          option: .pruneRatio, defaultValue: "0.5", allowed: "[0, 1)",
          help: "Share r of the samples pruned each epoch."),
        RuleParameter(
          option: .rescale, defaultValue: "false", allowed: "true | false",
          help: "Weight kept samples 1/(1 - r)."),
        RuleParameter(
          option: .pruneFirstEpoch, defaultValue: "false", allowed: "true | false",
          help: "Prune epoch 0 too (off: epoch 0 trains every sample)."),
      ], usesScore: false, requiredSignals: []),
    RuleDescriptor(
      name: "static-random",
      summary: "Static random: one uniform subset, fixed before training, trained every epoch.",
      parameters: [
        RuleParameter(
          option: .pruneRatio, defaultValue: "0.5", allowed: "[0, 1)",
          help: "Share r of the samples left out for the whole run.")
      ], usesScore: false, requiredSignals: []),
    RuleDescriptor(
      name: "hard",
      summary: "Hard pruning: drop every sample below the mean loss, no rescaling (InfoBatch Eq. 11).",
      parameters: [], usesScore: false, requiredSignals: .perSampleLoss),
    RuleDescriptor(
      name: "infobatch",
      summary: "InfoBatch: prune a random share of below-mean samples, rescale the kept ones.",
      parameters: [
        RuleParameter(
          option: .pruneRatio, defaultValue: "0.5", allowed: "[0, 1) (acts as 0.9 above 0.9)",
          help: "Share r of the below-mean candidates pruned."),
        RuleParameter(
          option: .delta, defaultValue: "0.875", allowed: "[0, 1]",
          help: "Annealing: epoch e prunes iff e + 1 <= epochs x delta."),
        RuleParameter(
          option: .selection, defaultValue: "exact-count", allowed: "exact-count | bernoulli",
          help: "Keep exactly floor(keep x |C|) candidates (code) or each with prob. keep (paper)."),
        RuleParameter(
          option: .packageWeightResetBug, defaultValue: "false", allowed: "true | false",
          help: "Reproduce the package's missing weight reset when epochs x delta is not integer."),
      ] + scoreParameters, usesScore: true, requiredSignals: .perSampleLoss),
    RuleDescriptor(
      name: "seta",
      summary: "SeTa: random subset, k-means groups by score, a sliding window over the groups.",
      parameters: [
        RuleParameter(
          option: .pruneRatio, defaultValue: "0.1", allowed: "[0, 1) (acts as 0.9 above 0.9)",
          help: "Share r of the samples left out of the uniform subsample."),
        RuleParameter(
          option: .groups, defaultValue: "5", allowed: "integers >= 1",
          help: "Number of k-means score groups."),
        RuleParameter(
          option: .windowScale, defaultValue: "0.9", allowed: "(0, 1]",
          help: "Window = round-half-to-even(groups x scale) groups."),
        RuleParameter(
          option: .delta, defaultValue: "0.875", allowed: "[0, 1]",
          help: "Annealing: later epochs train a random keep-ratio subset."),
        RuleParameter(
          option: .clustering, defaultValue: "exact", allowed: "exact | lloyd",
          help: "Optimal 1-D k-means (dynamic programming) or seeded Lloyd with k-means++."),
      ] + scoreParameters, usesScore: true, requiredSignals: .perSampleLoss),
    RuleDescriptor(
      name: "repb",
      summary: "RePB: local-window pruning, uniform resampling, cumulative temporal reweighting.",
      parameters: [
        RuleParameter(
          option: .rho, defaultValue: "0.5", allowed: "[0, 1)",
          help: "Drop probability of a below-window-mean sample; 1 - rho re-entry of unused."),
        RuleParameter(
          option: .window, defaultValue: "1", allowed: "integers >= 1",
          help: "Batches per window mean (1: scores from one model state)."),
        RuleParameter(
          option: .maxWeight, defaultValue: "none", allowed: "[1, infinity)",
          help: "Clip the CTR weight E / N_i(E) at this value."),
        RuleParameter(
          option: .resampling, defaultValue: "true", allowed: "true | false",
          help: "Let unused samples re-enter with probability 1 - rho (false: pool collapse)."),
        RuleParameter(
          option: .delta, defaultValue: "none", allowed: "[0, 1]",
          help: "Annealing: epoch e prunes iff e + 1 <= epochs x delta (off by default)."),
      ] + scoreParameters, usesScore: true, requiredSignals: .perSampleLoss),
    RuleDescriptor(
      name: "bpas",
      summary: "B-PAS: fixed batches; drop a batch for good once its activation spread is stable.",
      parameters: [
        RuleParameter(
          option: .deltaStart, defaultValue: "1e-06", allowed: "(0, infinity)",
          help: "Threshold scale delta_s of delta(t) = delta_s exp(t ln(delta_e/delta_s)/T)."),
        RuleParameter(
          option: .deltaEnd, defaultValue: "5e-05", allowed: "[delta-start, infinity)",
          help: "Threshold delta_e = delta(T) at the last planned epoch."),
      ], usesScore: false, requiredSignals: .activationStatistic),
  ]

  /// The rule names, in catalog order.
  public static var ruleNames: [String] { rules.map(\.name) }

  /// The descriptor of rule `name`.
  /// - Throws: ``PruneCoreError/unknownRule(name:validNames:)``.
  public static func descriptor(named name: String) throws -> RuleDescriptor {
    guard let descriptor = rules.first(where: { $0.name == name }) else {
      throw PruneCoreError.unknownRule(name: name, validNames: ruleNames)
    }
    return descriptor
  }
}
