import PruneCore
import PruneEngine

#if canImport(Glibc)
  import Glibc
#endif

/// RePB-2: without resampling repeated pruning shrinks the pool geometrically; with uniform
/// resampling at probability 1 − ρ it settles at a steady size (claims.md "RePB-2").
///
/// With resampling the real ``RePB`` rule runs on a ``NoisyLossField``; the pool size is its
/// plan's size. The rule has no switch to turn resampling off, so the collapse is run by a loop
/// that applies the rule's own window decision (``RePB/windowDecisions(scores:rho:draw:)``)
/// and keeps only what it keeps. Predictions (``RepbPoolPrediction``), from ρ and the measured
/// below-mean share f:
/// ```
/// without resampling:  P_E / N = Π_{e<E} (1 − ρ f_e)            (compared as a mean log-rate)
/// with resampling:     P* / N = (1 − ρ) / (ρ f̄ + 1 − ρ)          (mean field)
///                      P* / N = mean_i (1 − ρ) / (ρ q_i + 1 − ρ)  (per-sample chains)
/// ```
/// The mean-field formula assumes every sample falls below its window mean equally often; it is
/// checked on losses where that holds (equal levels) and where it breaks (log-normal levels).
public struct RePB2PoolCollapse: Claim {
  /// A deliberate break for the tests' negative controls (``Fault/noResampling``: the "with
  /// resampling" runs use a RePB without its resampling).
  let fault: Fault?

  public init() { fault = nil }

  init(fault: Fault?) { self.fault = fault }

  /// Windows drawn per sample for the predicted below-mean chances (``BelowMeanChances``).
  static let modelDraws = 32

  public var id: String { "RePB-2" }
  public var family: ClaimFamily { .repb }
  public var title: String { "Pool collapse and steady state" }

  /// The tolerance of every check, in combined standard errors: 2.
  static let standardErrors = 2.0

  struct Setting {
    var sampleCount: Int
    var batchSize: Int
    var epochs: Int
    var collapseEpochs: Int
    var seeds: Int
    var rho: Double
    var noise: Double
    /// Epochs before this are the transient and left out of the steady state.
    var burnIn: Int
  }

  static func setting(for profile: ClaimProfile) -> Setting {
    profile.pick(
      quick: Setting(
        sampleCount: 2_000, batchSize: 64, epochs: 30, collapseEpochs: 12, seeds: 4, rho: 0.5,
        noise: 0.5, burnIn: 10),
      full: Setting(
        sampleCount: 20_000, batchSize: 128, epochs: 60, collapseEpochs: 16, seeds: 8, rho: 0.5,
        noise: 0.5, burnIn: 15))
  }

  /// The two loss settings.
  static let levelSettings:
    [(spread: Double, label: String, shortLabel: String, isHomogeneous: Bool)] = [
      (0, "equal loss levels (homogeneous q)", "equal levels", true),
      (1, "log-normal loss levels (heterogeneous q_i)", "log-normal levels", false),
    ]

  /// One run with resampling.
  struct ResampledRun {
    /// The below-mean chances predicted from the field alone.
    var model: BelowMeanChances
    var poolFractions: [Double]
    var belowMeanFractions: [Double]
    var belowMeanProbabilities: [Double]
  }

  /// One run without resampling.
  struct CollapseRun {
    var model: BelowMeanChances
    var poolFractions: [Double]
    var belowMeanFractions: [Double]
  }

  public func run(in context: ClaimContext) throws -> ClaimResult {
    try run(Self.setting(for: context.profile), in: context)
  }

