import PruneCore
import PruneEngine

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
  /// A deliberate break for the tests' negative controls (``Fault/rescalingRemoved``,
  /// ``Fault/scoresShuffled``); nil runs the paper's rule.
  let fault: Fault?

  public init() { fault = nil }

  init(fault: Fault?) { self.fault = fault }
  public var id: String { "IB-1" }
  public var family: ClaimFamily { .infoBatch }
  public var title: String { "Unbiased expectation with rescaling" }

  /// The share of Monte-Carlo runs whose pure noise stays within the tolerance: 99%.
  ///
  /// The measured relative bias is ‖b + n‖/‖T‖ with n the Monte-Carlo mean's noise, so it can
  /// differ from the predicted ‖b‖/‖T‖ by at most ‖n‖/‖T‖; for roughly isotropic noise
  /// ‖n‖² ≈ SE² χ²_d / d (SE the reported noise floor), so the tolerance is
  /// SE · sqrt(q_0.99(χ²_d) / d).
  static let noiseCoverage = 0.99
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
    let measurements = try Self.measure(
      setting: setting, seed: context.seed, context: context, fault: fault)
    return try Self.result(setting: setting, seed: context.seed, measurements: measurements)
  }

  /// Runs the sweep over r and the five schemes.
  static func measure(
    setting: Setting, seed: UInt64, context: ClaimContext? = nil, fault: Fault? = nil
  ) throws -> [Measurement] {
    let field = try GradientField.synthetic(
      sampleCount: setting.sampleCount, dimension: setting.dimension,
      coupling: setting.coupling, seed: seed)
    let isCandidate = field.candidates
    var ruleLosses = field.losses
    if fault == .scoresShuffled {
      // The rule sees every sample's loss on another sample: its candidates are random.
      var generator = SeededGenerator(seed: seed, stream: 0x1B1_5AFF)
      ruleLosses.seededShuffle(using: &generator)
    }
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
      var exactRule = FaultyRule(try InfoBatch(configuration: exact, setup: setup), fault: fault)
      let exactRuns = try monteCarlo(
        rule: &exactRule, field: field, losses: ruleLosses, draws: setting.draws, total: total,
        weightings: [true, false])
      var bernoulliRule = FaultyRule(
        try InfoBatch(configuration: bernoulli, setup: setup), fault: fault)
      let bernoulliRuns = try monteCarlo(
        rule: &bernoulliRule, field: field, losses: ruleLosses, draws: setting.draws, total: total,
        weightings: [true])
      let randomConfiguration = try RandomBaselineConfiguration(pruneRatio: r, rescales: false)
      var randomRule = DynamicRandom(configuration: randomConfiguration, setup: setup)
      let randomRuns = try monteCarlo(
        rule: &randomRule, field: field, losses: ruleLosses, draws: setting.draws, total: total,
        weightings: [true])
      var hardRule = try HardPruning(setup: setup)
      let hard = try monteCarlo(
        rule: &hardRule, field: field, losses: ruleLosses, draws: 1, total: total, weightings: [true])[0]

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

  /// Feeds the static `losses` (the field's, unless a fault shuffled them) for epoch 0 (full data), then plans `draws` pruned epochs; each
  /// epoch's estimator minus T goes into one accumulator per weighting (true: the plan's weights,
  /// false: weight 1).
  static func monteCarlo<Rule: PruningRule>(
    rule: inout Rule, field: GradientField, losses: [Double], draws: Int, total: [Double],
    weightings: [Bool]
  ) throws -> [VectorMonteCarlo] {
    var runs = weightings.map { _ in VectorMonteCarlo(dimension: field.dimension) }
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
