/// Tables and checks shared by the end-to-end claims.
enum EndToEndTables {
  /// The raw runs: one row per rule and seed.
  ///
  /// Wall-clock columns only with `includesTimes` (X-2, a timing-based claim): every other
  /// claim's files must regenerate byte for byte.
  static func runs(
    _ outcomes: [TrainingRunOutcome], name: String = "runs", includesTimes: Bool = false
  ) -> ClaimTable {
    var header = [
      "rule", "seed_index", "seed", "final_accuracy", "saved_fraction", "dsi",
      "trained_samples", "trained_batches", "epochs_trained",
    ]
    if includesTimes { header += ["wall_seconds", "selection_seconds"] }
    return ClaimTable(
      name: name,
      caption: "one training run per row: rule, seed, final test accuracy, saved fraction of "
        + "sample-iterations, DSI, trained samples and batches"
        + (includesTimes ? ", training wall seconds, seconds inside the rule" : ""),
      header: header,
      rows: outcomes.map { run in
        var row = [
          run.label, "\(run.seedIndex)", "\(run.seed)", ClaimTable.format(run.finalAccuracy),
          ClaimTable.format(run.savedFraction), ClaimTable.format(run.dataSavingIndex),
          "\(run.trainedSamples)", "\(run.trainedBatches)", "\(run.epochSamples.count)",
        ]
        if includesTimes {
          row += [ClaimTable.format(run.wallSeconds), ClaimTable.format(run.selectionSeconds)]
        }
        return row
      })
  }

  /// Mean ± std per rule of accuracy and saved fraction, shown on the page.
  static func summary(_ groups: [(String, [TrainingRunOutcome])]) -> ClaimTable {
    ClaimTable(
      name: "summary",
      caption: "per rule, over seeds: mean and standard deviation of final accuracy, mean saved "
        + "fraction and DSI",
      header: ["rule", "seeds", "accuracy_mean", "accuracy_std", "saved_mean", "dsi_mean"],
      rows: groups.map { label, runs in
        let accuracy = SeedStatistics(runs.map(\.finalAccuracy))
        return [
          label, "\(runs.count)", ClaimTable.format(accuracy.mean),
          ClaimTable.format(accuracy.standardDeviation),
          ClaimTable.format(SeedStatistics(runs.map(\.savedFraction)).mean),
          ClaimTable.format(SeedStatistics(runs.map(\.dataSavingIndex)).mean),
        ]
      }, showOnPage: true)
  }

  /// A check that `a` is at least `b` (paired by seed): measured mean(a_k - b_k) >= 0 with
  /// tolerance 0 and the paired standard error as uncertainty. With `isVacuous` the
  /// measurement is NaN (the verdict inconclusive): the two sides did not differ in what the
  /// comparison is about (e.g. no batch was dropped).
  static func atLeastCheck(
    setting: String, quantity: String, a: [Double], b: [Double], isVacuous: Bool = false
  ) -> ClaimCheck {
    let difference = SeedStatistics.pairedDifferences(a, b)
    return ClaimCheck(
      setting: setting, quantity: quantity, measured: isVacuous ? .nan : difference.mean,
      predicted: 0, uncertainty: difference.standardError, tolerance: 0, comparison: .atLeast,
      basis: detectableGap(difference))
  }

  /// The words of a tolerance-0 paired check's basis: where its uncertainty comes from and its
  /// band (a gap of 0 holds, a gap beyond 2 SE fails, one in between is inconclusive; cnn.md
  /// "each page states the smallest gap its seeds can detect").
  static func detectableGap(_ difference: SeedStatistics) -> String {
    let gap = 2 * difference.standardError
    return "SE of \(difference.count) seed-paired differences; tolerance 0: "
      + (gap.isFinite
        ? "holds at no gap, fails at a gap beyond 2 SE = \(PageNumber.spread(gap)), "
          + "inconclusive in between"
        : "holds at no gap, inconclusive otherwise (detects a gap only with 2 or more seeds)")
  }

  /// The ±1 percentage point within which two saved fractions count as the same budget
  /// (issue 9, "Matched budgets": saved fractions agree within ±1 percentage point).
  static let matchedSavingTolerance = 0.01

  /// The words of ``matchedSavingTolerance``'s basis.
  static let matchedSavingBasis = "±1 percentage point, issue 9's definition of matched budgets"

  /// A check that `a` equals `b` within `tolerance` (paired by seed), whose basis names where
  /// the tolerance comes from (`toleranceBasis`) and the smallest difference it detects.
  static func equalCheck(
    setting: String, quantity: String, a: [Double], b: [Double], tolerance: Double,
    toleranceBasis: String
  ) -> ClaimCheck {
    let difference = SeedStatistics.pairedDifferences(a, b)
    let gap = 2 * difference.standardError + tolerance
    return ClaimCheck(
      setting: setting, quantity: quantity, measured: difference.mean, predicted: 0,
      uncertainty: difference.standardError, tolerance: tolerance, comparison: .equal,
      basis: "uncertainty: SE of \(difference.count) seed-paired differences; tolerance "
        + "\(PageNumber.spread(tolerance)): \(toleranceBasis); detects a difference larger than "
        + (gap.isFinite
          ? "tolerance + 2 SE = \(PageNumber.spread(gap))" : "the tolerance only with 2 or more seeds"))
  }

  /// "About the same accuracy" (BLS-5, BLS-6): the seed-paired difference `candidate -
  /// reference` is within one seed standard deviation of the reference rule's accuracy (cnn.md's
  /// lossless convention: a difference within the seed spread is no difference), with the
  /// paired standard error as uncertainty. With one seed the spread is unknown: tolerance 0 and
  /// an infinite uncertainty make the check inconclusive unless the two are equal.
  static func sameAccuracyCheck(
    setting: String, quantity: String, candidate: [Double], reference: [Double],
    referenceName: String
  ) -> ClaimCheck {
    let spread = SeedStatistics(reference).standardDeviation
    return equalCheck(
      setting: setting, quantity: quantity, a: candidate, b: reference,
      tolerance: spread.isFinite ? spread : 0,
      toleranceBasis: "sd of \(referenceName)'s accuracy over \(reference.count) seeds (cnn.md's "
        + "lossless convention)")
  }

  /// What the seeds resolve, per evidence check: its standard error, tolerance and the smallest
  /// gap that fails it (tolerance + 2 SE; cnn.md "each page states the smallest gap its seeds
  /// can detect"), shown on the page.
  static func detectableGaps(_ checks: [ClaimCheck]) -> ClaimTable {
    ClaimTable(
      name: "detectable-gaps",
      caption: "per evidence check: the standard error of the seed-paired difference, the "
        + "tolerance, and the smallest gap beyond the prediction the seeds detect (tolerance + "
        + "2 SE)",
      header: ["setting", "quantity", "standard_error", "tolerance", "detectable_gap"],
      rows: checks.map {
        [
          $0.setting, $0.quantity, ClaimTable.format($0.uncertainty),
          ClaimTable.format($0.tolerance),
          ClaimTable.format($0.tolerance + Comparison.confidenceMultiplier * $0.uncertainty),
        ]
      }, showOnPage: true)
  }
}
