import PruneAnalysis
import PruneReport

/// Power spectra on log-log axes, with optional vertical crossover markers (BLS-2, BLS-3).
enum SpectraFigure {
  static func svg(
    title: String, spectra: [(String, PowerSpectrum)], crossovers: [(String, Double)],
    densityLabel: String = "power spectral density"
  ) throws -> String {
    let series = try spectra.map { name, spectrum in
      let bins = Array(spectrum.frequencies.indices.dropFirst())
      return try PlotSeries(
        name: name, x: bins.map { spectrum.frequencies[$0] }, y: bins.map { spectrum.density[$0] },
        style: .line)
    }
    let lines = crossovers.filter { $0.1.isFinite && $0.1 > 0 }.map {
      ReferenceLine.vertical(at: $0.1, label: $0.0)
    }
    let plot = XYPlot(
      title: title, xAxis: .log10("frequency f (cycles per visit)"),
      yAxis: .log10(densityLabel), series: series, referenceLines: lines,
      legend: .below)
    return plot.svg()
  }
}
