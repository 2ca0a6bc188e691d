import PruneReport

/// The SVG figures of the InfoBatch claims (issue 3, item 6), drawn with PruneReport's ``XYPlot``.
extension ClaimFigure {
  /// A figure from a plot: the plot's deterministic SVG under `name`.
  init(plot: XYPlot, name: String, caption: String) {
    self.init(name: name, caption: caption, svg: plot.svg())
  }
}

/// The colour of the `index`-th quantity, so a measured series and its prediction share one.
func claimColor(_ index: Int) -> String {
  Palette.okabeIto[index % Palette.okabeIto.count]
}

extension IB1UnbiasedExpectation {
  static func biasFigure(_ measurements: [Measurement]) throws -> ClaimFigure {
    var plot = try XYPlot(
      title: "IB-1: relative bias of the pruned gradient sum",
      xAxis: Axis(label: "prune ratio r", scale: .linear, lower: 0, upper: 1),
      yAxis: .log10("‖E[estimator] − Σ_D g‖ / ‖Σ_D g‖"), legend: .below)
    let shown: [IB1Scheme] = [.rescaledExactCount, .unrescaled, .hard, .random]
    for (index, scheme) in shown.enumerated() {
      let rows = measurements.filter { $0.scheme == scheme }
      let x = rows.map(\.pruneRatio)
      let y = rows.map(\.measured)
      let lower = rows.map { max($0.measured - $0.noiseFloor, $0.measured / 10) }
      let upper = rows.map { $0.measured + $0.noiseFloor }
      let color = claimColor(index)
      plot.add(
        try PlotSeries(
          name: "\(scheme.rawValue): measured", x: x, y: y, style: .markers,
          appearance: SeriesAppearance(color: color, marker: Palette.appearance(at: index).marker)
        ).withUncertainty(lower: lower, upper: upper, as: .errorBars))
      plot.add(
        try PlotSeries(
          name: "\(scheme.rawValue): predicted", x: x, y: rows.map(\.predicted), style: .line,
          appearance: SeriesAppearance(color: color, dash: "6 4")))
    }
    if let floor = measurements.filter({ $0.scheme == .rescaledExactCount }).map(\.noiseFloor)
      .max()
    {
      plot.add(.horizontal(at: floor, label: "largest Monte-Carlo noise floor"))
    }
    return ClaimFigure(
      plot: plot, name: "bias-vs-r",
      caption: "Relative bias of the gradient-sum estimator against the prune ratio r for "
        + "rescaled InfoBatch, the same selection without rescaling, hard pruning of every "
        + "below-mean sample and dynamic random pruning (markers: Monte-Carlo, bars: noise floor; "
        + "dashed: closed-form prediction). The rescaled estimator's measured bias sits at the "
        + "Monte-Carlo noise floor; its predicted bias (the exact-count floor term) is tiny.")
  }
}

extension IB2VarianceBound {
  static func varianceFigure(_ couplings: [CouplingMeasurement]) throws -> ClaimFigure {
    var plot = XYPlot(
      title: "IB-2: variance of rescaled pruned gradients over the bound of Eq. 19",
      xAxis: .linear("gradient coordinate j"),
      yAxis: .linear("Var_S[γ g_j] / ((|D|/|S|)² Var_D[g_j])"), legend: .below)
    for c in couplings {
      plot.add(
        try PlotSeries(
          name: c.label, x: c.coordinateRatios.indices.map(Double.init), y: c.coordinateRatios))
    }
    plot.add(.horizontal(at: 1, label: "bound (Eq. 19)"))
    return ClaimFigure(
      plot: plot, name: "variance-ratio",
      caption: "Per-coordinate variance of InfoBatch's rescaled per-sample gradients over the "
        + "bound (|D|/|S|)² Var_D, averaged over pruning draws, for three loss/gradient "
        + "couplings. Below the line the bound holds; it holds only when small losses mean "
        + "small gradients.")
  }
}

extension IB3RescalingLimit {
  static func criticalRateFigure(
    _ criticals: [Critical], full: Critical, problem: QuadraticProblem
  ) throws -> ClaimFigure {
    let rescaled = criticals.filter { $0.mode == .rescaled }
    let unrescaled = criticals.filter { $0.mode == .unrescaled }
    var plot = try XYPlot(
      title: "IB-3: critical learning rate with and without rescaled pruning",
      xAxis: Axis(label: "prune ratio r", scale: .linear, lower: 0, upper: 1),
      yAxis: Axis(label: "critical learning rate ε_c", scale: .linear, lower: 0),
      legend: .below)
    let resolution = { (c: Critical) in
      c.learningRate * horizonResolution(steps: c.steps, dimension: problem.dimension)
    }
    plot.add(
      try PlotSeries(
        name: "rescaled InfoBatch: measured", x: rescaled.map(\.pruneRatio),
        y: rescaled.map(\.learningRate), style: .markers,
        appearance: SeriesAppearance(color: claimColor(0), marker: .circle)
      ).withUncertainty(halfWidth: rescaled.map(resolution), as: .errorBars))
    plot.add(
      try PlotSeries(
        name: "rescaled InfoBatch: predicted 2|S_t|/(|D| λ_max)", x: rescaled.map(\.pruneRatio),
        y: rescaled.map {
          problem.objective.criticalLearningRate(gradientScale: 1 / $0.keptFraction)
        }, style: .line,
        appearance: SeriesAppearance(color: claimColor(0), dash: "6 4")))
    plot.add(
      try PlotSeries(
        name: "InfoBatch selection, weights 1: measured", x: unrescaled.map(\.pruneRatio),
        y: unrescaled.map(\.learningRate), style: .markers,
        appearance: SeriesAppearance(color: claimColor(1), marker: .square)
      ).withUncertainty(halfWidth: unrescaled.map(resolution), as: .errorBars))
    plot.add(.horizontal(at: full.learningRate, label: "full data: measured"))
    return ClaimFigure(
      plot: plot, name: "critical-learning-rate",
      caption: "Critical learning rate found by bisection on divergence (markers, bars: the "
        + "divergence test's resolution) against the prune ratio, with the prediction of Eq. 23 "
        + "(dashed) and the full-data critical rate (horizontal line). Rescaled pruning follows "
        + "the predicted shrink |S_t|/|D|; without the weights the rate does not shrink.")
  }
}
