import PruneAnalysis
import PruneCore

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
  public init() {}
  public var id: String { "IB-2" }
  public var family: ClaimFamily { .infoBatch }
  public var title: String { "Variance and noise-to-signal" }

  /// Tolerance of the noise-to-signal check (relative): 1%.
  ///
  /// A random half of the data estimates the population's spread and mean with an error of order
  /// 1/sqrt(|S|) per draw, which the Monte-Carlo average shrinks far below 1%; a 1% change of the
  /// noise-to-signal ratio would change the effective batch size by 2%, too small to matter.
  static let ratioTolerance = 0.01

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
      quick: Setting(sampleCount: 2_000, dimension: 8, draws: 100, pruneRatio: 0.5, batchSize: 128),
      full: Setting(
        sampleCount: 20_000, dimension: 16, draws: 1_000, pruneRatio: 0.5, batchSize: 128))
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
          assumptionHolds: coupling.assumptionHolds, seed: context.seed))
    }
    let noise = try Self.measureRandomNoiseToSignal(setting: setting, seed: context.seed)
    return try Self.result(
      setting: setting, seed: context.seed, couplings: couplings, noise: noise)
  }

  /// Per-coordinate variance of a plan's rescaled gradients over the bound, averaged over draws.
  static func measureBound(
    setting: Setting, coupling: Double, label: String, assumptionHolds: Bool, seed: UInt64
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
    let losses = field.losses
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
      full: full, prunedMean: moments.mean,
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
