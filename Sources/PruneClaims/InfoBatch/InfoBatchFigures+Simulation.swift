import PruneCore
import PruneReport

extension IB4Annealing {
  static func annealingFigures(_ measurements: [DeltaMeasurement]) throws -> [ClaimFigure] {
    let deltas = measurements.map(\.delta)
    var residual = try XYPlot(
      title: "IB-4: residual of the rescaled loss sum in the last epochs",
      xAxis: .linear("annealing δ"),
      yAxis: Axis(
        label: "RMS of Σ_S w s / Σ_D s − 1",
        scale: .linear, lower: 0), legend: .below)
    residual.add(
      try PlotSeries(
        name: "measured", x: deltas, y: measurements.map(\.measuredRMS), style: .markers,
        appearance: SeriesAppearance(color: claimColor(0), marker: .circle)
      ).withUncertainty(halfWidth: measurements.map(\.measuredRMSError), as: .errorBars))
    residual.add(
      try PlotSeries(
        name: "predicted (sampling without replacement)", x: deltas,
        y: measurements.map(\.predictedRMS), style: .line,
        appearance: SeriesAppearance(color: claimColor(0), dash: "6 4")))
    var loss = XYPlot(
      title: "IB-4: final loss against full-data training",
      xAxis: .linear("annealing δ"), yAxis: .linear("final mean loss − full data's"),
      legend: .below)
    let gaps = measurements.map { mean($0.finalLossGaps) }
    let spreads = try measurements.map { m -> Double in
      m.finalLossGaps.count > 1 ? try standardDeviation(m.finalLossGaps) : 0
    }
    loss.add(
      try PlotSeries(name: "mean over seeds ± 1 sd", x: deltas, y: gaps)
        .withUncertainty(halfWidth: spreads, as: .errorBars))
    loss.add(.horizontal(at: 0, label: "full data"))
    return [
      ClaimFigure(
        plot: residual, name: "residual-vs-delta",
        caption: "RMS over seeds and the last epochs of the relative residual of the rescaled "
          + "loss sum (markers, bars: bootstrap 68% half-width) and its prediction from the "
          + "scores (dashed), against δ. Annealed epochs have no residual."),
      ClaimFigure(
        plot: loss, name: "final-loss-vs-delta",
        caption: "Final mean expected loss minus that of full-data training on the same learner "
          + "seed, mean and standard deviation over seeds, against δ."),
    ]
  }

  static func standardDeviation(_ values: [Double]) throws -> Double {
    let m = mean(values)
    let squares = values.reduce(0) { $0 + ($1 - m) * ($1 - m) }
    return (squares / Double(values.count - 1)).squareRoot()
  }
}

extension IB5SelectionOverhead {
  static func timingFigure(_ timings: [Measurement], sizes: [Int]) throws -> ClaimFigure {
    var plot = XYPlot(
      title: "IB-5: CPU time to select against the number of scores (timings vary per run)",
      xAxis: .log10("number of scores N"), yAxis: .log10("fastest CPU time (s)"), legend: .below)
    for operation in Operation.allCases {
      let rows = timings.filter { $0.operation == operation }.sorted { $0.size < $1.size }
      plot.add(
        try PlotSeries(
          name: operation.rawValue, x: rows.map { Double($0.size) }, y: rows.map(\.fastest)))
    }
    return ClaimFigure(
      plot: plot, name: "time-vs-n",
      caption: "Fastest of the repetitions for the mean threshold, the median by quickselect, "
        + "the median by full sort and the whole InfoBatch epoch plan, against N (log-log). "
        + "Thread CPU times: this figure changes from run to run.")
  }
}

extension IB6SavedFraction {
  static func savedFractionFigure(_ runs: [Run], setting: Setting) throws -> ClaimFigure {
    var plot = try XYPlot(
      title: "IB-6: share of samples trained per epoch",
      xAxis: .linear("epoch"), yAxis: Axis(label: "|S_t| / N", scale: .linear, lower: 0),
      legend: .below)
    if let run = runs.first {
      let epochs = run.observations.map { Double($0.epoch) }
      plot.add(
        try PlotSeries(
          name: "planned by InfoBatch (seed \(run.seed))", x: epochs,
          y: run.observations.map { Double($0.plannedSamples) / Double(setting.sampleCount) },
          style: .line))
      plot.add(
        try PlotSeries(
          name: "predicted 1 − r f_e", x: epochs,
          y: run.observations.map { $0.prunes ? 1 - setting.pruneRatio * $0.belowMeanFraction : 1 },
          style: .markers))
      let below = run.observations.map(\.belowMeanFraction)
      plot.add(
        try PlotSeries(name: "below-mean share f_e", x: epochs, y: below, style: .line))
    }
    let firstFull = Annealing.firstFullEpoch(plannedEpochs: setting.epochs, delta: setting.delta)
    plot.add(.vertical(at: Double(firstFull), label: "first annealed epoch"))
    return ClaimFigure(
      plot: plot, name: "kept-share-per-epoch",
      caption: "Per epoch: the share of samples InfoBatch planned, the prediction 1 − r·f_e from "
        + "the share f_e of scores below their mean, and f_e itself. Epoch 0 and the annealed "
        + "epochs train everything.")
  }
}
