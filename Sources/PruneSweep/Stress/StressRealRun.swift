import PruneReport
import PruneSignals

/// The stress page's real-run part: the learner fitted to a mini-CNN Fashion-MNIST loss log,
/// claim G-1 (``StandInCheck``) on it, and an atlas centred on the fit.
public enum StressRealRun {
  /// The rules G-1 compares (rules that read per-sample losses; random draws the same samples
  /// on both sides and B-PAS reads activations the log does not hold).
  public static func checkedRules() throws -> [StressRule] {
    try StressRule.standard().filter { $0.catalogName != "bpas" }
  }

  /// The knobs around the fit: loss noise and label noise from 1/4 (or 0) to 4 times the fitted
  /// value, forgetting and heavy tails from none, and the BLS batch size around the run's 128.
  public static func knobs(around fit: LearnerConfiguration) -> [StressKnob] {
    let standard = StressKnob.standard
    let sigma = fit.noiseLevel
    let q = fit.labelNoiseFraction
    func copy(_ id: String, values: [Double]) -> StressKnob? {
      guard let knob = standard.first(where: { $0.id == id }) else { return nil }
      return StressKnob(
        id: knob.id, title: knob.title, values: values, axisLabel: knob.axisLabel,
        plotted: knob.plotted, applies: knob.applies, apply: knob.apply)
    }
    return [
      copy("loss-noise", values: [0.25, 0.5, 1, 2, 4].map { min(100, $0 * sigma) }),
      copy("heavy-tail", values: [.infinity, 10, 4, 2, 1.2]),
      copy(
        "label-noise",
        values: q > 0
          ? [0, q / 2, q, 2 * q, 4 * q].map { min(0.9, $0) } : [0, 0.05, 0.1, 0.2, 0.4]),
      copy("forgetting", values: [0, 0.05, 0.1, 0.2, 0.4]),
      copy("batch-size", values: [32, 64, 128, 256, 512]),
    ].compactMap { $0 }
  }

  /// The atlas centred on `fit`: the fitted knobs as base, the log's N and E, B = `batchSize`.
  public static func atlas(
    fit: LearnerFit, batchSize: Int, seedCount: Int, baseSeed: UInt64
  ) throws -> StressAtlas {
    let base = SweepConditions(
      learner: fit.configuration, activations: try ActivationConfiguration(), ruleOptions: .init())
    return try StressAtlas(
      setup: .init(
        samples: fit.sampleCount, batchSize: batchSize, epochs: fit.epochCount,
        seedCount: seedCount, baseSeed: baseSeed, base: base),
      rules: try StressRule.standard(), knobs: knobs(around: fit.configuration))
  }

