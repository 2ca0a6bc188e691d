import PruneAnalysis
import PruneCore
import PruneEngine
import PruneSignals

/// IB-4: annealing removes the residual bias of the last epochs (InfoBatch Sec. 2.4, Eq. 10;
/// claims.md "IB-4").
///
/// The rescaled loss sum of a pruned epoch, Σ_{S_t} w s, equals the full sum Σ_D s only in
/// expectation; any one epoch carries a residual whose spread follows from the scores
/// (``InfoBatchResidual``). Annealing trains the last (1 − δ)E epochs on the full data with
/// weight 1, where the residual is exactly zero. For several δ and seeds the real rule runs in
/// the engine on a ``SyntheticLearner``; over the last epochs (the window δ = 0.875 anneals) the
/// measured residual RMS is compared with the prediction
/// ```
/// RMS_pred = sqrt(mean over the window's epochs of (E[res]² + Var[res]) / (Σ_D s)²)
/// ```
/// (zero for annealed epochs), and the final loss's gap to full-data training, with its spread
/// over seeds, is reported against δ.
public struct IB4Annealing: Claim {
  /// A deliberate break for the tests' negative controls (``Fault/rescalingRemoved``: pruned
  /// epochs train the kept samples with weight 1); nil runs the paper's rule.
  let fault: Fault?

  public init() { fault = nil }

  init(fault: Fault?) { self.fault = fault }
  public var id: String { "IB-4" }
  public var family: ClaimFamily { .infoBatch }
  public var title: String { "Annealing" }

  /// The tolerance on the residual RMS, in bootstrap half-widths (a 68% interval each): 2.
  static let standardErrors = 2.0
  /// Annealed epochs must give a residual of zero up to summation rounding.
  static let zeroTolerance = 1e-12

  static let deltas = [0.5, 0.75, 0.875, 1.0]

  struct Setting {
    var sampleCount: Int
    var epochs: Int
    var batchSize: Int
    var seeds: Int
    var pruneRatio: Double
    /// The last epochs examined: those δ = 0.875 anneals, ceil(E/8).
    var window: Int { (epochs + 7) / 8 }
  }

  static func setting(for profile: ClaimProfile) -> Setting {
    profile.pick(
      quick: Setting(sampleCount: 2_000, epochs: 40, batchSize: 128, seeds: 16, pruneRatio: 0.5),
      full: Setting(sampleCount: 20_000, epochs: 80, batchSize: 128, seeds: 32, pruneRatio: 0.5))
  }

  /// One δ across seeds.
  struct DeltaMeasurement {
    var delta: Double
    /// Residuals of the window's epochs, all seeds.
    var residuals: [Double]
    var measuredRMS: Double
    var measuredRMSError: Double
    var predictedRMS: Double
    /// Final mean expected loss minus full training's, per seed.
    var finalLossGaps: [Double]
    var finalLosses: [Double]
    var annealedEpochsInWindow: Int
  }

  public func run(in context: ClaimContext) throws -> ClaimResult {
    try run(Self.setting(for: context.profile), in: context)
  }

  /// Runs the claim in an explicit setting (the tests use tiny ones).
  func run(_ setting: Setting, in context: ClaimContext) throws -> ClaimResult {
    var fullLosses: [Double] = []
    for index in 0..<setting.seeds {
      let seed = context.seed &+ UInt64(index)
      let setup = try Self.setup(setting, seed: seed)
      var rule = FullData(setup: setup)
      fullLosses.append(try Self.finalLoss(rule: &rule, setting: setting, seed: seed))
    }
    var measurements: [DeltaMeasurement] = []
    for (step, delta) in Self.deltas.enumerated() {
      context.progress(Double(step) / Double(Self.deltas.count), "IB-4 δ = \(delta)")
      measurements.append(
        try Self.measure(
          delta: delta, setting: setting, seed: context.seed, fullLosses: fullLosses,
          fault: fault))
    }
    return try Self.result(
      setting: setting, seed: context.seed, measurements: measurements, fullLosses: fullLosses)
  }

  static func setup(_ setting: Setting, seed: UInt64) throws -> TrainingSetup {
    try TrainingSetup(
      sampleCount: setting.sampleCount, batchSize: setting.batchSize,
      plannedEpochs: setting.epochs, seed: seed)
  }

  /// Runs `rule` in the engine and returns the mean expected loss over all samples afterwards.
  static func finalLoss<Rule: PruningRule>(
    rule: inout Rule, setting: Setting, seed: UInt64
  ) throws -> Double {
    var learner = try SyntheticLearner(
      sampleCount: setting.sampleCount, configuration: LearnerConfiguration(), seed: seed)
    _ = try Simulation.run(
      &rule, on: &learner, options: SimulationOptions(recordsSampleOutcomes: false))
    var total = 0.0
    for i in 0..<setting.sampleCount {
      total += learner.expectedLoss(ofSample: i, epoch: setting.epochs)
    }
    return total / Double(setting.sampleCount)
  }

  static func measure(
    delta: Double, setting: Setting, seed: UInt64, fullLosses: [Double], fault: Fault? = nil
  ) throws -> DeltaMeasurement {
    var residuals: [Double] = []
    var predictedSquares: [Double] = []
    var finalLosses: [Double] = []
    var annealed = 0
    for index in 0..<setting.seeds {
      let runSeed = seed &+ UInt64(index)
      let configuration = try InfoBatchConfiguration(pruneRatio: setting.pruneRatio, delta: delta)
      var rule = ObservedInfoBatch(
        try InfoBatch(configuration: configuration, setup: setup(setting, seed: runSeed)),
        fault: fault)
      finalLosses.append(try finalLoss(rule: &rule, setting: setting, seed: runSeed))
      for o in rule.observations.suffix(setting.window) {
        residuals.append(o.relativeResidual)
        predictedSquares.append(o.predictedResidualRMS * o.predictedResidualRMS)
        if index == 0 && !o.prunes { annealed += 1 }
      }
    }
    let rms = { (values: [Double]) -> Double in
      (values.reduce(0) { $0 + $1 * $1 } / Double(values.count)).squareRoot()
    }
    var generator = SeededGenerator(seed: seed, stream: 0x4942_3400 &+ UInt64(delta * 1000))
    let interval = try Bootstrap.percentileInterval(
      residuals, confidence: 0.6827, resamples: 500, generator: &generator, statistic: rms)
    return DeltaMeasurement(
      delta: delta, residuals: residuals, measuredRMS: rms(residuals),
      measuredRMSError: interval.halfWidth,
      predictedRMS: (predictedSquares.reduce(0, +) / Double(predictedSquares.count)).squareRoot(),
      finalLossGaps: zip(finalLosses, fullLosses).map { $0 - $1 }, finalLosses: finalLosses,
      annealedEpochsInWindow: annealed)
  }
}
