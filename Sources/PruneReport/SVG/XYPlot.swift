import Foundation

/// A figure with numeric x and y axes: line plots, scatter plots, error bars, uncertainty bands
/// and reference lines, on linear or log10 axes chosen independently.
///
/// The output is a standalone SVG, 800 × 500 px by default, deterministic (same plot, same
/// bytes), with text sized to stay readable when rasterised at 800 px wide.
///
/// ```swift
/// let measured = try PlotSeries(name: "measured", x: frequencies, y: power)
///   .withUncertainty(lower: low, upper: high, as: .band)
/// let predicted = try PlotSeries(name: "predicted", x: frequencies, y: model, style: .line)
/// let plot = XYPlot(
///   title: "EMA magnitude response", xAxis: .log10("frequency (cycles/step)"),
///   yAxis: .log10("|H|"), series: [measured, predicted],
///   referenceLines: [.vertical(at: 0.05, label: "crossover")])
/// try plot.write(to: figures, as: "BLS-1-response.svg")
/// ```
public struct XYPlot: Sendable, Hashable {
  public var title: String
  public var xAxis: Axis
  public var yAxis: Axis
  /// The series, drawn in order; the n-th takes ``Palette/appearance(at:)`` n unless it sets
  /// its own appearance.
  public var series: [PlotSeries]
  public var referenceLines: [ReferenceLine]
  public var legend: LegendPlacement
  /// Figure size in px.
  public var width: Double
  public var height: Double

  public init(
    title: String, xAxis: Axis, yAxis: Axis, series: [PlotSeries] = [],
    referenceLines: [ReferenceLine] = [], legend: LegendPlacement = .automatic,
    width: Double = 800, height: Double = 500
  ) {
    self.title = title
    self.xAxis = xAxis
    self.yAxis = yAxis
    self.series = series
    self.referenceLines = referenceLines
    self.legend = legend
    self.width = max(200, width)
    self.height = max(150, height)
  }

  /// Adds a series at the end.
  public mutating func add(_ newSeries: PlotSeries) {
    series.append(newSeries)
  }

  /// Adds a reference line.
  public mutating func add(_ line: ReferenceLine) {
    referenceLines.append(line)
  }

  /// Writes ``svg()`` atomically to `name` inside `folder`.
  @discardableResult
  public func write(to folder: OutputFolder, as name: String) throws -> URL {
    try folder.write(svg(), to: name)
  }

  /// Writes ``svg()`` atomically to `file`.
  public func write(to file: URL) throws {
    try AtomicFile.write(svg(), to: file)
  }

  /// The appearance of series `index`.
  func appearance(_ index: Int) -> SeriesAppearance {
    series[index].appearance ?? Palette.appearance(at: index)
  }

  /// The legend rows, one per named series.
  func legendEntries() -> [LegendEntry] {
    series.indices.filter { !series[$0].name.isEmpty }.map { index in
      let item = series[index]
      let hasData = item.hasData(x: xAxis, y: yAxis)
      return LegendEntry(
        name: hasData ? item.name : item.name + " (no data)", appearance: appearance(index),
        showsLine: item.style != .markers,
        showsMarker: item.style == .markers || item.style == .lineAndMarkers,
        showsBand: item.lower != nil && item.uncertaintyStyle == .band)
    }
  }

  /// The smallest and largest showable x and y over points, uncertainties and reference lines.
  func dataExtents() -> (x: (min: Double, max: Double)?, y: (min: Double, max: Double)?) {
    var xs: [Double] = []
    var ys: [Double] = []
    for item in series {
      for index in item.x.indices where xAxis.canShow(item.x[index]) {
        var rowYs = [item.y[index]]
        if let lower = item.lower, let upper = item.upper {
          rowYs += [lower[index], upper[index]]
        }
        let shown = rowYs.filter(yAxis.canShow)
        if !shown.isEmpty {
          xs.append(item.x[index])
          ys += shown
        }
      }
    }
    for line in referenceLines {
      switch line.orientation {
      case .horizontal where yAxis.canShow(line.value): ys.append(line.value)
      case .vertical where xAxis.canShow(line.value): xs.append(line.value)
      default: break
      }
    }
    func extent(_ values: [Double]) -> (min: Double, max: Double)? {
      guard let low = values.min(), let high = values.max() else { return nil }
      return (low, high)
    }
    return (extent(xs), extent(ys))
  }
}
