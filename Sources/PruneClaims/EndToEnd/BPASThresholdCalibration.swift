import Foundation

/// B-PAS's thresholds δ_s, δ_e chosen the paper's way: from the activation-spread trajectory of
/// a short calibration run on 10% of the data (issue 10, X-1: "B-PAS with thresholds calibrated
/// the paper's way"; claims.md BPAS-8).
///
/// What the sources say (algorithms.md Part A "B-PAS" and §5.3):
/// - the paper: "δ can be calibrated using only 10% of the data rather than a full training run"
///   (quoted in claims.md BPAS-8); it publishes the thresholds it used, not a formula;
/// - the official code has no calibration routine: δ_s and δ_e are command-line arguments
///   (ImageNet ResNets 5e-6 / 5e-5, CvT 1e-5 / 5e-4) or notebook constants (32 x 32: 1e-6 / 5e-5),
///   and the README invites the user to adjust them.
///
/// PruneLab's deterministic reading of "calibrated on 10% of the data" **[inferred]**:
/// 1. train full data (no pruning) on a stratified 10% subset of the training set, with the
///    run's recipe, batch size B and planned epochs T, recording X̄_t(b) of every batch b in
///    every epoch t (the same statistic the rule reads: mean over the taps of the unbiased std
///    of the post-ReLU activations, algorithms.md §5.2);
/// 2. δ_e = the median over batches of |X̄_{T-1}(b) − X̄_T(b)|, the change of a typical batch
///    at the last planned epoch, where δ(T) = δ_e is applied: by the end of the plan a batch at
///    least as stable as half the batches of an unpruned run counts as stable;
/// 3. δ_s = δ_e / 50, keeping the shape of the schedule of the notebook's 32 x 32 setting
///    (δ_e / δ_s = 5e-5 / 1e-6), whose defaults the rule keeps;
/// 4. both rounded to 3 significant digits, so the rule's parameters (and so the runs'
///    fingerprints) have a short exact spelling.
/// The procedure is a function of the trajectory only: applied to a full-data run on the whole
/// training set it gives "thresholds chosen on the full run", which BPAS-8 compares with it.
struct BPASThresholdCalibration: Sendable, Hashable {
  /// The share of the training set the paper's calibration uses.
  static let subsetFraction = 0.1
  /// δ_e / δ_s of the notebook's 32 x 32 setting (algorithms.md §5.3).
  static let scheduleRatio = 50.0
  /// Where δ_e sits in the last epoch's changes: the median.
  static let endQuantile = 0.5

  /// What the calibration was run on ("10% stratified subset (6000 of 60000)").
  let source: String
  /// Training images of the calibration run.
  let sampleCount: Int
  /// Planned epochs T of the calibration run.
  let plannedEpochs: Int
  /// Batches compared at the last epoch (trained in both T-1 and T).
  let comparedBatches: Int
  /// The median change at the last epoch, before rounding.
  let medianChange: Double
  /// The calibrated thresholds (rounded).
  let deltaStart: Double
  let deltaEnd: Double

  /// The thresholds from a run's per-epoch batch statistics
  /// (``TrainingRunOutcome/batchStatistics``).
  ///
  /// - Throws: ``ClaimsError/computationFailed(id:reason:)`` when the run has fewer than two
  ///   epochs of statistics, no batch measured in both of its last two epochs, or a median
  ///   change that is zero or not finite (no positive threshold follows from it).
  static func calibrate(
    statistics: [[Int: Double]], sampleCount: Int, plannedEpochs: Int, source: String
  ) throws -> BPASThresholdCalibration {
    guard statistics.count >= 2 else {
      throw ClaimsError.computationFailed(
        id: "B-PAS calibration",
        reason: "the calibration run has \(statistics.count) epoch(s) of activation statistics; "
          + "two are needed to measure a change (plan at least 2 epochs and measure activations)")
    }
    let before = statistics[statistics.count - 2]
    let last = statistics[statistics.count - 1]
    let changes = last.keys.sorted().compactMap { batch -> Double? in
      guard let now = last[batch], let earlier = before[batch] else { return nil }
      return abs(now - earlier)
    }.sorted()
    guard !changes.isEmpty else {
      throw ClaimsError.computationFailed(
        id: "B-PAS calibration",
        reason: "no batch of the calibration run was measured in both of its last two epochs")
    }
    let median = quantile(changes, endQuantile)
    guard median.isFinite, median > 0 else {
      throw ClaimsError.computationFailed(
        id: "B-PAS calibration",
        reason: "the median activation-spread change at the last epoch is \(median); no positive "
          + "threshold follows from it")
    }
    let end = roundedToSignificant(median, digits: 3)
    let start = roundedToSignificant(end / scheduleRatio, digits: 3)
    return BPASThresholdCalibration(
      source: source, sampleCount: sampleCount, plannedEpochs: plannedEpochs,
      comparedBatches: changes.count, medianChange: median, deltaStart: start, deltaEnd: end)
  }

  /// The q-quantile of sorted values by linear interpolation between order statistics
  /// (q = 0.5: the median; the mean of the two middle values for an even count).
  static func quantile(_ sorted: [Double], _ q: Double) -> Double {
    precondition(!sorted.isEmpty && q >= 0 && q <= 1, "a quantile of some values")
    let position = q * Double(sorted.count - 1)
    let lower = Int(position.rounded(.down))
    let upper = min(lower + 1, sorted.count - 1)
    let fraction = position - Double(lower)
    return sorted[lower] + fraction * (sorted[upper] - sorted[lower])
  }

  /// `value` rounded to `digits` significant decimal digits (positive finite values).
  static func roundedToSignificant(_ value: Double, digits: Int) -> Double {
    guard value.isFinite, value > 0 else { return value }
    let text = String(format: "%.\(digits - 1)e", value)
    return Double(text) ?? value
  }

  /// The setting rows a page shows for this calibration.
  var settingRows: [(String, String)] {
    [
      (
        "B-PAS calibration",
        "full data on \(source), \(plannedEpochs) planned epochs, activations measured; "
          + "delta_e = median |Xbar_{T-1}(b) - Xbar_T(b)| over \(comparedBatches) batches = "
          + "\(deltaEnd) (unrounded \(PageNumber.format(medianChange))), "
          + "delta_s = delta_e / \(Int(Self.scheduleRatio)) = \(deltaStart)"
      )
    ]
  }
}
