import PruneReport

/// One run's retention curve n_i / n_0 (BPAS-1, BPAS-3).
struct BpasRetentionCurve {
  let name: String
  /// n_i per epoch that ran.
  let counts: [Int]
  let originalBatchCount: Int
  let plannedEpochs: Int
  let dsi: Double

  init(name: String, run: BpasSimulation) {
    self.name = name
    counts = run.trainedBatchesPerEpoch
    originalBatchCount = run.originalBatchCount
    plannedEpochs = run.ledger.plannedEpochs
    dsi = run.ledger.dataSavingIndex
  }

  /// n_i / n_0 for every planned epoch (0 after an early stop).
  var fractions: [Double] {
    (0..<plannedEpochs).map { e in
      e < counts.count ? Double(counts[e]) / Double(originalBatchCount) : 0
    }
  }

  /// Tidy rows: setting, 1-based epoch, batches, fraction.
  var rows: [[String]] {
    let values = fractions
    return (0..<plannedEpochs).map { e in
      [name, "\(e + 1)", "\(e < counts.count ? counts[e] : 0)", ClaimTable.format(values[e])]
    }
  }
}

/// Retention curves with their DSI in the legend.
enum BpasRetentionFigure {
  static func svg(_ curves: [BpasRetentionCurve], title: String) throws -> String {
    let series = try curves.map { curve in
      let epochs = (0..<curve.plannedEpochs).map { Double($0 + 1) }
      return try PlotSeries(
        name: "\(curve.name) (DSI \(PageFigureNumber.format(curve.dsi)))", x: epochs,
        y: curve.fractions,
        style: .line)
    }
    let plot = XYPlot(
      title: title, xAxis: .linear("epoch"), yAxis: .linear("retained batches n_i / n_0"),
      series: series, legend: .below)
    return plot.svg()
  }
}

/// Three-decimal numbers for legends.
enum PageFigureNumber {
  static func format(_ value: Double) -> String { PageNumber.format((value * 1000).rounded() / 1000) }
}
