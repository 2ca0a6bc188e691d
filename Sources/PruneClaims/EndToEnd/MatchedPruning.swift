import PruneCore
import PruneEngine
import PruneSignals
import Synchronization

/// The rule settings of RePB-4's matched pruning (issue 9 item 5) that need no training: the
/// random baselines' ratios, and the replay cross-check (``RePB4Calibration``; RePB-4's runs
/// take their ρ and r from trained probes, ``RePB4Probes``): each rule's budget option set so
/// that it saves a target fraction of sample-iterations, with PruneEngine's
/// ``PruneEngine/SavingsCalibration`` (bisection on the option, tolerance 0.005 = half a
/// percentage point) on a replay of a real training log: saved(p) is the
/// saved fraction of rule(p) run by the engine on ``PruneSignals/LogReplaySource`` serving the
/// logged loss of every sample in every epoch. The replay is a deterministic function of the
/// stored log and the claim's seed, so the replayed values are the same on every machine and
/// shard.
///
/// The two baselines need no calibration: static random keeps floor(N (1 - r)) samples from
/// epoch 0 on, so it saves r (to one sample) with r = target; dynamic random skips epoch 0 and
/// prunes a share r of the samples in each later epoch, so it saves `r (E - 1) / E` and
/// `r = target E / (E - 1)`. A target a rule cannot reach (InfoBatch prunes only below-mean
/// samples, and not in its last 12.5% of epochs) keeps the end of the range that comes closest;
/// the matched-saving checks on the CNN then report the gap.
enum MatchedPruning {
  /// A rule's option at a target, and the saving the replay measured at that (rounded) value.
  struct Setting: Sendable, Hashable {
    let value: String
    let simulatedSaving: Double
    let outcome: Outcome

    var isReachable: Bool { outcome == .reached }
  }

  /// How the bisection ended.
  enum Outcome: String, Sendable, Hashable {
    /// Within the tolerance.
    case reached = "yes"
    /// The target lies outside what the range reaches: the closest end.
    case unreachable = "no (closest end of the range)"
    /// The saving jumps across the target (a step wider than the tolerance) or is not
    /// monotone: the closest value evaluated.
    case unresolved = "no (closest value evaluated)"
  }

  private static let cache = Mutex<[String: Setting]>([:])

  /// `rule`'s `option` saving `target` on a replay of `log` with batch size `batchSize` and the
  /// rule seed `seed` (N and E are the log's). Values are rounded to 4 decimals, and the saving
  /// reported is the replay's at the rounded value.
  ///
  /// - Parameter key: Identifies the log (its run's fingerprint) for the cache.
  static func setting(
    rule: String, option: String, range: ClosedRange<Double>, target: Double, log: LossLog,
    key logKey: String, batchSize: Int, seed: UInt64
  ) throws -> Setting {
    let key = "\(rule) \(option) \(target) \(logKey) \(batchSize) \(seed)"
    if let known = cache.withLock({ $0[key] }) { return known }
    func saved(_ p: Double) throws -> Double {
      var options = RuleOptions()
      try options.setValue("\(p)", forOption: option)
      return try replayedSaving(
        rule: rule, options: options, log: log, batchSize: batchSize, seed: seed)
    }
    let calibration = try SavingsCalibration(
      target: target, range: range, tolerance: 0.005, parameterName: option)
    var evaluated: [(p: Double, saved: Double)] = []
    let found: (p: Double, outcome: Outcome)
    do {
      let result = try calibration.solve { p in
        let value = try saved(p)
        evaluated.append((p, value))
        return value
      }
      found = (result.parameter, .reached)
    } catch PruneEngineError.savingsUnreachable {
      // Only the two ends were evaluated: the closer one.
      found = (closest(evaluated, to: target) ?? range.upperBound, .unreachable)
    } catch PruneEngineError.savingsNotResolved, PruneEngineError.savingsNotMonotone {
      found = (closest(evaluated, to: target) ?? range.lowerBound, .unresolved)
    }
    let value = rounded(found.p)
    let setting = Setting(
      value: value, simulatedSaving: try saved(Double(value) ?? found.p), outcome: found.outcome)
    cache.withLock { $0[key] = setting }
    return setting
  }

  /// The saved fraction of `rule` with `options` run by the engine on a replay of `log` (N
  /// and E the log's, batch size `batchSize`, rule seed `seed`).
  static func replayedSaving(
    rule: String, options: RuleOptions, log: LossLog, batchSize: Int, seed: UInt64
  ) throws -> Double {
    let setup = try TrainingSetup(
      sampleCount: log.sampleCount, batchSize: batchSize, plannedEpochs: log.epochCount,
      seed: seed)
    var built = try RuleCatalog.makeRule(named: rule, options: options, setup: setup)
    var source = try LogReplaySource(lossLog: log, name: "calibration loss log")
    return try Simulation.run(
      &built, on: &source, options: SimulationOptions(recordsSampleOutcomes: false)
    ).summary.savedFraction
  }

  /// The evaluated parameter whose saving came closest to `target` (the first on a tie).
  private static func closest(_ evaluated: [(p: Double, saved: Double)], to target: Double)
    -> Double?
  {
    evaluated.min { abs($0.saved - target) < abs($1.saved - target) }?.p
  }

  /// Dynamic random's ratio for `target` over `epochs` epochs.
  static func randomRatio(target: Double, epochs: Int) -> String {
    let e = Double(epochs)
    return rounded(min(0.95, target * (e > 1 ? e / (e - 1) : 1)))
  }

  static func rounded(_ value: Double) -> String { "\((value * 10_000).rounded() / 10_000)" }
}
