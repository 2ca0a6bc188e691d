import PruneAnalysis
import PruneCore
import PruneEngine

/// IB-2: rescaled pruning of low-loss samples does not raise the gradient variance beyond
/// |D|²/|S_t|² Var[G_D] when small loss means small gradient; uniform random pruning keeps the
/// noise-to-signal ratio (InfoBatch App. B.3, Eq. 13-19; claims.md "IB-2").
///
/// The population of rescaled per-sample gradients {γ_z g_z : z ∈ S_t} of a real InfoBatch plan
/// has mean ≈ |D|/|S_t| times the full mean (Eq. 9); Eq. 17-19 bound its per-coordinate variance
/// by the full data's variance scaled by the same factor squared:
/// ```
/// Var_{S_t}[γ g_j] <= (|D| / |S_t|)² Var_D[g_j]                      (Eq. 19)
/// std_S[g] / |mean_S[g]| = std_D[g] / |mean_D[g]|  in expectation     (Eq. 15, random pruning)
/// ```
/// Variances are GSL's (``Statistics/variance(_:)``). The bound needs the assumption that pruned
/// (low-loss) samples have small gradients; the generator's coupling c holds it (c = 1), removes
/// it (c = 0) or inverts it (c = −1).
public struct IB2VarianceBound: Claim {
  /// A deliberate break for the tests' negative controls (``Fault/scoresShuffled``: the rule
  /// prunes on scores that belong to other samples); nil runs the paper's rule.
  let fault: Fault?

  public init() { fault = nil }

  init(fault: Fault?) { self.fault = fault }
  public var id: String { "IB-2" }
  public var family: ClaimFamily { .infoBatch }
  public var title: String { "Variance and noise-to-signal" }

  /// The number of standard errors a correct prediction may miss by: 2 (a 95% interval for
  /// the Monte-Carlo mean; the check fails beyond 2 more).
  static let standardErrors = 2.0

  /// The couplings of the three settings and whether the paper's assumption holds there.
  static let couplings: [(coupling: Double, label: String, assumptionHolds: Bool)] = [
    (1, "small loss ⇔ small gradient (c = 1)", true),
    (0, "gradient size independent of loss (c = 0)", false),
    (-1, "small loss ⇔ large gradient (c = −1)", false),
  ]

  struct Setting {
    var sampleCount: Int
    var dimension: Int
    var draws: Int
    var pruneRatio: Double
    var batchSize: Int
  }

  static func setting(for profile: ClaimProfile) -> Setting {
    profile.pick(
      quick: Setting(
        sampleCount: 2_000, dimension: 8, draws: 1_000, pruneRatio: 0.5, batchSize: 128),
      full: Setting(
        sampleCount: 20_000, dimension: 16, draws: 4_000, pruneRatio: 0.5, batchSize: 128))
  }

  /// The measurement of one coupling.
  struct CouplingMeasurement {
    var coupling: Double
    var label: String
    var assumptionHolds: Bool
    /// E_MC[Var_S,j] / bound_j per coordinate.
    var coordinateRatios: [Double]
    /// E_MC[tr Var_S / tr bound] and its standard error over draws.
    var totalRatio: Double
    var totalRatioError: Double
  }

  /// The random-pruning noise-to-signal measurement.
  struct NoiseToSignal {
    var full: Double
    /// What a random subset's estimate of the full ratio is expected to be: the same spread over
    /// a mean whose squared norm carries the subset's sampling noise,
    /// sqrt(tr Var_D) / sqrt(‖m_D‖² + (1 − n/N) tr Var_D / n) (without-replacement sampling).
    var expected: Double
    var prunedMean: Double
    var prunedError: Double
  }

  public func run(in context: ClaimContext) throws -> ClaimResult {
    try run(Self.setting(for: context.profile), in: context)
  }

  /// Runs the claim in an explicit setting (the tests use tiny ones).
  func run(_ setting: Setting, in context: ClaimContext) throws -> ClaimResult {
    var couplings: [CouplingMeasurement] = []
    for (index, coupling) in Self.couplings.enumerated() {
      context.progress(Double(index) / 4, "IB-2 c = \(coupling.coupling)")
      couplings.append(
        try Self.measureBound(
          setting: setting, coupling: coupling.coupling, label: coupling.label,
          assumptionHolds: coupling.assumptionHolds, seed: context.seed, fault: fault))
    }
    let noise = try Self.measureRandomNoiseToSignal(setting: setting, seed: context.seed)
    return try Self.result(
      setting: setting, seed: context.seed, couplings: couplings, noise: noise)
  }

