import PruneReport

/// BLS-4's page: tables, figures and words from the measured map and the checks.
enum ProxyQualityReport {
  struct Sizes {
    var sampleCount: Int
    var epochs: Int
    var snapshotEpochs: [Int]
    var alphas: [Double]
    var batchSizes: [Int]
    var noises: [Double]
    var draws: Int
    var resamples: Int
    var finalEpoch: Int
  }

  static func result(
    claim: ProxyQualityClaim, points: [ProxyQualityPoint], realPoints: [ProxyQualityPoint],
    checks: [ClaimCheck], modelRows: [[String]], sizes: Sizes
  ) throws -> ClaimResult {
    let alpha = ProxyQualityClaim.officialAlpha
    let final = points.filter { $0.epoch == sizes.finalEpoch && $0.alpha == alpha }
    let mapRows = final.map { p -> [String] in
      [
        ClaimTable.format(p.lossNoise), "\(p.batchSize)", ClaimTable.format(p.agreement),
        ClaimTable.format(p.referenceAgreement),
        ClaimTable.format(p.spearmanNeeded),
        ClaimTable.format(p.spearman), ClaimTable.format(p.referenceSpearman),
        p.works ? "works" : "breaks",
      ]
    }
    let realRows = realPoints.filter { $0.alpha == alpha }.map { p -> [String] in
      [
        "\(p.batchSize)", "\(p.epoch + 1)", ClaimTable.format(p.agreement),
        ClaimTable.format(p.referenceAgreement), ClaimTable.format(p.spearmanNeeded),
        ClaimTable.format(p.spearman), ClaimTable.format(p.referenceSpearman),
        p.works ? "works" : "breaks",
      ]
    }
    let allRows = (points + realPoints).map { p -> [String] in
      [
        p.learner, ClaimTable.format(p.lossNoise), "\(p.alpha)", "\(p.batchSize)", "\(p.epoch + 1)",
        ClaimTable.format(p.agreement), ClaimTable.format(p.referenceAgreement),
        ClaimTable.format(p.spearman), ClaimTable.format(p.kendall), ClaimTable.format(p.overlap),
        ClaimTable.format(p.referenceSpearman), ClaimTable.format(p.blsVsExpected),
        ClaimTable.format(p.lossVsExpected), ClaimTable.format(p.spearmanNeeded),
        p.works ? "works" : "breaks",
      ]
    }
    let worksCount = points.filter(\.works).count
    let judged = final.first { $0.lossNoise == ProxyQualityClaim.defaultNoise && $0.batchSize == 64 }
      ?? final.first
    var summary = ""
    if let judged {
      let needed = judged.spearmanNeeded
      summary = "For the default learner at epoch \(judged.epoch + 1), alpha = \(alpha) and "
        + "B = \(judged.batchSize), BLS puts \(PageNumber.format(100 * judged.agreement))% of the "
        + "samples on the same side of the mean as their current loss; the loss of one epoch "
        + "earlier does so for \(PageNumber.format(100 * judged.referenceAgreement))%. A score "
        + "with the loss's own distribution needs a Spearman correlation of about "
        + "\(PageNumber.format(needed)) with it to split that well; BLS reaches "
        + "\(PageNumber.format(judged.spearman)) (the one-epoch-old loss "
        + "\(PageNumber.format(judged.referenceSpearman))). "
    }
    let discussion = summary
      + "The threshold is what the statement is for: a score that InfoBatch can use in place of "
      + "the per-sample loss must split the samples about as the per-sample loss does, and the "
      + "loss itself only reproduces its split from one epoch to the next up to the learner's "
      + "visit noise and learning; so BLS is judged against that, not against a fixed number. "
      + "Of the \(points.count) points of the map (loss noise, alpha, B, epoch), "
      + "\(worksCount) reach the threshold. Composition noise grows with B relative to the 1/B "
      + "share of a sample's own loss in its batch mean, so larger batches rank worse; larger "
      + "alpha averages more of that noise away but lags behind a changing loss; more visit "
      + "noise lowers the threshold itself (the per-sample loss splits less reproducibly), which "
      + "is where a smoothed score can catch up. Late in training most synthetic samples sit "
      + "near the loss floor: the loss is right-skewed, most samples are below its mean, and a "
      + "below-mean split of the loss is very reproducible even where its rank correlation is "
      + "low (the floor's ranking is visit noise). BLS scores, averages over batches, are "
      + "nearly symmetric, so about half of them fall below their mean: InfoBatch on BLS prunes "
      + "from a different share of the data, which the agreement counts and Spearman does not. "
      + "The noise model (our model of why) keeps only "
      + "the own loss through the EMA and white composition noise drawn from each epoch's random "
      + "batch means, and ignores that the members of one batch share their noise; it is judged "
      + "within 2 combined standard errors. "
      + (realPoints.isEmpty
        ? "The committed Fashion-MNIST loss log (\(CommittedLossLog.path)) was not found, so the "
          + "real-run part is missing from this run."
        : "The same comparison on the mini-CNN's own per-sample losses (the committed full-data "
          + "log of the stress page, \(CommittedLossLog.path), made as its manifest "
          + "\(CommittedLossLog.manifest) says: Fashion-MNIST subset, B = 128) decides too: "
          + "\(realPoints.filter(\.works).count) of its \(realPoints.count) points reach the "
          + "threshold. The BLS scores are rebuilt from the log with reshuffled batches of each B, "
          + "as the trainer's loader makes them.")
    return ClaimResult(
      claim: claim,
      statement: "The BLS score s_i, an EMA of the mean losses of the batches sample i was in, "
        + "ranks samples like their true per-sample loss, so InfoBatch (or SeTa, RePB) can use it "
        + "when only batch mean losses are available.",
      equation: "s_i(e) = sum_k (1-alpha) alpha^k L(B_{i,e-k})\n"
        + "agreement(x, y) = share of i with (x_i < mean x) == (y_i < mean y)\n"
        + "statement: agreement(s, l(e)) >= agreement(l(e-1), l(e))\n"
        + "Spearman needed: that of a score with l(e)'s distribution reaching the threshold\n"
        + "model: s_i ~ sum_k (1-alpha) alpha^k l_i(e-k)/B + N(0, sum_k (1-alpha)^2 alpha^(2k) Var[n(e-k)])",
      setting: [
        ("learners", "SyntheticLearner, per-visit loss noise "
          + sizes.noises.map { ClaimTable.format($0) }.joined(separator: ", ")
          + " (default 0.1 is the setting judged)"),
        ("samples N", "\(sizes.sampleCount)"),
        ("epochs", "\(sizes.epochs), full data, batches reshuffled"),
        ("score source", "PruneCore BatchLossScore, zero init"),
        ("alpha", sizes.alphas.map { "\($0)" }.joined(separator: ", ")),
        ("batch sizes B", sizes.batchSizes.map { "\($0)" }.joined(separator: ", ")),
        ("epochs reported", sizes.snapshotEpochs.map { "\($0 + 1)" }.joined(separator: ", ")),
        ("model", "\(sizes.draws) Monte-Carlo draws"),
        ("uncertainty", "bootstrap over samples (\(sizes.resamples) resamples, 68% half-width)"),
      ],
      checks: checks,
      tables: [
        ClaimTable(
          name: "map",
          caption: "Where BLS ranking works (alpha = \(alpha), epoch \(sizes.finalEpoch + 1)): per "
            + "loss noise and B, the split agreement of BLS with the current loss, the threshold "
            + "(the one-epoch-old loss's agreement), the Spearman correlation a score with the "
            + "loss's own distribution needs to reach it, the Spearman of BLS and of the "
            + "one-epoch-old loss.",
          header: [
            "loss_noise", "batch_size", "bls_agreement", "threshold_agreement",
            "spearman_needed", "bls_spearman", "previous_loss_spearman", "verdict",
          ], rows: mapRows, showOnPage: true),
        ClaimTable(
          name: "fashion-mnist",
          caption: "The mini-CNN's per-sample losses on Fashion-MNIST (committed log), alpha = "
            + "\(alpha): per B and epoch, the split agreement of BLS with the current loss, the "
            + "threshold, the Spearman a score with the loss's distribution needs, the Spearman "
            + "of BLS and of the one-epoch-old loss.",
          header: [
            "batch_size", "epoch", "bls_agreement", "threshold_agreement", "spearman_needed",
            "bls_spearman", "previous_loss_spearman", "verdict",
          ], rows: realRows, showOnPage: !realRows.isEmpty),
        ClaimTable(
          name: "rank-correlation",
          caption: "Every point of the map: learner, loss noise, alpha, B and epoch; split "
            + "agreement of BLS and of the one-epoch-old loss with the current loss; Spearman, "
            + "Kendall and below-mean overlap of BLS with the loss; Spearman of the old loss; "
            + "Spearman of BLS and of the loss with the noise-free expected loss.",
          header: [
            "learner", "loss_noise", "alpha", "batch_size", "epoch", "bls_agreement",
            "threshold_agreement", "spearman", "kendall", "overlap", "previous_loss_spearman",
            "spearman_bls_vs_expected_loss", "spearman_loss_vs_expected_loss", "spearman_needed",
            "verdict",
          ], rows: allRows),
        ClaimTable(
          name: "model",
          caption: "Default learner, last epoch: measured Spearman and overlap next to the noise "
            + "model's.",
          header: [
            "alpha", "batch_size", "spearman", "spearman_model", "overlap", "overlap_model",
          ], rows: modelRows),
      ],
      figures: [
        ClaimFigure(
          name: "map",
          caption: "Split agreement of BLS scores with the current loss minus the threshold (the "
            + "one-epoch-old loss's agreement), at alpha = \(alpha) and epoch "
            + "\(sizes.finalEpoch + 1), against the per-visit loss noise (log scale), one line "
            + "per batch size: above zero BLS splits like the loss, below it does not.",
          svg: try mapFigure(final, batchSizes: sizes.batchSizes)),
        ClaimFigure(
          name: "rank-correlation",
          caption: "Default learner, epoch \(sizes.finalEpoch + 1): Spearman correlation of BLS "
            + "scores with the current loss against alpha, one colour per batch size (markers), "
            + "and the one-epoch-old loss's Spearman (dashed), the level the statement needs.",
          svg: try correlationFigure(
            points.filter {
              $0.epoch == sizes.finalEpoch && $0.lossNoise == ProxyQualityClaim.defaultNoise
            }, batchSizes: sizes.batchSizes)),
      ],
      discussion: discussion,
      modelQuestion: "Does own loss low-passed plus white composition noise (BLS-1, BLS-2) "
        + "predict the rank correlation?")
  }

