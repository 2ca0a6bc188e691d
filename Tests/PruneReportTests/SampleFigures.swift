import Foundation

@testable import PruneReport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Figures shaped like the claims' figures, used by the SVG tests and, when the environment
/// variable PRUNEREPORT_SAMPLES names a folder, written there for a visual check.
enum SampleFigures {
  /// A log-log magnitude response (BLS-1) with a measured band and the analytic curve.
  static func emaResponse() throws -> XYPlot {
    let frequencies = (0..<120).map { 0.001 * pow(500, Double($0) / 119) }
    func response(_ alpha: Double, _ f: Double) -> Double {
      (1 - alpha) / (1 - 2 * alpha * cos(2 * Double.pi * f) + alpha * alpha).squareRoot()
    }
    var plot = XYPlot(
      title: "BLS-1: EMA magnitude response, measured (FFT) against analytic",
      xAxis: .log10("frequency (cycles per step)"), yAxis: .log10("|H(e^jω)|"))
    for (index, alpha) in [0.9, 0.99].enumerated() {
      let analytic = frequencies.map { response(alpha, $0) }
      let wiggle = frequencies.indices.map { 1 + 0.06 * sin(Double($0 + 7 * index)) }
      let measured = zip(analytic, wiggle).map { $0 * $1 }
      plot.add(
        try PlotSeries(name: "measured α = \(alpha)", x: frequencies, y: measured)
          .withUncertainty(
            lower: measured.map { $0 * 0.85 }, upper: measured.map { $0 * 1.15 }, as: .band))
      var line = try PlotSeries(
        name: "analytic α = \(alpha)", x: frequencies, y: analytic, style: .line)
      line.appearance = SeriesAppearance(color: "#000000", dash: index == 0 ? "9 4" : "2.5 3")
      plot.add(line)
    }
    plot.add(.vertical(at: 0.0161, label: "crossover f = 0.016"))
    return plot
  }

