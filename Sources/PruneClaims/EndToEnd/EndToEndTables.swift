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

  /// The words of a paired check's basis: where its uncertainty comes from and the smallest
  /// shortfall it resolves (a mean difference below -2 SE fails; cnn.md "each page states the
  /// smallest gap its seeds can detect").
  static func detectableGap(_ difference: SeedStatistics) -> String {
    let gap = 2 * difference.standardError
    return "SE of \(difference.count) seed-paired differences; tolerance 0; detects a gap "
      + (gap.isFinite ? "larger than 2 SE = \(ClaimTable.format(gap))" : "only with 2 or more seeds")
  }

  /// A check that `a` equals `b` within `tolerance` (paired by seed).
  static func equalCheck(
    setting: String, quantity: String, a: [Double], b: [Double], tolerance: Double
  ) -> ClaimCheck {
    let difference = SeedStatistics.pairedDifferences(a, b)
    let gap = 2 * difference.standardError + tolerance
    return ClaimCheck(
      setting: setting, quantity: quantity, measured: difference.mean, predicted: 0,
      uncertainty: difference.standardError, tolerance: tolerance, comparison: .equal,
      basis: "SE of \(difference.count) seed-paired differences; tolerance \(tolerance) fixed "
        + "before any run; detects a difference larger than tolerance + 2 SE = "
        + ClaimTable.format(gap))
  }
}