  /// Per-coordinate variance of a plan's rescaled gradients over the bound, averaged over draws.
  static func measureBound(
    setting: Setting, coupling: Double, label: String, assumptionHolds: Bool, seed: UInt64,
    fault: Fault? = nil
  ) throws -> CouplingMeasurement {
    let field = try GradientField.synthetic(
      sampleCount: setting.sampleCount, dimension: setting.dimension, coupling: coupling, seed: seed
    )
    let fullVariance = try columnVariances(field: field, samples: Array(0..<field.sampleCount))
    let configuration = try InfoBatchConfiguration(pruneRatio: setting.pruneRatio, delta: 1)
    let setup = try TrainingSetup(
      sampleCount: setting.sampleCount, batchSize: setting.batchSize,
      plannedEpochs: setting.draws + 1, seed: seed)
    var rule = try InfoBatch(configuration: configuration, setup: setup)
    var losses = field.losses
    if fault == .scoresShuffled {
      var generator = SeededGenerator(seed: seed, stream: 0x1B2_5AFF)
      losses.seededShuffle(using: &generator)
    }
    var ratioSums = [Double](repeating: 0, count: field.dimension)
    var totals: [Double] = []
    for epoch in 0...setting.draws {
      let plan = try RuleDriver.runEpoch(&rule, epoch: epoch, lossOf: { losses[$0] })
      guard epoch > 0 else { continue }
      let scale = Double(field.sampleCount) / Double(plan.sampleCount)
      let variance = try columnVariances(
        field: field, samples: plan.samples, weights: plan.weights)
      var traceS = 0.0
      var traceBound = 0.0
      for j in 0..<field.dimension {
        let bound = scale * scale * fullVariance[j]
        ratioSums[j] += variance[j] / bound
        traceS += variance[j]
        traceBound += bound
      }
      totals.append(traceS / traceBound)
    }
    let moments = try Moments(totals)
    return CouplingMeasurement(
      coupling: coupling, label: label, assumptionHolds: assumptionHolds,
      coordinateRatios: ratioSums.map { $0 / Double(setting.draws) },
      totalRatio: moments.mean,
      totalRatioError: moments.standardDeviation / Double(totals.count).squareRoot())
  }

  /// Noise-to-signal sqrt(tr Var) / ‖mean‖ of the full data and of dynamic random pruning.
  static func measureRandomNoiseToSignal(setting: Setting, seed: UInt64) throws -> NoiseToSignal {
    let field = try GradientField.synthetic(
      sampleCount: setting.sampleCount, dimension: setting.dimension, coupling: 1, seed: seed)
    let full = try noiseToSignal(field: field, samples: Array(0..<field.sampleCount))
    let fullVariance = try columnVariances(field: field, samples: Array(0..<field.sampleCount))
      .reduce(0, +)
    let fullMean = field.weightedSum(samples: Array(0..<field.sampleCount), weights: nil).map {
      $0 / Double(field.sampleCount)
    }
    let kept = Double(try RandomBaselineConfiguration(pruneRatio: setting.pruneRatio, rescales: false)
      .keptCount(ofSamples: setting.sampleCount))
    let sampling = (1 - kept / Double(setting.sampleCount)) * fullVariance / kept
    let meanSquare = VectorMath.norm(fullMean) * VectorMath.norm(fullMean)
    let expected = fullVariance.squareRoot() / (meanSquare + sampling).squareRoot()
    let configuration = try RandomBaselineConfiguration(
      pruneRatio: setting.pruneRatio, rescales: false)
    let setup = try TrainingSetup(
      sampleCount: setting.sampleCount, batchSize: setting.batchSize,
      plannedEpochs: setting.draws + 1, seed: seed &+ 1)
    var rule = DynamicRandom(configuration: configuration, setup: setup)
    let losses = field.losses
    var values: [Double] = []
    for epoch in 0...setting.draws {
      let plan = try RuleDriver.runEpoch(&rule, epoch: epoch, lossOf: { losses[$0] })
      guard epoch > 0 else { continue }
      values.append(try noiseToSignal(field: field, samples: plan.samples))
    }
    let moments = try Moments(values)
    return NoiseToSignal(
      full: full, expected: expected, prunedMean: moments.mean,
      prunedError: moments.standardDeviation / Double(values.count).squareRoot())
  }

  /// GSL's unbiased variance of each coordinate of w_z g_z over `samples`.
  static func columnVariances(
    field: GradientField, samples: [Int], weights: [Double]? = nil
  ) throws -> [Double] {
    var column = [Double](repeating: 0, count: samples.count)
    var result: [Double] = []
    for j in 0..<field.dimension {
      for (k, z) in samples.enumerated() {
        column[k] = (weights?[k] ?? 1) * field.gradients[z * field.dimension + j]
      }
      result.append(try Statistics.variance(column))
    }
    return result
  }

  /// sqrt(Σ_j Var_j) / ‖mean‖ over `samples`.
  static func noiseToSignal(field: GradientField, samples: [Int]) throws -> Double {
    let variances = try columnVariances(field: field, samples: samples)
    let mean = field.weightedSum(samples: samples, weights: nil).map {
      $0 / Double(samples.count)
    }
    return variances.reduce(0, +).squareRoot() / VectorMath.norm(mean)
  }
}
