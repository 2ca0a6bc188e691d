import PruneCore
import PruneEngine
import PruneSignals
import Synchronization

/// The rule settings of RePB-4's matched pruning: each rule's budget option set so that it
/// saves a target fraction of sample-iterations, with PruneEngine's ``PruneEngine/SavingsCalibration``
/// (the shared matched-savings calibration; bisection on the option, tolerance 0.005) on the
/// synthetic learner with the claim's N, B and E. The calibration runs before any training and
/// is a deterministic function of the profile, so the calibrated options are part of the runs'
/// fingerprints and shards agree on them.
///
/// Dynamic random pruning needs no calibration: it skips epoch 0 and prunes a share r of the
/// samples in each later epoch, so it saves `r (E - 1) / E` and `r = target E / (E - 1)`.
/// A target a rule cannot reach (InfoBatch prunes only below-mean samples, and not in its last
/// 12.5% of epochs) keeps the end of the range that comes closest; the matched-saving check then
/// reports the gap.
enum MatchedPruning {
  /// A rule's option at a target, and the saving the calibration measured.
  struct Setting: Sendable, Hashable {
    let value: String
    let simulatedSaving: Double
    let isReachable: Bool
  }

  private static let cache = Mutex<[String: Setting]>([:])

  /// `rule`'s `option` saving `target` on the synthetic learner (values rounded to 4 decimals).
  static func setting(
    rule: String, option: String, range: ClosedRange<Double>, target: Double, setup: TrainingSetup
  ) throws -> Setting {
    let key = "\(rule) \(option) \(target) \(setup.sampleCount) \(setup.batchSize) "
      + "\(setup.plannedEpochs) \(setup.seed)"
    if let known = cache.withLock({ $0[key] }) { return known }
    let calibration = try SavingsCalibration(
      target: target, range: range, tolerance: 0.005, parameterName: option)
    let source = {
      try SyntheticLearner(
        sampleCount: setup.sampleCount, configuration: LearnerConfiguration(), seed: setup.seed)
    }
    let setting: Setting
    do {
      let found = try calibration.solve(
        ruleNamed: rule, option: option, setup: setup, source: source)
      setting = Setting(
        value: rounded(found.parameter), simulatedSaving: found.savedFraction, isReachable: true)
    } catch PruneEngineError.savingsUnreachable(_, _, let lowest, let highest, _) {
      let useUpper = abs(highest - target) <= abs(lowest - target)
      setting = Setting(
        value: rounded(useUpper ? range.upperBound : range.lowerBound),
        simulatedSaving: useUpper ? highest : lowest, isReachable: false)
    }
    cache.withLock { $0[key] = setting }
    return setting
  }

  /// Dynamic random's ratio for `target` over `epochs` epochs.
  static func randomRatio(target: Double, epochs: Int) -> String {
    let e = Double(epochs)
    return rounded(min(0.95, target * (e > 1 ? e / (e - 1) : 1)))
  }

  static func rounded(_ value: Double) -> String { "\((value * 10_000).rounded() / 10_000)" }
}
