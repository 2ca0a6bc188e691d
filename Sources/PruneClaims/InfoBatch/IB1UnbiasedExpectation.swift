import PruneCore

/// IB-1: InfoBatch's rescaled soft pruning leaves the expected gradient sum unchanged
/// (InfoBatch Eq. 6-9; claims.md "IB-1").
///
/// On synthetic per-sample gradients (``GradientField``) the real ``InfoBatch`` rule selects each
/// epoch's samples from static losses; the Monte-Carlo mean of the estimator Σ_{z∈S_t} γ_z g_z
/// over many epochs (independent draws) is compared with the full sum T = Σ_{z∈D} g_z. The same
/// is done without the rescale, with hard pruning of every candidate (``HardPruning``, Eq. 11)
/// and with dynamic random pruning (``DynamicRandom``). Each scheme's measured relative bias
/// ‖E_MC[estimator] − T‖ / ‖T‖ is compared with its closed-form prediction (``IB1Scheme``).
public struct IB1UnbiasedExpectation: Claim {
  public init() {}
  public var id: String { "IB-1" }
  public var family: ClaimFamily { .infoBatch }
  public var title: String { "Unbiased expectation with rescaling" }

  /// The absolute tolerance on a relative bias: 1% of the full gradient's norm.
  ///
  /// Why 1%: a systematic error of 1% of the gradient is far below the step-to-step noise of
  /// minibatch SGD and changes the learning rate by at most 1%, while the biases the claim
  /// separates (unrescaled: r‖G_C‖/‖T‖, hard: ‖G_C‖/‖T‖) are an order of magnitude larger in
  /// every setting here; the Monte-Carlo noise floor is reported and kept well below it.
  static let tolerance = 0.01

  /// The prune ratios of the sweep.
  static let pruneRatios = [0.1, 0.3, 0.5, 0.7, 0.9]

  struct Setting {
    var sampleCount: Int
    var dimension: Int
    var draws: Int
    var coupling: Double
    var batchSize: Int
  }

  static func setting(for profile: ClaimProfile) -> Setting {
    profile.pick(
      quick: Setting(sampleCount: 2_000, dimension: 16, draws: 1_000, coupling: 1, batchSize: 128),
      full: Setting(
        sampleCount: 20_000, dimension: 32, draws: 4_000, coupling: 1, batchSize: 128))
  }

  /// One (r, scheme) measurement.
  struct Measurement {
    var pruneRatio: Double
    var scheme: IB1Scheme
    var measured: Double
    var predicted: Double
    var noiseFloor: Double
    var draws: Int
  }

  public func run(in context: ClaimContext) throws -> ClaimResult {
    try run(Self.setting(for: context.profile), in: context)
  }

  /// Runs the claim in an explicit setting (the tests use tiny ones).
  func run(_ setting: Setting, in context: ClaimContext) throws -> ClaimResult {
    let measurements = try Self.measure(setting: setting, seed: context.seed, context: context)
    return try Self.result(setting: setting, seed: context.seed, measurements: measurements)
  }

  /// Runs the sweep over r and the five schemes.
  static func measure(
    setting: Setting, seed: UInt64, context: ClaimContext? = nil
  ) throws -> [Measurement] {
    let field = try GradientField.synthetic(
      sampleCount: setting.sampleCount, dimension: setting.dimension,
      coupling: setting.coupling, seed: seed)
    let isCandidate = field.candidates
    let candidateCount = isCandidate.filter { $0 }.count
    let total = field.sum { _ in true }
    let candidateSum = field.sum { isCandidate[$0] }
    let totalNorm = VectorMath.norm(total)
    var results: [Measurement] = []
    for (step, r) in pruneRatios.enumerated() {
      context?.progress(Double(step) / Double(pruneRatios.count), "IB-1 r = \(r)")
      let setup = try TrainingSetup(
        sampleCount: setting.sampleCount, batchSize: setting.batchSize,
        plannedEpochs: setting.draws + 1, seed: seed &+ UInt64(step))
      let exact = try InfoBatchConfiguration(pruneRatio: r, delta: 1, selection: .exactCount)
      let bernoulli = try InfoBatchConfiguration(pruneRatio: r, delta: 1, selection: .bernoulli)
      var exactRule = try InfoBatch(configuration: exact, setup: setup)
      let exactRuns = try monteCarlo(
        rule: &exactRule, field: field, draws: setting.draws, total: total,
        weightings: [true, false])
      var bernoulliRule = try InfoBatch(configuration: bernoulli, setup: setup)
      let bernoulliRuns = try monteCarlo(
        rule: &bernoulliRule, field: field, draws: setting.draws, total: total,
        weightings: [true])
      let randomConfiguration = try RandomBaselineConfiguration(pruneRatio: r, rescales: false)
      var randomRule = DynamicRandom(configuration: randomConfiguration, setup: setup)
      let randomRuns = try monteCarlo(
        rule: &randomRule, field: field, draws: setting.draws, total: total,
        weightings: [true])
      var hardRule = try HardPruning(setup: setup)
      let hard = try monteCarlo(
        rule: &hardRule, field: field, draws: 1, total: total, weightings: [true])[0]

      let keptCandidates = exact.keptCount(ofCandidates: candidateCount)
      let keptRandom = randomConfiguration.keptCount(ofSamples: setting.sampleCount)
      let runs: [(IB1Scheme, VectorMonteCarlo)] = [
        (.rescaledExactCount, exactRuns[0]), (.rescaledBernoulli, bernoulliRuns[0]),
        (.unrescaled, exactRuns[1]), (.hard, hard), (.random, randomRuns[0]),
      ]
      for (scheme, run) in runs {
        let predictedBias = scheme.expectedBias(
          keepRatio: exact.keepRatio, candidateCount: candidateCount,
          keptCandidates: keptCandidates, keptRandom: keptRandom,
          sampleCount: setting.sampleCount, candidateSum: candidateSum, total: total)
        results.append(
          Measurement(
            pruneRatio: r, scheme: scheme, measured: VectorMath.norm(run.mean) / totalNorm,
            predicted: VectorMath.norm(predictedBias) / totalNorm,
            noiseFloor: scheme == .hard ? 0 : run.standardErrorNorm / totalNorm,
            draws: scheme == .hard ? 1 : run.count))
      }
    }
    return results
  }

  /// Feeds the static losses for epoch 0 (full data), then plans `draws` pruned epochs; each
  /// epoch's estimator minus T goes into one accumulator per weighting (true: the plan's weights,
  /// false: weight 1).
  static func monteCarlo<Rule: PruningRule>(
    rule: inout Rule, field: GradientField, draws: Int, total: [Double], weightings: [Bool]
  ) throws -> [VectorMonteCarlo] {
    var runs = weightings.map { _ in VectorMonteCarlo(dimension: field.dimension) }
    let losses = field.losses
    for epoch in 0...draws {
      let plan = try RuleDriver.runEpoch(&rule, epoch: epoch, lossOf: { losses[$0] })
      guard epoch > 0 else { continue }
      for (slot, useWeights) in weightings.enumerated() {
        let estimate = field.weightedSum(
          samples: plan.samples, weights: useWeights ? plan.weights : nil)
        runs[slot].add(VectorMath.difference(estimate, total))
      }
    }
    return runs
  }
}