  /// Runs the claim in an explicit setting (the tests use tiny ones).
  func run(_ setting: Setting, in context: ClaimContext) throws -> ClaimResult {
    var resampled: [[ResampledRun]] = []
    var collapsed: [[CollapseRun]] = []
    for (index, level) in Self.levelSettings.enumerated() {
      context.progress(Double(index) / 2, "RePB-2 \(level.label)")
      var runs: [ResampledRun] = []
      var collapses: [CollapseRun] = []
      for s in 0..<setting.seeds {
        let seed = context.seed &+ UInt64(s) &+ UInt64(index) << 16
        let field = NoisyLossField(
          sampleCount: setting.sampleCount, levelSpread: level.spread, noise: setting.noise,
          seed: seed)
        let model = BelowMeanChances(
          field: field, batchSize: setting.batchSize, draws: Self.modelDraws, seed: seed)
        runs.append(
          try Self.runWithResampling(
            field: field, setting: setting, seed: seed, model: model,
            resampling: fault != .noResampling))
        collapses.append(
          Self.runWithoutResampling(field: field, setting: setting, seed: seed, model: model))
      }
      resampled.append(runs)
      collapsed.append(collapses)
    }
    return try Self.result(
      setting: setting, seed: context.seed, resampled: resampled, collapsed: collapsed)
  }

  /// The real RePB rule, W = 1, for `setting.epochs` epochs.
  static func runWithResampling(
    field: NoisyLossField, setting: Setting, seed: UInt64, model: BelowMeanChances,
    resampling: Bool = true
  ) throws -> ResampledRun {
    let setup = try TrainingSetup(
      sampleCount: setting.sampleCount, batchSize: setting.batchSize,
      plannedEpochs: setting.epochs, seed: seed)
    var rule = try RePB(
      configuration: RePBConfiguration(rho: setting.rho, resampling: resampling), setup: setup)
    var tally = BelowMeanTally(sampleCount: setting.sampleCount)
    var pools: [Double] = []
    for epoch in 0..<setting.epochs {
      let plan = try RuleDriver.runEpoch(
        &rule, epoch: epoch, lossOf: { field.loss(ofSample: $0, epoch: epoch) },
        trainBatch: { samples, _ in
          tally.note(
            samples: samples, losses: samples.map { field.loss(ofSample: $0, epoch: epoch) },
            epoch: epoch)
        })
      pools.append(Double(plan.sampleCount) / Double(setting.sampleCount))
    }
    return ResampledRun(
      model: model, poolFractions: pools,
      belowMeanFractions: (0..<setting.epochs).map { tally.belowMeanFraction(epoch: $0) },
      belowMeanProbabilities: tally.belowMeanProbabilities)
  }

  /// Local window pruning alone: the pool of epoch e + 1 is what the window decisions of epoch e
  /// keep. Draws: the epoch's shuffle, then one uniform per below-mean sample, from the
  /// generator of (seed, epoch), as the rule makes them.
  static func runWithoutResampling(
    field: NoisyLossField, setting: Setting, seed: UInt64, model: BelowMeanChances
  ) -> CollapseRun {
    var pool = Array(0..<setting.sampleCount)
    var pools: [Double] = []
    var fractions: [Double] = []
    for epoch in 0..<setting.collapseEpochs {
      pools.append(Double(pool.count) / Double(setting.sampleCount))
      guard !pool.isEmpty else {
        fractions.append(.nan)
        continue
      }
      var generator = epochGenerator(seed: seed, epoch: epoch)
      pool.seededShuffle(using: &generator)
      var next: [Int] = []
      var below = 0
      var start = 0
      while start < pool.count {
        let batch = pool[start..<min(start + setting.batchSize, pool.count)]
        let scores = batch.map { field.loss(ofSample: $0, epoch: epoch) }
        let mean = scores.reduce(0, +) / Double(scores.count)
        below += scores.filter { $0 < mean }.count
        let keep = RePB<LossScore>.windowDecisions(scores: scores[...], rho: setting.rho) {
          generator.nextUnit()
        }
        for (sample, kept) in zip(batch, keep) where kept { next.append(sample) }
        start += setting.batchSize
      }
      fractions.append(Double(below) / Double(pool.count))
      pool = next.sorted()
    }
    return CollapseRun(model: model, poolFractions: pools, belowMeanFractions: fractions)
  }
}