  /// The section's Markdown and files.
  /// - Throws: ``PruneReport/PruneReportError`` from tables and figures.
  public static func section(
    provenance: String, fit: LearnerFit, check: StandInCheck, atlas: StressAtlas,
    budgets: [StressAtlas.Budget], points: [StressMeasurement]
  ) throws -> (markdown: String, files: [OutputFile]) {
    let c = fit.configuration
    let f = StressPage.f
    var text = "## Around a real run: the mini-CNN on Fashion-MNIST\n\n"
    text += provenance + "\n\n"
    text +=
      "`prunelab calibrate` fitted the learner to that log (method: `LearnerFit`, "
      + "`prunelab calibrate --help`): ℓ_0 = \(f(c.initialLoss)), ℓ_floor = \(f(c.lossFloor)), "
      + "η = \(f(c.learningSpeed)) per visit (γ folded in), difficulty "
      + "log-normal with σ_d = \(f(sigmaOf(c))), loss noise σ = \(f(c.noiseLevel)) "
      + "(\(c.heavyTailDegrees.map { "Student-t, ν = \(f($0))" } ?? "Gaussian")), "
      + "\(f(100 * c.labelNoiseFraction)) % of samples never learned (label noise, loss "
      + "\(f(c.noisyLoss))), forgetting rate \(f(c.forgettingRate)) (rise share of the log "
      + "\(f(fit.riseShare)), of the fitted learner \(f(fit.fittedRiseShare))), "
      + "\(c.classCount) classes, imbalance \(f(c.imbalanceRatio)).\n\n"

    text += "### G-1: is the fitted learner a faithful stand-in?\n\n"
    text +=
      "Each rule (at its catalog defaults, B = \(check.batchSize), seed \(check.seed)) "
      + "runs on the real log replayed and on the per-sample fitted learner; per epoch the saved "
      + "fractions and the pruned sets are compared (`StandInCheck`). Tolerances, stated before "
      + "measuring: mean |Δ saved| ≤ \(f(StandInCheck.savedTolerance)) and mean Jaccard "
      + "overlap of the pruned sets ≥ \(f(StandInCheck.overlapTolerance)). *Closed loop* trains "
      + "the fitted learner under the rule (what a sweep does); *open loop* replays the fitted "
      + "learner's own full-data log, like the real replay, which isolates the generator from "
      + "the feedback of pruning.\n\n"
    var table = try MarkdownTable(header: [
      "rule", "mode", "saved (log)", "saved (fitted)", "mean |Δ saved|", "overlap",
      "chance overlap", "overlap, log vs log (seed + 1)", "check",
    ])
    for row in check.rows {
      try table.append([
        row.rule, row.mode, NumberFormat.fixed(row.meanSavedLog, decimals: 3),
        NumberFormat.fixed(row.meanSavedFitted, decimals: 3), f(row.meanAbsoluteSavedDifference),
        NumberFormat.fixed(row.meanOverlap, decimals: 3),
        NumberFormat.fixed(row.meanChanceOverlap, decimals: 3),
        NumberFormat.fixed(row.seedOverlap, decimals: 3), row.holds ? "holds" : "fails",
      ])
    }
    text += table.markdown + "\n"
    text +=
      "How to read the overlaps: the log-vs-log column is the overlap a rule reaches with "
      + "itself on the real log when only its own random draws change (another seed). InfoBatch "
      + "and RePB prune a random share of their below-mean candidates and SeTa draws a random "
      + "subsample, so that column is the scale of the draw alone; the fitted learner runs with "
      + "the same seed as the replay, and its overlap above the chance column is the part of "
      + "the real pruned sets it reproduces through the samples' own losses.\n\n"
    let failing = check.rows.filter { $0.mode == "closed loop" && !$0.holds }.map(\.rule)
    text += "**Verdict G-1: \(check.isFaithful ? "holds" : "fails")**. "
    text +=
      check.isFaithful
      ? "On this log the fitted learner reproduces every rule's per-epoch saving and pruned set "
        + "within the tolerances.\n\n"
      : "The fitted learner is not a faithful stand-in for "
        + failing.joined(separator: ", ") + " on this log: sweeps around it describe the "
        + "learner's regime, not this run's sample by sample.\n\n"
    text += "![G-1 per-epoch saved fraction](../figures/stress-g1-saved-fraction.svg)\n\n"
    text +=
      "*Figure S.R1.* Per-epoch saved fraction of each rule on the real log (replayed) and "
      + "on the fitted learner (closed loop).\n\n"

    let breaks = StressPage.breakingPoints(atlas, points)
    text += "### The atlas around the fit\n\n"
    text +=
      "The same atlas with the fitted learner as base (N = \(atlas.setup.samples), B = "
      + "\(atlas.setup.batchSize), E = \(atlas.setup.epochs), S = \(atlas.setup.seedCount) seeds, "
      + "\(atlas.pointCount) rule points), each knob moving around its fitted value; rule "
      + "budgets calibrated to \(CSVValue.format(StressPage.budgetTarget)) at the fit:\n\n"
    text += try StressPage.budgetTable(budgets) + "\n"
    text += try StressPage.glanceTable(atlas, breaks) + "\n"
    text += "![Breaking points around the fit](../figures/stress-fmnist-atlas.svg)\n\n"
    text +=
      "*Figure S.R2.* Breaking points around the fitted Fashion-MNIST regime. Every point "
      + "is in [`data/stress-fmnist-points.csv`](data/stress-fmnist-points.csv); the G-1 "
      + "comparison per epoch in [`data/stress-g1.csv`](data/stress-g1.csv).\n\n"

    var g1 = try CSVTable(
      columns: ["rule", "mode", "epoch", "saved_fraction_log", "saved_fraction_fitted", "overlap"],
      name: "stress-g1")
    for row in check.rows {
      for (e, epoch) in row.perEpoch.enumerated() {
        try g1.append([
          .string(row.rule), .string(row.mode), .integer(e), .number(epoch.log),
          .number(epoch.fitted), CSVValue(epoch.overlap),
        ])
      }
    }
    var series: [PlotSeries] = []
    for row in check.rows where row.mode == "closed loop" {
      let epochs = row.perEpoch.indices.map(Double.init)
      series.append(try PlotSeries(name: "\(row.rule), log", x: epochs, y: row.perEpoch.map(\.log)))
      series.append(
        try PlotSeries(
          name: "\(row.rule), fitted", x: epochs, y: row.perEpoch.map(\.fitted), style: .markers))
    }
    let plot = XYPlot(
      title: "G-1: per-epoch saved fraction, real log vs fitted learner",
      xAxis: .linear("epoch"), yAxis: .linear("saved fraction of the epoch"), series: series)
    let files = [
      OutputFile(name: "notebooks-md/data/stress-g1.csv", text: g1.csvText),
      OutputFile(
        name: "notebooks-md/data/stress-fmnist-points.csv",
        text: try StressTables.points(points).csvText),
      OutputFile(
        name: "notebooks-md/data/stress-fmnist-breaking-points.csv",
        text: try StressTables.breakingPoints(breaks, knobs: atlas.knobs).csvText),
      OutputFile(name: "figures/stress-g1-saved-fraction.svg", text: plot.svg()),
      OutputFile(
        name: "figures/stress-fmnist-atlas.svg",
        text: StressFigures.atlas(breaks, rules: atlas.rules.map(\.name), knobs: atlas.knobs)),
    ]
    return (text, files)
  }

  static func sigmaOf(_ c: LearnerConfiguration) -> Double {
    if case .logNormal(_, let sigma) = c.difficulty { return sigma }
    return 0
  }
}
