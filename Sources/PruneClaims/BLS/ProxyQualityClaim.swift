import PruneAnalysis
import PruneCore
import PruneReport
import PruneSignals

/// BLS-4: BLS scores rank samples like their true per-sample loss.
///
/// Runs the real score source (``BlsScoreRun``) on the synthetic learner with reshuffled
/// batches, and measures Spearman and Kendall correlation (GSL / Knight) between the scores and
/// the samples' current losses, and the overlap of the below-mean sets InfoBatch would prune,
/// against alpha, B and epoch. The prediction is ``ProxyQualityModel``: low-passed own loss plus
/// white composition noise of the BLS-2 variance, filtered by BLS-1's EMA.
public struct ProxyQualityClaim: Claim {
  public let id = "BLS-4"
  public let family = ClaimFamily.bls
  public let title = "BLS scores rank samples like their true loss"

  /// Sizes override (tests); nil takes the run's profile.
  let size: ClaimSize?

  public init() { size = nil }

  init(size: ClaimSize) { self.size = size }

  public func run(in context: ClaimContext) throws -> ClaimResult {
    let size = ClaimSize.resolve(self.size, context)
    let sampleCount = size.pick(tiny: 256, quick: 2048, full: 16384)
    let epochs = size.pick(tiny: 10, quick: 60, full: 200)
    let snapshotEpochs = size.pick(tiny: [4, 9], quick: [4, 19, 59], full: [4, 19, 59, 119, 199])
    let alphas = EmaFilterResponseClaim.alphas(size).filter { $0 < 0.99 }
    let batchSizes = size.pick(tiny: [64], quick: [16, 64, 256], full: [16, 64, 256, 1024])
    let draws = size.pick(tiny: 2, quick: 8, full: 32)
    let resamples = size.pick(tiny: 10, quick: 100, full: 400)
    let finalEpoch = snapshotEpochs[snapshotEpochs.count - 1]
    let settings: [(String, LearnerConfiguration, Bool)] = [
      ("default learner", try LearnerConfiguration(), true),
      ("fast losses", try LearnerConfiguration(noiseLevel: 0.8), false),
    ]
    var checks: [ClaimCheck] = []
    var rows: [[String]] = []
    var curves: [String: [(Double, Double, Double, Double)]] = [:]
    var curveOrder: [String] = []
    for (settingIndex, (name, learner, holds)) in settings.enumerated() {
      let table = try LossTable.generate(
        configuration: learner, sampleCount: sampleCount, epochs: epochs, seed: context.seed,
        recordsExpectedLosses: true)
      let settingAlphas = holds ? alphas : [0.9]
      let settingSizes = holds ? batchSizes : [64]
      for (alphaIndex, alpha) in settingAlphas.enumerated() {
        context.progress(
          (Double(settingIndex) + Double(alphaIndex) / Double(settingAlphas.count))
            / Double(settings.count), "\(name), alpha = \(alpha)")
        for batchSize in settingSizes {
          let run = try BlsScoreRun.run(
            table, alpha: alpha, batchSize: batchSize, snapshotEpochs: Set(snapshotEpochs),
            seed: context.seed &+ 0xB154)
          for epoch in snapshotEpochs {
            guard let scores = run.snapshots[epoch] else { continue }
            let truth = Array(table.epoch(epoch))
            let spearman = try Correlation.spearman(scores, truth)
            let kendall = try Correlation.kendallTauB(scores, truth)
            let overlap = BelowMeanOverlap.jaccard(scores, truth)
            let level = Array(table.expectedEpoch(epoch))
            let blsVsLevel = try Correlation.spearman(scores, level)
            let lossVsLevel = try Correlation.spearman(truth, level)
            let isChecked = epoch == finalEpoch && (alpha == 0.9 || batchSize == 64)
              || (alpha == 0.9 && batchSize == 64)
            let model = isChecked
              ? try ProxyQualityModel.predict(
                table, alpha: alpha, batchSize: batchSize, epoch: epoch, draws: draws,
                seed: context.seed) : nil
            rows.append([
              name, "\(alpha)", "\(batchSize)", "\(epoch + 1)", ClaimTable.format(spearman),
              model.map { ClaimTable.format($0.spearman) } ?? "", ClaimTable.format(kendall),
              model.map { ClaimTable.format($0.kendall) } ?? "", ClaimTable.format(overlap),
              model.map { ClaimTable.format($0.overlap) } ?? "", ClaimTable.format(blsVsLevel),
              ClaimTable.format(lossVsLevel),
            ])
            if holds && epoch == finalEpoch {
              let key = "B = \(batchSize)"
              if curves[key] == nil { curveOrder.append(key) }
              curves[key, default: []].append((alpha, spearman, kendall, model?.spearman ?? .nan))
            }
            guard let model else { continue }
            let setting = "\(name), alpha = \(alpha), B = \(batchSize), epoch \(epoch + 1)"
            let errors = try bootstrapErrors(
              scores, truth, resamples: resamples, seed: context.seed)
            checks.append(
              ClaimCheck(
                setting: setting, quantity: "Spearman(BLS score, loss) vs model",
                measured: spearman, predicted: model.spearman,
                uncertainty: (errors.spearman * errors.spearman
                  + model.spearmanSpread * model.spearmanSpread).squareRoot(),
                tolerance: 0.05, expectedToHold: holds))
            checks.append(
              ClaimCheck(
                setting: setting, quantity: "Kendall tau-b(BLS score, loss) vs model",
                measured: kendall, predicted: model.kendall,
                uncertainty: (errors.kendall * errors.kendall
                  + model.kendallSpread * model.kendallSpread).squareRoot(),
                tolerance: 0.05, expectedToHold: holds))
            if alpha == 0.9 && batchSize == 64 && epoch == finalEpoch {
              checks.append(
                ClaimCheck(
                  setting: setting, quantity: "below-mean set overlap (Jaccard) vs model",
                  measured: overlap, predicted: model.overlap,
                  uncertainty: (errors.overlap * errors.overlap
                    + model.overlapSpread * model.overlapSpread).squareRoot(),
                  tolerance: 0.05, expectedToHold: holds))
            }
          }
        }
      }
    }
    context.progress(1, "done")
    return ClaimResult(
      id: id, family: family, title: title,
      statement: "The BLS score s_i, an EMA of the mean losses of the batches sample i was in, "
        + "ranks samples like their true per-sample loss, so InfoBatch (or SeTa, RePB) can use it "
        + "when only batch mean losses are available.",
      equation: "s_i(e) = sum_k (1-alpha) alpha^k L(B_{i,e-k})\n"
        + "model: s_i ~ sum_k (1-alpha) alpha^k l_i(e-k)/B + N(0, sum_k (1-alpha)^2 alpha^(2k) Var[n(e-k)])\n"
        + "quality: Spearman rho_s, Kendall tau_b between s and l(e); Jaccard of {s < mean s} and {l < mean l}",
      setting: [
        ("learners", "default SyntheticLearner (noiseLevel 0.1) and the same with noiseLevel 0.8"),
        ("samples N", "\(sampleCount)"), ("epochs", "\(epochs), full data, batches reshuffled"),
        ("score source", "PruneCore BatchLossScore, zero init"),
        ("alpha", alphas.map { "\($0)" }.joined(separator: ", ")),
        ("batch sizes B", batchSizes.map { "\($0)" }.joined(separator: ", ")),
        ("epochs reported", snapshotEpochs.map { "\($0 + 1)" }.joined(separator: ", ")),
        ("model", "\(draws) Monte-Carlo draws"),
        ("uncertainty", "bootstrap over samples (\(resamples) resamples, 68% half-width) and Monte-Carlo error, in quadrature"),
      ],
      checks: checks,
      tables: [
        ClaimTable(
          name: "rank-correlation",
          caption: "Per learner, alpha, B and epoch: Spearman and Kendall correlation between "
            + "BLS scores and the current per-sample loss, the below-mean overlap, each with the "
            + "model's prediction (where a check was made), and the Spearman correlation of the "
            + "BLS score and of the measured loss with the learner's noise-free expected loss.",
          header: [
            "learner", "alpha", "batch_size", "epoch", "spearman", "spearman_model", "kendall",
            "kendall_model", "overlap", "overlap_model", "spearman_bls_vs_expected_loss",
            "spearman_loss_vs_expected_loss",
          ], rows: rows, showOnPage: false)
      ],
      figures: [
        ClaimFigure(
          name: "rank-correlation",
          caption: "Rank correlation between BLS scores and the true per-sample loss at epoch "
            + "\(finalEpoch + 1) against alpha, one colour per batch size: Spearman (markers, "
            + "solid), Kendall (dotted) and the model's Spearman (dashed). Larger B lowers the "
            + "correlation (more composition noise relative to the 1/B signal); larger alpha "
            + "averages the noise away but lags behind a changing loss.",
          svg: try ProxyQualityFigure.svg(curves: curveOrder.map { ($0, curves[$0] ?? []) }))
      ],
      discussion: "The model keeps only what the frequency argument uses (own loss through the "
        + "EMA, white composition noise drawn from each epoch's own distribution of random batch "
        + "means) and ignores that the members of one batch share their noise; the zero "
        + "initialisation lowers every score alike and cannot change a ranking. The 0.05 absolute tolerance is "
        + "set by that omission, not by the sampling error (which the uncertainty carries). With "
        + "80% per-visit loss noise the current loss is mostly noise that the EMA cannot "
        + "follow; those checks are reported with expectedToHold = false. Late in training most "
        + "synthetic samples sit near the loss floor, where the measured loss ranks them by its "
        + "own 10% noise, so every correlation with it is low; the last two columns of the data "
        + "compare both proxies (BLS score, measured loss) with the noise-free expected loss.")
  }

