import PruneAnalysis
import PruneReport

#if canImport(Glibc)
import Glibc
#endif

/// BLS-1's figure: measured |H| (impulse response, markers; white noise, thin line) against the
/// analytic first-order low-pass (dashed), one colour per alpha, log-log axes.
enum EmaResponseFigure {
  static func svg(_ curves: [EmaResponseCurves]) throws -> String {
    var series: [PlotSeries] = []
    for (index, curve) in curves.enumerated() {
      let colour = Palette.okabeIto[index % Palette.okabeIto.count]
      let picks = logSpacedBins(curve.impulse.frequencies, count: 24)
      let f = picks.map { curve.impulse.frequencies[$0] }
      series.append(
        try PlotSeries(
          name: "alpha = \(curve.alpha), impulse", x: f, y: picks.map { curve.impulse.magnitude[$0] },
          style: .markers, appearance: SeriesAppearance(color: colour, marker: .circle)))
      let noiseBins = Array(curve.whiteNoise.frequencies.indices.dropFirst())
      series.append(
        try PlotSeries(
          name: "alpha = \(curve.alpha), white noise",
          x: noiseBins.map { curve.whiteNoise.frequencies[$0] },
          y: noiseBins.map { curve.whiteNoise.magnitude[$0] }, style: .line,
          appearance: SeriesAppearance(color: colour, dash: "1.5 3")))
      let dense = logSpacedFrequencies(from: curve.impulse.frequencies[1], to: 0.5, count: 200)
      series.append(
        try PlotSeries(
          name: "alpha = \(curve.alpha), analytic", x: dense,
          y: dense.map { MagnitudeResponse.exponentialMovingAverage(alpha: curve.alpha, frequency: $0) },
          style: .line, appearance: SeriesAppearance(color: colour, dash: "9 4")))
    }
    let plot = XYPlot(
      title: "BLS-1: EMA magnitude response, measured vs analytic",
      xAxis: .log10("frequency f (cycles per visit)"), yAxis: .log10("|H(f)|"), series: series,
      legend: .right)
    return plot.svg()
  }

  /// About `count` bin indices whose frequencies are spread evenly on a log axis (bin 0 left out).
  static func logSpacedBins(_ frequencies: [Double], count: Int) -> [Int] {
    guard frequencies.count > 2 else { return Array(frequencies.indices) }
    let targets = logSpacedFrequencies(from: frequencies[1], to: frequencies[frequencies.count - 1], count: count)
    let step = frequencies[1] - frequencies[0]
    var picks: [Int] = []
    for target in targets {
      let bin = min(frequencies.count - 1, max(1, Int((target / step).rounded())))
      if picks.last != bin { picks.append(bin) }
    }
    return picks
  }

  /// `count` frequencies from `lower` to `upper`, evenly spaced in log f.
  static func logSpacedFrequencies(from lower: Double, to upper: Double, count: Int) -> [Double] {
    guard count > 1, lower > 0, upper > lower else { return [lower] }
    let ratio = upper / lower
    return (0..<count).map { k in lower * pow(ratio, Double(k) / Double(count - 1)) }
  }
}