  /// Relative bias against the prune ratio r for four estimators, with error bars (IB-1).
  static func biasAgainstRatio() throws -> XYPlot {
    let ratios = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]
    let curves: [(String, (Double) -> Double)] = [
      ("rescaled (InfoBatch)", { _ in 0.002 }),
      ("no rescale", { $0 * 0.45 }),
      ("hard pruning", { $0 * 0.62 + 0.03 }),
      ("random pruning", { _ in 0.004 }),
    ]
    var plot = XYPlot(
      title: "IB-1: relative bias of the pruned-epoch gradient sum",
      xAxis: try Axis(label: "prune ratio r", lower: 0, upper: 1),
      yAxis: try Axis(label: "relative bias ‖E[ĝ] − g‖ / ‖g‖", lower: 0))
    for (name, curve) in curves {
      let values = ratios.map(curve)
      plot.add(
        try PlotSeries(name: name, x: ratios, y: values)
          .withUncertainty(halfWidth: values.map { 0.01 + $0 * 0.05 }))
    }
    plot.add(.horizontal(at: 0, label: "unbiased"))
    return plot
  }

  /// A scatter with NaN, infinity and an empty series (must not break anything).
  static func scatterWithGaps() throws -> XYPlot {
    let x = (0..<60).map { Double($0) * 0.5 - 10 }
    let y = x.enumerated().map { index, value in
      index % 17 == 5 ? Double.nan : index == 40 ? .infinity : 1000 * sin(value / 3)
    }
    return XYPlot(
      title: "Scatter with gaps", xAxis: .linear("x"), yAxis: .linear("y"),
      series: [
        try PlotSeries(name: "samples", x: x, y: y, style: .markers),
        try PlotSeries(name: "trend", x: x, y: y.map { $0 * 0.5 }, style: .lineAndMarkers),
        try PlotSeries(name: "empty", x: [], y: []),
      ])
  }

  /// Grouped bars with error bars: class shares after batch- and sample-level pruning (BPAS-5).
  static func classBalance() throws -> CategoryPlot {
    let classes = (0..<10).map { "\($0)" }
    let batch = (0..<10).map { 0.1 + 0.004 * sin(Double($0)) }
    let sample = (0..<10).map { 0.1 + 0.05 * cos(Double($0) * 1.3) }
    return try CategoryPlot(
      title: "BPAS-5: class shares of the retained data", categories: classes, xLabel: "class",
      yAxis: try Axis(label: "share of retained samples", lower: 0),
      groups: [
        try CategoryGroup(name: "batch-level (B-PAS)", values: batch)
          .withUncertainty(halfWidth: batch.map { _ in 0.006 }),
        try CategoryGroup(name: "sample-level", values: sample)
          .withUncertainty(halfWidth: sample.map { _ in 0.01 }),
      ],
      referenceLines: [.horizontal(at: 0.1, label: "balanced 0.1")])
  }

  /// A dot plot on a log axis with long category names (IB-5 timings).
  static func selectionTimings() throws -> CategoryPlot {
    try CategoryPlot(
      title: "IB-5: selection time per epoch",
      categories: [
        "mean threshold", "percentile (nth_element)", "full sort", "whole InfoBatch plan",
      ], yAxis: try Axis(label: "time (s)", scale: .log10),
      groups: [
        try CategoryGroup(name: "N = 1.28e6", values: [0.0011, 0.009, 0.12, 0.004])
          .withUncertainty(halfWidth: [0.0002, 0.001, 0.01, 0.0005]),
        CategoryGroup(name: "N = 1.4e7", values: [0.012, 0.1, 1.6, .nan]),
      ], style: .points)
  }

  /// Pool size over epochs with and without resampling (RePB-2), with the predicted level.
  static func poolSize() throws -> XYPlot {
    let epochs = (0..<60).map(Double.init)
    let without = epochs.map { 50_000 * pow(0.8, $0) }
    let with = epochs.map { 22_000 + 28_000 * pow(0.8, $0) + 400 * sin($0) }
    return XYPlot(
      title: "RePB-2: candidate pool size", xAxis: .linear("epoch"),
      yAxis: try Axis(label: "pool size (samples)", lower: 0),
      series: [
        try PlotSeries(name: "with resampling (ρ = 0.3)", x: epochs, y: with),
        try PlotSeries(name: "without resampling", x: epochs, y: without),
      ],
      referenceLines: [.horizontal(at: 22_000, label: "predicted steady state 22000")])
  }

  /// Retention curves as staircases (BPAS-3), with the stopping epochs marked.
  static func retention() throws -> XYPlot {
    let epochs = (0...12).map(Double.init)
    let strict = epochs.map { $0 < 3 ? 200 : max(0, 200 - 10 * ($0 - 2)) }
    let loose = epochs.map { $0 < 5 ? 200 : max(0, 200 - 25 * ($0 - 4)) }
    return XYPlot(
      title: "BPAS-3: retained batches per epoch", xAxis: .linear("epoch i"),
      yAxis: try Axis(label: "retained batches nᵢ", lower: 0),
      series: [
        try PlotSeries(name: "δₛ = 0.01 (DSI = 0.43)", x: epochs, y: strict, style: .steps),
        try PlotSeries(name: "δₛ = 0.05 (DSI = 0.61)", x: epochs, y: loose, style: .steps),
      ],
      referenceLines: [.vertical(at: 4, label: "loose stops pruning")])
  }

  /// Signal and noise spectra over eight decades with long names (BLS-3): superscript labels,
  /// legend below.
  static func spectra() throws -> XYPlot {
    let f = (1...400).map { Double($0) / 800 }
    let signal = f.map { 1e-1 / (1 + pow($0 / 0.002, 2)) }
    let noise = f.map { _ in 3e-5 }
    return XYPlot(
      title: "BLS-3: power spectra of the per-sample signal and the batch-composition noise",
      xAxis: .log10("frequency (cycles per step)"), yAxis: .log10("power spectral density"),
      series: [
        try PlotSeries(name: "per-sample signal l_i(t)/B (Welch, 64 segments)", x: f, y: signal),
        try PlotSeries(name: "batch-composition noise (Welch, 64 segments)", x: f, y: noise),
      ],
      referenceLines: [.vertical(at: 0.11, label: "crossover 0.11")], legend: .below)
  }

  static var all: [(name: String, svg: String)] {
    get throws {
      [
        ("ema-response", try emaResponse().svg()),
        ("bias-vs-r", try biasAgainstRatio().svg()),
        ("scatter-gaps", try scatterWithGaps().svg()),
        ("class-balance", try classBalance().svg()),
        ("selection-timings", try selectionTimings().svg()),
        ("pool-size", try poolSize().svg()),
        ("retention", try retention().svg()),
        ("spectra", try spectra().svg()),
        ("empty", XYPlot(title: "Nothing", xAxis: .log10("x"), yAxis: .linear("y")).svg()),
      ]
    }
  }

  /// Writes every sample when PRUNEREPORT_SAMPLES is set.
  static func writeIfRequested() throws {
    guard let path = ProcessInfo.processInfo.environment["PRUNEREPORT_SAMPLES"] else { return }
    let folder = try OutputFolder(path: path)
    for sample in try all { try folder.write(sample.svg, to: sample.name + ".svg") }
  }
}
