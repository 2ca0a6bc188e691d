import PruneAnalysis

extension IB1UnbiasedExpectation {
  /// Turns the sweep into checks, the raw table and the figure.
  static func result(
    setting: Setting, seed: UInt64, measurements: [Measurement]
  ) throws -> ClaimResult {
    var checks: [ClaimCheck] = []
    let coverage = try noiseCoverageFactor(dimension: setting.dimension)
    for m in measurements where m.scheme == .rescaledExactCount || m.pruneRatio == 0.5 {
      let name = "r = \(m.pruneRatio), \(m.scheme.rawValue)"
      let quantity = "relative bias ‖E[Σ_S γ g] − Σ_D g‖ / ‖Σ_D g‖"
      guard m.scheme != .hard else {
        // Hard pruning keeps the same samples in every draw: its sum is Σ_{D∖C} g by
        // construction, so the check only confirms the accounting.
        checks.append(
          .sanity(
            setting: name, quantity: quantity, measured: m.measured, predicted: m.predicted,
            tolerance: 1e-9, basis: "deterministic: one draw, summation rounding"))
        continue
      }
      checks.append(
        ClaimCheck(
          setting: name, quantity: quantity, measured: m.measured, predicted: m.predicted,
          uncertainty: m.noiseFloor, tolerance: coverage * m.noiseFloor,
          basis: "Monte-Carlo SE over \(m.draws) draws; tolerance = SE·sqrt(q_0.99(χ²_\(setting.dimension))/\(setting.dimension)) "
            + "= \(PageNumber.spread(coverage, digits: 3)) SE, the norm pure noise stays below in 99% of runs"))
    }
    let table = ClaimTable(
      name: "bias-vs-r",
      caption: "One row per prune ratio r and scheme: Monte-Carlo relative bias of the "
        + "gradient-sum estimator, its closed-form prediction and the Monte-Carlo noise floor.",
      header: [
        "prune_ratio", "scheme", "draws", "measured_relative_bias",
        "predicted_relative_bias", "noise_floor",
      ],
      rows: measurements.map {
        [
          ClaimTable.format($0.pruneRatio), $0.scheme.slug, String($0.draws),
          ClaimTable.format($0.measured), ClaimTable.format($0.predicted),
          ClaimTable.format($0.noiseFloor),
        ]
      },
      showOnPage: true)
    let figure = try biasFigure(measurements)
    return ClaimResult(
      claim: Self(),
      statement: "With soft pruning probability r for samples whose score is below the mean and "
        + "the rescale γ = 1/(1 − r) on the kept ones, the expected pruned gradient sum equals "
        + "the full-data gradient sum; without the rescale, or with hard pruning, it does not.",
      equation: "E[Σ_{z∈S_t} γ(z) g_z] = Σ_{z∈D} g_z (Eq. 6-8);  "
        + "E[∇L(S_t)] ≈ |D|/|S_t| · E[∇L(D)] (Eq. 9);  hard pruning: Σ_{D∖C} g ≠ Σ_D g (Eq. 11)",
      setting: [
        ("samples N", String(setting.sampleCount)),
        ("gradient dimension d", String(setting.dimension)),
        ("Monte-Carlo draws per (r, scheme)", String(setting.draws)),
        ("losses", "log-normal, σ = 1"),
        (
          "gradients",
          "PerSampleGradientGenerator: ‖μ‖ = 1, Σ = I, coupling c = \(setting.coupling)"
        ),
        (
          "rules",
          "PruneCore's InfoBatch (delta = 1; exact count and Bernoulli), HardPruning, "
            + "DynamicRandom (no rescale)"
        ),
        ("seed", String(seed)),
        ("tolerance", "from the Monte-Carlo SE: SE·sqrt(q_0.99(χ²_d)/d) per check"),
      ],
      checks: checks, tables: [table], figures: [figure],
      discussion: discussion)
  }

  /// sqrt(q_0.99(χ²_d) / d): the factor by which the norm of d-dimensional Gaussian noise
  /// exceeds its RMS size in 1% of runs.
  static func noiseCoverageFactor(dimension: Int) throws -> Double {
    let chiSquare = try GammaDistribution(shape: Double(dimension) / 2, scale: 2)
    return (try chiSquare.quantile(noiseCoverage) / Double(dimension)).squareRoot()
  }

  static var discussion: String {
    """
    Each epoch of the real InfoBatch rule is one independent draw (its generator is derived from \
    (seed, epoch)); the losses are static, so the candidate set is the same in every draw and \
    only the kept subset varies. The measured relative bias of an unbiased estimator is the norm \
    of Monte-Carlo noise, whose size is the reported noise floor sqrt(tr Σ̂ / M) / ‖T‖; each \
    tolerance is the norm that pure noise of that size stays below in 99% of runs (a χ² quantile), \
    so a bias larger than the noise is caught however small it is. Hard pruning is \
    deterministic and only a sanity check.

    The rescaled estimator is unbiased for Bernoulli selection (the paper's wording). The \
    package keeps exactly floor(κ|C|) candidates, which leaves a bias of (floor(κ|C|)/(κ|C|) − 1) \
    G_C: at most one candidate's gradient, predicted and measured here. Without the rescale the \
    estimator misses r·G_C; hard pruning misses all of G_C (Eq. 11); dynamic random pruning \
    shrinks the whole sum by the kept fraction, a bias in size but not in direction (it acts as a \
    smaller learning rate). All four predictions are checked at r = 0.5; the rescaled one at \
    every r.
    """
  }
}
