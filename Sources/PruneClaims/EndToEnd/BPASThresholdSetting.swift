/// The B-PAS threshold pairs the end-to-end claims run.
///
/// - ``calibrated(training:baseSeed:)``: thresholds calibrated the paper's way, on a full-data
///   run over a 10% stratified subset (``BPASThresholdCalibration``); the setting every profile
///   runs first, and the only one of the paper profile (issue 10, X-1).
/// - ``paper``: the notebook's 32 x 32 thresholds (delta_s 1e-6, delta_e 5e-5), from ResNet
///   training; on the small ref-cnn the activation statistic moves far more from epoch to epoch,
///   so few or no batches fall below them. The small profiles run it beside the calibrated one.
/// - ``scaled``: PruneLab's earlier setting, both thresholds 1000 times the paper's; kept for
///   X-2's small profiles, not the paper's.
struct BPASThresholdSetting: Sendable, Hashable {
  let label: String
  let deltaStart: Double
  let deltaEnd: Double
  /// The calibration the thresholds come from (nil for fixed settings).
  var calibration: BPASThresholdCalibration? = nil
  /// The thresholds stand in for a calibration run the store does not hold yet: runs built
  /// with them are blocked (``RunProvider``) until it is stored.
  var isPlaceholder = false

  static let paper = BPASThresholdSetting(
    label: "paper thresholds 1e-6..5e-5", deltaStart: 1e-6, deltaEnd: 5e-5)
  static let scaled = BPASThresholdSetting(
    label: "PruneLab thresholds 1e-3..5e-2 (x1000, not the paper's)", deltaStart: 1e-3,
    deltaEnd: 5e-2)

  /// The settings a profile runs: the calibrated thresholds, and in the small profiles also the
  /// paper's (each setting costs 3 runs per claim of the paper profile's 12-hour budget).
  static func settings(
    for profile: RunProfile, training: EndToEndTraining, baseSeed: UInt64
  ) throws -> [BPASThresholdSetting] {
    let calibrated = try calibrated(training: training, baseSeed: baseSeed)
    return profile.pick(small: [calibrated, paper], paper: [calibrated])
  }

  /// The number of settings ``settings(for:training:baseSeed:)`` returns.
  static func settingCount(for profile: RunProfile) -> Int { profile.pick(small: 2, paper: 1) }

  /// The training of the paper's calibration run: the same workload and network on a
  /// stratified 10% subset of the training set (drawn with the claim's seed).
  static func calibrationTraining(_ training: EndToEndTraining) throws -> EndToEndTraining {
    let count = training.data.train.sampleCount
    let subset = max(1, Int((Double(count) * BPASThresholdCalibration.subsetFraction).rounded()))
    return try training.withTrainSubset(subset)
  }

  /// The thresholds calibrated the paper's way: full data on 10% of the training set, seed 0
  /// of the claim, activations measured (a run of the store, shared by every claim that asks).
  static func calibrated(training: EndToEndTraining, baseSeed: UInt64) throws
    -> BPASThresholdSetting
  {
    let subset = try calibrationTraining(training)
    let total = training.data.train.sampleCount
    let n = subset.data.train.sampleCount
    return try calibrated(
      from: subset, baseSeed: baseSeed,
      source: "a 10% stratified subset (\(n) of \(total) training images)",
      label: "calibrated on 10%")
  }

  /// The thresholds the same procedure gives on a full-data run of `training` itself (BPAS-8's
  /// "thresholds chosen on the full run").
  static func calibratedOnFullRun(training: EndToEndTraining, baseSeed: UInt64) throws
    -> BPASThresholdSetting
  {
    try calibrated(
      from: training, baseSeed: baseSeed,
      source: "the whole training set (\(training.data.train.sampleCount) images)",
      label: "calibrated on the full run")
  }

  private static func calibrated(
    from training: EndToEndTraining, baseSeed: UInt64, source: String, label: String
  ) throws -> BPASThresholdSetting {
    let run = try RuleChoice(label: "calibration run (\(label))", ruleName: "full").train(
      with: training, baseSeed: baseSeed, seedIndex: 0, measuresActivations: true)
    guard !run.isPlaceholder else {
      // Any valid pair: the runs built from it are blocked and never trained or shown.
      return BPASThresholdSetting(
        label: "\(label) (calibration run not stored yet)", deltaStart: scaled.deltaStart,
        deltaEnd: scaled.deltaEnd, isPlaceholder: true)
    }
    let calibration = try BPASThresholdCalibration.calibrate(
      statistics: run.batchStatistics, sampleCount: run.sampleCount,
      plannedEpochs: run.plannedEpochs, source: source)
    return BPASThresholdSetting(
      label: "\(label): \(calibration.deltaStart)..\(calibration.deltaEnd)",
      deltaStart: calibration.deltaStart, deltaEnd: calibration.deltaEnd,
      calibration: calibration)
  }

  /// Both thresholds times `factor` (a negative control's miscalibration, ``Fault/miscalibrated``).
  func scaled(by factor: Double) -> BPASThresholdSetting {
    BPASThresholdSetting(
      label: "\(label) x \(factor)", deltaStart: deltaStart * factor, deltaEnd: deltaEnd * factor,
      calibration: calibration, isPlaceholder: isPlaceholder)
  }

  /// The B-PAS rule choice with these thresholds (a placeholder's label names its calibration,
  /// so the pending runs of different calibrations are listed apart).
  var choice: RuleChoice {
    RuleChoice(
      label: isPlaceholder ? "bpas \(label)" : "bpas \(deltaStart)..\(deltaEnd)",
      ruleName: "bpas",
      options: [("delta-start", "\(deltaStart)"), ("delta-end", "\(deltaEnd)")])
  }

  /// The page's setting rows: the thresholds, and how they were calibrated.
  var settingRows: [(String, String)] {
    [(choice.label, label)] + (calibration?.settingRows ?? [])
  }
}
