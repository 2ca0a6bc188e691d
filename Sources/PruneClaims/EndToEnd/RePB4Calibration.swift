import PruneCore
import PruneSignals

/// RePB-4's cross-check of its matched settings: the per-sample loss log of a cheap full-data
/// run on the real data, replayed through the shared savings calibration (``MatchedPruning``).
/// The values RePB-4's runs use come from trained probes (``RePB4Probes``); the replay's are
/// shown beside them.
///
/// 1. train full data (no pruning) with the paper profile's recipe on the same stratified 10%
///    subset of the training set as B-PAS's calibration run, seed 0 of the claim, logging every
///    sample's forward loss (before the step, the signal InfoBatch and RePB read) in every epoch;
/// 2. replay that log through PruneEngine with the rule and bisect its option (ρ for RePB, r
///    for InfoBatch) until the replayed saving is within 0.005 of the target.
///
/// The run is a store run like any other (its spec is full data on the subset, without the
/// activation measurement B-PAS's needs); the log is kept beside its file
/// (``RunStore/loadLossLogs(runs:)``). Until both are stored, the replay's values are not
/// known.
///
/// **Why it is only a cross-check**: a replay of full-data losses has no feedback from
/// pruning: a pruned run's model, and so its losses, differ from the logged full-data one. On
/// the paper profile it needs r = 0.548 for InfoBatch to save 30%, while X-1's CNN runs save
/// 30.5% at r = 0.5; the page shows this prediction against those runs.
struct RePB4Calibration: Sendable {
  /// The share of the training set the calibration run trains on (B-PAS's).
  static let subsetFraction = BPASThresholdCalibration.subsetFraction

  /// What the run trained on ("a 10% stratified subset (6000 of 60000 training images)").
  let source: String
  /// The logged losses; nil while the store lacks the run or its log.
  let log: LossLog?
  /// A digest of the log (``digest(_:)``): the cache key of the replays.
  let key: String
  /// Batch size of the replay (the workload's) and the rule seed (the claim's).
  let batchSize: Int
  let seed: UInt64

  var isPlaceholder: Bool { log == nil }

  /// The calibration run of `training` (seed 0 of `baseSeed`, on the 10% subset), from the
  /// store or trained in memory.
  static func run(training: EndToEndTraining, baseSeed: UInt64) throws -> RePB4Calibration {
    let subset = try BPASThresholdSetting.calibrationTraining(training)
    let total = training.data.train.sampleCount
    let n = subset.data.train.sampleCount
    let seed = EndToEndTraining.seed(base: baseSeed, index: 0)
    let label = "RePB-4 calibration run (full data on 10%, losses logged)"
    let rule = try RuleChoice.fullData.makeRule(setup: subset.setup(seed: seed))
    let (_, log) = try subset.loggedRun(
      rule, label: label, seedIndex: 0, seed: seed, logsLosses: true)
    return RePB4Calibration(
      source: "a 10% stratified subset (\(n) of \(total) training images)", log: log,
      key: log.map(digest) ?? "", batchSize: training.workload.batchSize, seed: baseSeed)
  }

  /// FNV-1a over the log's shape and every loss's bits: the replays' cache key.
  static func digest(_ log: LossLog) -> String {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for word in [UInt64(log.sampleCount), UInt64(log.epochCount)] + log.losses.map(\.bitPattern) {
      h = (h ^ word) &* 0x0000_0100_0000_01B3
    }
    return String(h, radix: 16)
  }

  /// `rule`'s `option` matched to `target` by replaying the log; nil for a placeholder.
  func setting(rule: String, option: String, range: ClosedRange<Double>, target: Double) throws
    -> MatchedPruning.Setting?
  {
    guard let log else { return nil }
    return try MatchedPruning.setting(
      rule: rule, option: option, range: range, target: target, log: log, key: key,
      batchSize: batchSize, seed: seed)
  }

  /// The replay's saving of catalog rule `rule` at its defaults; nil for a placeholder. Checked
  /// against runs already stored (InfoBatch's defaults, X-1's runs): the replay's no-feedback
  /// bias measured before RePB-4's own runs are trained.
  func replayedSaving(ruleNamed rule: String) throws -> Double? {
    guard let log else { return nil }
    return try MatchedPruning.replayedSaving(
      rule: rule, options: RuleOptions(), log: log, batchSize: batchSize, seed: seed)
  }
}
