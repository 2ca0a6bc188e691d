/// BPAS-8: thresholds calibrated on a 10% stratified subset, applied to the full run, give a DSI
/// and an accuracy close to thresholds chosen on the full run (claims.md "Added claims" BPAS-8;
/// the paper: "δ can be calibrated using only 10% of the data rather than a full training run").
///
/// Both threshold pairs come from the same procedure (``BPASThresholdCalibration``: δ_e = the
/// median last-epoch change of X̄ of an unpruned run, δ_s = δ_e / 50), once on a full-data run
/// over a 10% stratified subset (the thresholds X-1 and BPAS-4 run, so their B-PAS runs are
/// shared) and once on a full-data run over the whole training set. B-PAS then trains the whole
/// training set with each pair, every seed; the differences are paired by seed.
///
/// Evidence checks (the paper's statement), each `|mean_k(x_k(10%) - x_k(full))| <= tolerance`:
/// - DSI, tolerance = the standard deviation over seeds of DSI at the full run's thresholds:
///   "close" means no farther apart than two seeds of the same thresholds;
/// - final accuracy, tolerance = the standard deviation over seeds of full data's accuracy (the
///   spread of cnn.md's lossless test).
/// The uncertainty is the standard error of the paired differences; a difference beyond
/// tolerance + 2 SE fails. A DSI that is 0 in every run (no batch dropped at either pair) makes
/// the DSI comparison void (NaN, inconclusive).
public struct BPAS8TenPercentCalibration: VariableClaim {
  public let id = "BPAS-8"
  public let family = ClaimFamily.bpas
  public let title = "Thresholds calibrated on 10% of the data"
  public init() {}

