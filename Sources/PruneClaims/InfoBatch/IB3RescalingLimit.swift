import PruneCore
import PruneEngine

/// IB-3: rescaled pruning acts like a learning rate ε|D|/|S_t|, so the largest stable learning rate
/// shrinks by |S_t|/|D| (InfoBatch App. B.4, Eq. 20-23; claims.md "IB-3").
///
/// On a ``QuadraticProblem`` SGD is run with the real rules (``FullData``; ``InfoBatch`` with its
/// weights; InfoBatch's selection without its weights) and the critical learning rate, the largest
/// one that does not diverge within the horizon, is found by bisection. Prediction (Eq. 22/23):
/// ```
/// ε_c(rescaled pruning) = 2 / (s λ_max),   s = |D| / |S_t|      (ε_c(full) = 2 / λ_max)
/// ```
/// (``QuadraticObjective/criticalLearningRate(gradientScale:)``) with |S_t|/|D| the mean kept
/// fraction over the pruned epochs of the run at the critical rate.
public struct IB3RescalingLimit: Claim {
  /// A deliberate break for the tests' negative controls (``Fault/rescalingRemoved``: the
  /// "rescaled" runs train with weight 1); nil runs the paper's rule.
  let fault: Fault?

  public init() { fault = nil }

  init(fault: Fault?) { self.fault = fault }
  public var id: String { "IB-3" }
  public var family: ClaimFamily { .infoBatch }
  public var title: String { "Rescaling limit" }

  /// The tolerance in divergence-test resolutions (``horizonResolution(steps:dimension:)``): a
  /// bisection over a finite horizon places the critical rate up to one resolution too high, and
  /// the measured and the predicted rate each carry that error, so 2.
  static let resolutions = 2.0
  /// The divergence threshold on ‖θ‖ (the start is ‖θ_0‖ = sqrt(d)).
  static let divergenceNorm = 1e8

  static let pruneRatios = [0.3, 0.5, 0.7]

  struct Setting {
    var sampleCount: Int
    var dimension: Int
    var batchSize: Int
    var epochs: Int
    var bisectionSteps: Int
  }

  static func setting(for profile: ClaimProfile) -> Setting {
    profile.pick(
      quick: Setting(sampleCount: 512, dimension: 8, batchSize: 32, epochs: 60, bisectionSteps: 18),
      full: Setting(
        sampleCount: 4_096, dimension: 16, batchSize: 32, epochs: 100, bisectionSteps: 24))
  }

  /// How the pruned runs use the plan's weights.
  enum Mode: String, CaseIterable {
    case full = "full data"
    case rescaled = "InfoBatch, rescaled"
    case unrescaled = "InfoBatch selection, weights 1"
  }

  /// The outcome of one training run.
  struct RunOutcome {
    var diverged: Bool
    /// Mean |S_t|/|D| over the epochs that pruned (1 if none did).
    var keptFraction: Double
    var steps: Int
  }

  /// One critical-rate measurement.
  struct Critical {
    var pruneRatio: Double
    var mode: Mode
    var learningRate: Double
    var keptFraction: Double
    var steps: Int
  }

  public func run(in context: ClaimContext) throws -> ClaimResult {
    try run(Self.setting(for: context.profile), in: context)
  }

  /// Runs the claim in an explicit setting (the tests use tiny ones).
  func run(_ setting: Setting, in context: ClaimContext) throws -> ClaimResult {
    let problem = try QuadraticProblem(
      sampleCount: setting.sampleCount, dimension: setting.dimension, seed: context.seed)
    var criticals: [Critical] = []
    let full = try Self.criticalRate(
      problem: problem, setting: setting, mode: .full, pruneRatio: 0, seed: context.seed,
      fault: fault)
    criticals.append(full)
    for (index, r) in Self.pruneRatios.enumerated() {
      context.progress(Double(index) / Double(Self.pruneRatios.count), "IB-3 r = \(r)")
      for mode in [Mode.rescaled, .unrescaled] {
        criticals.append(
          try Self.criticalRate(
            problem: problem, setting: setting, mode: mode, pruneRatio: r, seed: context.seed,
            fault: fault))
      }
    }
    return try Self.result(
      setting: setting, seed: context.seed, problem: problem, criticals: criticals)
  }

