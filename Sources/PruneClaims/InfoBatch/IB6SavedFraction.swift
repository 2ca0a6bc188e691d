import PruneCore
import PruneEngine
import PruneSignals

/// IB-6: the share of sample-iterations InfoBatch saves is about r × (share of scores below the
/// mean) × δ (InfoBatch Tables 1 and 6; claims.md "IB-6").
///
/// The real rule runs in the simulation engine on a ``SyntheticLearner`` for several seeds. At
/// every plan the share f_e of scores below their mean is written down (``ObservedInfoBatch``);
/// the predictions are
/// ```
/// paper's approximation:  saved ≈ r · f̄ · δ,           f̄ = mean of f_e over pruned epochs
/// exact accounting:       saved = Σ_{e prunes} (|C_e| − floor(κ|C_e|)) / (N E)
/// ```
/// and the measurement is the engine's count, 1 − (sample-iterations trained) / (N E).
public struct IB6SavedFraction: Claim {
  public init() {}
  public var id: String { "IB-6" }
  public var family: ClaimFamily { .infoBatch }
  public var title: String { "Saved fraction" }

  /// Relative tolerance of the paper's approximation: 5%.
  ///
  /// The approximation counts every one of the δE epochs as pruned, but epoch 0 never prunes
  /// (a relative error of 1/(δE) ≈ 2.9% at E = 40) and the kept count is floored (under one
  /// sample per epoch); 5% covers these by construction without hiding a wrong f or r.
  static let tolerance = 0.05
  /// The exact accounting must agree to rounding.
  static let exactTolerance = 1e-12

  struct Setting {
    var sampleCount: Int
    var epochs: Int
    var batchSize: Int
    var seeds: Int
    var pruneRatio: Double
    var delta: Double
  }

  static func setting(for profile: ClaimProfile) -> Setting {
    profile.pick(
      quick: Setting(
        sampleCount: 5_000, epochs: 40, batchSize: 128, seeds: 3, pruneRatio: 0.5, delta: 0.875),
      full: Setting(
        sampleCount: 50_000, epochs: 200, batchSize: 128, seeds: 5, pruneRatio: 0.5,
        delta: 0.875))
  }

  /// One seed's run.
  struct Run {
    var seed: UInt64
    var measured: Double
    var approximation: Double
    var exact: Double
    var meanBelowMeanFraction: Double
    var prunedEpochs: Int
    var observations: [ObservedInfoBatch.Observation]
  }

  public func run(in context: ClaimContext) throws -> ClaimResult {
    try run(Self.setting(for: context.profile), in: context)
  }

  /// Runs the claim in an explicit setting (the tests use tiny ones).
  func run(_ setting: Setting, in context: ClaimContext) throws -> ClaimResult {
    var runs: [Run] = []
    for index in 0..<setting.seeds {
      context.progress(Double(index) / Double(setting.seeds), "IB-6 seed \(index)")
      runs.append(try Self.simulate(setting: setting, seed: context.seed &+ UInt64(index)))
    }
    return try Self.result(setting: setting, seed: context.seed, runs: runs)
  }

  static func simulate(setting: Setting, seed: UInt64) throws -> Run {
    let configuration = try InfoBatchConfiguration(
      pruneRatio: setting.pruneRatio, delta: setting.delta)
    let setup = try TrainingSetup(
      sampleCount: setting.sampleCount, batchSize: setting.batchSize,
      plannedEpochs: setting.epochs, seed: seed)
    var rule = ObservedInfoBatch(try InfoBatch(configuration: configuration, setup: setup))
    var learner = try SyntheticLearner(
      sampleCount: setting.sampleCount, configuration: LearnerConfiguration(), seed: seed)
    let result = try Simulation.run(
      &rule, on: &learner, options: SimulationOptions(recordsSampleOutcomes: false))
    let pruned = rule.observations.filter(\.prunes)
    let n = Double(setting.sampleCount)
    let e = Double(setting.epochs)
    var fractionSum = 0.0
    for observation in pruned { fractionSum += observation.belowMeanFraction }
    let meanFraction = pruned.isEmpty ? 0 : fractionSum / Double(pruned.count)
    let candidatesPruned = pruned.reduce(0.0) { total, o in
      let c = Int((o.belowMeanFraction * n).rounded())
      return total + Double(c - configuration.keptCount(ofCandidates: c))
    }
    return Run(
      seed: seed, measured: result.summary.savedFraction,
      approximation: setting.pruneRatio * meanFraction * setting.delta,
      exact: candidatesPruned / (n * e), meanBelowMeanFraction: meanFraction,
      prunedEpochs: pruned.count, observations: rule.observations)
  }
}