  public func run(
    in context: ClaimContext, workload: EndToEndWorkload, variation: ClaimVariation
  ) throws -> ClaimResult {
    let training = try EndToEndTraining(workload: workload, context: context)
    let profile = context.runProfile
    context.progress(0, "calibration runs")
    var subset = try BPASThresholdSetting.calibrated(training: training, baseSeed: context.seed)
    let whole = try BPASThresholdSetting.calibratedOnFullRun(
      training: training, baseSeed: context.seed)
    if variation.fault == .miscalibrated { subset = subset.scaled(by: 1e6) }
    context.progress(0.2, "full data")
    let fullRuns = try RuleChoice.fullData.trainAllSeeds(
      with: training, baseSeed: context.seed, seedCount: profile.referenceSeedCount)
    func trained(_ thresholds: BPASThresholdSetting, from progress: Double) throws
      -> [TrainingRunOutcome]
    {
      context.progress(progress, thresholds.label)
      return try thresholds.choice.trainAllSeeds(
        with: training, baseSeed: context.seed, isDerivedFromPlaceholder: thresholds.isPlaceholder)
    }
    let subsetRuns = try trained(subset, from: 0.4)
    let wholeRuns = try trained(whole, from: 0.7)

    let full = SeedStatistics(fullRuns.map(\.finalAccuracy))
    let referenceDSI = SeedStatistics(wholeRuns.map(\.dataSavingIndex))
    let dropsNothing = (subsetRuns + wholeRuns).allSatisfy { $0.dataSavingIndex == 0 }
    let runs = (subset: subsetRuns, whole: wholeRuns)
    let dsi = closeCheck(
      "DSI", \.dataSavingIndex, runs, within: referenceDSI,
      "sd of DSI over the \(referenceDSI.count) seeds at the full run's thresholds",
      isVacuous: dropsNothing)
    let accuracy = closeCheck(
      "final accuracy", \.finalAccuracy, runs, within: full,
      "sd of full data's accuracy over \(full.count) seeds (cnn.md's lossless spread)",
      isVacuous: false)
    let share = subset.calibration.map { Double($0.sampleCount) } ?? .nan
    let total = Double(training.data.train.sampleCount)
    let shareCheck = ClaimCheck.sanity(
      setting: "calibration subset", quantity: "share of the training set",
      measured: share / total, predicted: BPASThresholdCalibration.subsetFraction,
      tolerance: 0.5 / total,
      basis: "stratified subset of round(0.1 N) images; exact up to the rounding")

    let calibrations = [subset, whole].compactMap(\.calibration)
    let calibrationTable = ClaimTable(
      name: "calibrations",
      caption: "the two calibration runs (full data, seed 0, activations measured) and the "
        + "thresholds each gives",
      header: [
        "calibrated_on", "training_images", "planned_epochs", "batches_compared",
        "median_last_change", "delta_start", "delta_end",
      ],
      rows: calibrations.map {
        [
          $0.source, "\($0.sampleCount)", "\($0.plannedEpochs)", "\($0.comparedBatches)",
          PageNumber.format($0.medianChange), "\($0.deltaStart)", "\($0.deltaEnd)",
        ]
      }, showOnPage: true)
    let groups: [(String, [TrainingRunOutcome])] = [
      (RuleChoice.fullData.label, fullRuns), (subset.choice.label + " (10%)", subsetRuns),
      (whole.choice.label + " (full run)", wholeRuns),
    ]
    return ClaimResult(
      claim: self,
      statement: "Thresholds calibrated on a 10% stratified subset, applied to the full run, "
        + "give a DSI and an accuracy close to thresholds chosen on the full run.",
      equation: "delta_e = median_b |Xbar_{T-1}(b) - Xbar_T(b)| of an unpruned run, "
        + "delta_s = delta_e / 50\n"
        + "|DSI(10%) - DSI(full)| <= sd_seeds(DSI(full)),   "
        + "|acc(10%) - acc(full)| <= sd_seeds(acc(full data))",
      setting: workload.settingRows + subset.settingRows + whole.settingRows
        + (variation.fault == .miscalibrated
          ? [("fault", "10% thresholds x 1e6 (negative control)")] : []),
      checks: [dsi, accuracy, shareCheck],
      tables: [
        calibrationTable, EndToEndTables.summary(groups),
        EndToEndTables.detectableGaps([dsi, accuracy]),
        EndToEndTables.runs(fullRuns + subsetRuns + wholeRuns),
      ],
      discussion: "The paper calibrates delta on 10% of the data instead of a full training run "
        + "and publishes no formula; PruneLab's procedure (the setting rows) is applied to both "
        + "runs alike, so the comparison tests whether a 10% run's trajectory predicts the full "
        + "run's. A 10% run takes a tenth of the optimiser steps per epoch, so its activation "
        + "statistics move less from epoch to epoch; if that makes its thresholds smaller, the "
        + "DSI check shows it. Differences are paired by seed; each check's basis says the "
        + "smallest difference its seeds resolve.")
  }

  /// `mean_k(value(subset_k) - value(whole_k)) = 0` within one seed sd of `reference` (paired
  /// by seed; the spread's words are `toleranceSource`); NaN when `isVacuous`.
  private func closeCheck(
    _ name: String, _ value: KeyPath<TrainingRunOutcome, Double>,
    _ runs: (subset: [TrainingRunOutcome], whole: [TrainingRunOutcome]),
    within reference: SeedStatistics, _ toleranceSource: String, isVacuous: Bool
  ) -> ClaimCheck {
    let difference = SeedStatistics.pairedDifferences(
      runs.subset.map { $0[keyPath: value] }, runs.whole.map { $0[keyPath: value] })
    let tolerance = reference.standardDeviation
    let t = tolerance.isFinite ? tolerance : 0
    let resolved = t + 2 * difference.standardError
    return ClaimCheck(
      setting: "10% vs full-run calibration",
      quantity: "\(name), 10% thresholds - full-run thresholds",
      measured: isVacuous ? .nan : difference.mean, predicted: 0,
      uncertainty: difference.standardError, tolerance: t, comparison: .equal,
      basis: "tolerance \(PageNumber.spread(t)) = \(toleranceSource)"
        + "\(tolerance.isFinite ? "" : " (unknown with one seed: 0)"); "
        + "uncertainty = SE of \(difference.count) seed-paired differences; a difference larger "
        + "than tolerance + 2 SE = \(PageNumber.spread(resolved)) fails")
  }
}
