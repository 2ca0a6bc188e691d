import PruneAnalysis

extension IB6SavedFraction {
  static func result(setting: Setting, seed: UInt64, runs: [Run]) throws -> ClaimResult {
    let measured = runs.map(\.measured)
    let approximation = runs.map(\.approximation)
    let exact = runs.map(\.exact)
    func meanAndError(_ values: [Double]) throws -> (Double, Double) {
      let mean = values.reduce(0, +) / Double(values.count)
      guard values.count > 1 else { return (mean, 0) }
      return (mean, try Statistics.standardDeviation(values) / Double(values.count).squareRoot())
    }
    let (measuredMean, measuredError) = try meanAndError(measured)
    let (approximationMean, _) = try meanAndError(approximation)
    let (exactMean, _) = try meanAndError(exact)
    let (fullMean, fullError) = try meanAndError(runs.map(\.fromFullData))
    let combinedError = (measuredError * measuredError + fullError * fullError).squareRoot()
    let checks = [
      ClaimCheck(
        setting: "r = \(setting.pruneRatio), δ = \(setting.delta), E = \(setting.epochs)",
        quantity: "saved share vs r · f̄_full · p (f̄ from full-data training, p = pruned epochs / E)",
        measured: measuredMean, predicted: fullMean, uncertainty: combinedError,
        tolerance: tolerance,
        basis: "SE over \(runs.count) seeds of both runs, in quadrature; tolerance 1 percentage "
          + "point (\"about\": the papers report savings in whole percents)"),
      .sanity(
        setting: "same runs, r · f̄ · δ with f̄ from the rule's own scores",
        quantity: "saved share vs the paper's r · f̄ · δ (counts epoch 0 as pruned)",
        measured: measuredMean, predicted: approximationMean,
        tolerance: 2 * approximationMean / (setting.delta * Double(setting.epochs))
          + 1 / Double(setting.sampleCount),
        comparison: .equal,
        basis: "epoch 0 and the floor of δE do not prune (≤ 2/(δE) of it), floor of κ|C| (≤ 1/N)"),
      .sanity(
        setting: "same runs, exact accounting",
        quantity: "saved share vs Σ_e (|C_e| − floor(κ|C_e|)) / (N E)",
        measured: measuredMean, predicted: exactMean, tolerance: exactTolerance),
    ]
    let summary = ClaimTable(
      name: "saved-fraction",
      caption: "One row per seed: the saved share counted by the engine, the paper's "
        + "approximation r·f̄·δ, the exact accounting, the mean below-mean share f̄ and the number "
        + "of pruned epochs.",
      header: [
        "seed", "measured_saved", "predicted_from_full_data", "predicted_r_f_delta",
        "predicted_exact", "full_data_below_mean_fraction", "mean_below_mean_fraction",
        "pruned_epochs",
      ],
      rows: runs.map {
        [
          String($0.seed), ClaimTable.format($0.measured), ClaimTable.format($0.fromFullData),
          ClaimTable.format($0.approximation), ClaimTable.format($0.exact),
          ClaimTable.format($0.fullDataFraction), ClaimTable.format($0.meanBelowMeanFraction),
          String($0.prunedEpochs),
        ]
      },
      showOnPage: true)
    var epochRows: [[String]] = []
    for run in runs {
      for o in run.observations {
        epochRows.append([
          String(run.seed), String(o.epoch), String(o.prunes),
          ClaimTable.format(o.belowMeanFraction), String(o.plannedSamples),
        ])
      }
    }
    let perEpoch = ClaimTable(
      name: "per-epoch",
      caption: "One row per seed and epoch: whether the epoch pruned, the share of scores below "
        + "the mean at plan time and the samples planned.",
      header: ["seed", "epoch", "prunes", "below_mean_fraction", "planned_samples"],
      rows: epochRows)
    let figure = try savedFractionFigure(runs, setting: setting)
    return ClaimResult(
      claim: Self(),
      statement: "With r = 0.5 and δ = 0.875 InfoBatch saves about r × (share of scores below "
        + "the mean) × δ of the sample-iterations of full training.",
      equation: "saved ≈ r · f̄ · δ,   f = |{z : H(z) < mean H}| / N",
      setting: [
        ("samples N", String(setting.sampleCount)),
        ("epochs E", String(setting.epochs)),
        ("batch size", String(setting.batchSize)),
        ("prune ratio r", ClaimTable.format(setting.pruneRatio)),
        ("annealing δ", ClaimTable.format(setting.delta)),
        ("learner", "SyntheticLearner, default knobs (log-normal difficulty, noise 0.1)"),
        ("seeds", "\(setting.seeds), from \(seed)"),
        ("engine", "PruneEngine.Simulation"),
      ],
      checks: checks, tables: [summary, perEpoch], figures: [figure],
      discussion: """
        The evidence check predicts the saving before pruning anything: f̄ is the below-mean \
        share of the same learner and seed trained on full data (the scores the rule would see \
        if pruning did not change the losses), and p the share of epochs that prune. Pruning \
        trains low-loss samples less often, which can shift the loss distribution; a rule that \
        prunes a different share (e.g. without annealing) fails the check. The paper's \
        r·f̄·δ with f̄ read from the rule's own scores is nearly an identity of the rule \
        (each pruned epoch drops r of its candidates) and is kept as a sanity check. With a right-skewed loss \
        distribution f is well above one half (most samples are easy, a few hard ones pull the \
        mean up), which is why InfoBatch saves more than r/2 of the pruned epochs' samples.

        The paper's r·f̄·δ counts all δE epochs as pruned; PruneLab (like the package) never \
        prunes epoch 0, and the last pruned epoch is the largest e with e + 1 ≤ δE. The exact \
        accounting, Σ_e (|C_e| − floor(κ|C_e|)) over the pruned epochs, must match the \
        engine's count to rounding: it checks that the rule prunes exactly what §1.2 says. The \
        uncertainty of the evidence check is the standard error over seeds.
        """)
  }
}