  /// The critical learning rate of one mode by bisection on divergence.
  static func criticalRate(
    problem: QuadraticProblem, setting: Setting, mode: Mode, pruneRatio: Double, seed: UInt64,
    fault: Fault? = nil
  ) throws -> Critical {
    var low = 0.0
    var high = 4 / problem.largestCurvature
    var lowOutcome = RunOutcome(diverged: false, keptFraction: 1, steps: 0)
    while !(try train(problem, setting, mode, pruneRatio, high, seed, fault).diverged) { high *= 2 }
    for _ in 0..<setting.bisectionSteps {
      let middle = (low + high) / 2
      let outcome = try train(problem, setting, mode, pruneRatio, middle, seed, fault)
      if outcome.diverged {
        high = middle
      } else {
        low = middle
        lowOutcome = outcome
      }
    }
    if lowOutcome.steps == 0 {
      lowOutcome = try train(problem, setting, mode, pruneRatio, low, seed, fault)
    }
    return Critical(
      pruneRatio: pruneRatio, mode: mode, learningRate: (low + high) / 2,
      keptFraction: lowOutcome.keptFraction, steps: lowOutcome.steps)
  }

  /// Trains for the horizon; diverged when ‖θ‖ exceeds ``divergenceNorm`` or stops being finite.
  static func train(
    _ problem: QuadraticProblem, _ setting: Setting, _ mode: Mode, _ pruneRatio: Double,
    _ learningRate: Double, _ seed: UInt64, _ fault: Fault? = nil
  ) throws -> RunOutcome {
    let setup = try TrainingSetup(
      sampleCount: problem.sampleCount, batchSize: setting.batchSize,
      plannedEpochs: setting.epochs, seed: seed)
    switch mode {
    case .full:
      var rule = FullData(setup: setup)
      return try train(problem, &rule, setting, useWeights: true, learningRate)
    case .rescaled, .unrescaled:
      let configuration = try InfoBatchConfiguration(pruneRatio: pruneRatio, delta: 1)
      var rule = FaultyRule(try InfoBatch(configuration: configuration, setup: setup), fault: fault)
      return try train(problem, &rule, setting, useWeights: mode == .rescaled, learningRate)
    }
  }

  static func train<Rule: PruningRule>(
    _ problem: QuadraticProblem, _ rule: inout Rule, _ setting: Setting, useWeights: Bool,
    _ learningRate: Double
  ) throws -> RunOutcome {
    var theta = [Double](repeating: 1, count: problem.dimension)
    var keptSum = 0.0
    var prunedEpochs = 0
    var steps = 0
    var diverged = false
    for epoch in 0..<setting.epochs {
      let plan = try RuleDriver.runEpoch(
        &rule, epoch: epoch,
        lossOf: { z in diverged ? 0 : problem.loss(ofSample: z, at: theta) },
        trainBatch: { samples, weights in
          guard !diverged else { return }
          let effective = useWeights ? weights : ArraySlice(repeating: 1, count: samples.count)
          problem.step(&theta, learningRate: learningRate, samples: samples, weights: effective)
          steps += 1
          let norm = VectorMath.norm(theta)
          if !norm.isFinite || norm > divergenceNorm { diverged = true }
        })
      if plan.sampleCount < problem.sampleCount {
        keptSum += Double(plan.sampleCount) / Double(problem.sampleCount)
        prunedEpochs += 1
      }
      if diverged { break }
    }
    return RunOutcome(
      diverged: diverged, keptFraction: prunedEpochs == 0 ? 1 : keptSum / Double(prunedEpochs),
      steps: steps)
  }
}