  /// Bootstrap standard errors (68% half-widths) of the three statistics, resampling samples.
  private func bootstrapErrors(
    _ scores: [Double], _ truth: [Double], resamples: Int, seed: UInt64
  ) throws -> (spearman: Double, kendall: Double, overlap: Double) {
    func halfWidth(_ stream: UInt64, _ statistic: @escaping ([Double], [Double]) throws -> Double) throws -> Double {
      var generator = SeededGenerator(seed: seed, stream: stream)
      var x = scores
      var y = truth
      let interval = try Bootstrap.percentileInterval(
        count: scores.count, confidence: 0.6827, resamples: resamples, generator: &generator
      ) { picks in
        for (slot, pick) in picks.enumerated() {
          x[slot] = scores[pick]
          y[slot] = truth[pick]
        }
        return (try? statistic(x, y)) ?? .nan
      }
      return (interval.upper - interval.lower) / 2
    }
    return (
      try halfWidth(0xB154_0001) { try Correlation.spearman($0, $1) },
      try halfWidth(0xB154_0002) { try Correlation.kendallTauB($0, $1) },
      try halfWidth(0xB154_0003) { BelowMeanOverlap.jaccard($0, $1) }
    )
  }
}

/// BLS-4's figure.
enum ProxyQualityFigure {
  static func svg(curves: [(String, [(Double, Double, Double, Double)])]) throws -> String {
    var series: [PlotSeries] = []
    for (index, (name, points)) in curves.enumerated() {
      let colour = Palette.okabeIto[index % Palette.okabeIto.count]
      let marker = MarkerShape.allCases[index % MarkerShape.allCases.count]
      let x = points.map(\.0)
      series.append(
        try PlotSeries(
          name: "Spearman, \(name)", x: x, y: points.map(\.1), style: .lineAndMarkers,
          appearance: SeriesAppearance(color: colour, marker: marker)))
      series.append(
        try PlotSeries(
          name: "Kendall, \(name)", x: x, y: points.map(\.2), style: .line,
          appearance: SeriesAppearance(color: colour, dash: "2.5 3")))
      series.append(
        try PlotSeries(
          name: "model Spearman, \(name)", x: x, y: points.map(\.3), style: .line,
          appearance: SeriesAppearance(color: colour, dash: "9 4")))
    }
    let plot = XYPlot(
      title: "BLS-4: rank correlation of BLS scores with the true loss",
      xAxis: .linear("alpha"), yAxis: .linear("rank correlation"), series: series,
      legend: .right)
    return plot.svg()
  }
}