  static func mapFigure(_ points: [ProxyQualityPoint], batchSizes: [Int]) throws -> String {
    var series: [PlotSeries] = []
    for (index, b) in batchSizes.enumerated() {
      let line = points.filter { $0.batchSize == b }.sorted { $0.lossNoise < $1.lossNoise }
      guard !line.isEmpty else { continue }
      series.append(
        try PlotSeries(
          name: "B = \(b)", x: line.map(\.lossNoise),
          y: line.map { $0.agreement - $0.referenceAgreement }, style: .lineAndMarkers,
          appearance: SeriesAppearance(
            color: Palette.okabeIto[index % Palette.okabeIto.count],
            marker: MarkerShape.allCases[index % MarkerShape.allCases.count])))
    }
    return XYPlot(
      title: "BLS-4: where BLS splits like the loss", xAxis: .log10("per-visit loss noise"),
      yAxis: .linear("agreement − threshold"), series: series, legend: .right
    ).svg()
  }

  static func correlationFigure(_ points: [ProxyQualityPoint], batchSizes: [Int]) throws -> String {
    var series: [PlotSeries] = []
    for (index, b) in batchSizes.enumerated() {
      let line = points.filter { $0.batchSize == b }.sorted { $0.alpha < $1.alpha }
      guard !line.isEmpty else { continue }
      let colour = Palette.okabeIto[index % Palette.okabeIto.count]
      series.append(
        try PlotSeries(
          name: "BLS, B = \(b)", x: line.map(\.alpha), y: line.map(\.spearman),
          style: .lineAndMarkers,
          appearance: SeriesAppearance(
            color: colour, marker: MarkerShape.allCases[index % MarkerShape.allCases.count])))
      if index == 0 {
        series.append(
          try PlotSeries(
            name: "loss one epoch earlier", x: line.map(\.alpha),
            y: line.map(\.referenceSpearman), style: .line,
            appearance: SeriesAppearance(color: "#000000", dash: "9 4")))
      }
    }
    return XYPlot(
      title: "BLS-4: rank correlation of BLS scores with the true loss",
      xAxis: .linear("alpha"), yAxis: .linear("Spearman"), series: series, legend: .right
    ).svg()
  }
}
