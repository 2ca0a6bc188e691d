import Foundation

/// A figure with named categories along x: grouped bars or grouped points (a dot plot), with
/// optional error bars, e.g. class histograms (BPAS-5) or timings per method (IB-5).
///
/// ```swift
/// let plot = try CategoryPlot(
///   title: "Class balance after pruning", categories: ["0", "1", "2"], xLabel: "class",
///   yAxis: try Axis(label: "share of retained samples", lower: 0),
///   groups: [
///     CategoryGroup(name: "batch-level", values: [0.33, 0.34, 0.33]),
///     CategoryGroup(name: "sample-level", values: [0.2, 0.5, 0.3]),
///   ])
/// try plot.write(to: figures, as: "BPAS-5-balance.svg")
/// ```
public struct CategoryPlot: Sendable, Hashable {
  /// How each value is drawn.
  public enum Style: Sendable, Hashable {
    /// Bars from zero (from the bottom edge on a log axis).
    case bars
    /// Markers, side by side within a category.
    case points
  }

  public var title: String
  /// The category names, left to right.
  public let categories: [String]
  public var xLabel: String
  public var yAxis: Axis
  /// The groups; each has one value per category.
  public private(set) var groups: [CategoryGroup]
  public var style: Style
  /// Horizontal reference lines (vertical ones are ignored: x is categorical).
  public var referenceLines: [ReferenceLine]
  public var legend: LegendPlacement
  public var width: Double
  public var height: Double

  /// Creates a category plot.
  ///
  /// - Throws: ``PruneReportError/seriesLengthMismatch(series:field:expected:found:)`` when a
  ///   group does not have one value per category.
  public init(
    title: String, categories: [String], xLabel: String = "", yAxis: Axis,
    groups: [CategoryGroup] = [], style: Style = .bars, referenceLines: [ReferenceLine] = [],
    legend: LegendPlacement = .automatic, width: Double = 800, height: Double = 500
  ) throws {
    self.title = title
    self.categories = categories
    self.xLabel = xLabel
    self.yAxis = yAxis
    self.groups = []
    self.style = style
    self.referenceLines = referenceLines
    self.legend = legend
    self.width = max(200, width)
    self.height = max(150, height)
    for group in groups { try add(group) }
  }

  /// Adds a group.
  ///
  /// - Throws: ``PruneReportError/seriesLengthMismatch(series:field:expected:found:)``.
  public mutating func add(_ group: CategoryGroup) throws {
    guard group.values.count == categories.count else {
      throw PruneReportError.seriesLengthMismatch(
        series: group.name, field: "values (one per category)", expected: categories.count,
        found: group.values.count)
    }
    groups.append(group)
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
}

/// One group of a ``CategoryPlot``: a value per category and an optional uncertainty.
public struct CategoryGroup: Sendable, Hashable {
  /// The legend text.
  public let name: String
  public let values: [Double]
  public private(set) var lower: [Double]?
  public private(set) var upper: [Double]?
  /// Colour and marker; `nil` takes the palette entry of the group's position.
  public var appearance: SeriesAppearance?

  public init(name: String, values: [Double], appearance: SeriesAppearance? = nil) {
    self.name = name
    self.values = values
    self.appearance = appearance
  }

  /// The group with error bars from `lower[i]` to `upper[i]`.
  ///
  /// - Throws: ``PruneReportError/seriesLengthMismatch(series:field:expected:found:)``.
  public func withUncertainty(lower: [Double], upper: [Double]) throws -> CategoryGroup {
    for (field, array) in [("lower", lower), ("upper", upper)] where array.count != values.count {
      throw PruneReportError.seriesLengthMismatch(
        series: name, field: field, expected: values.count, found: array.count)
    }
    var copy = self
    copy.lower = lower
    copy.upper = upper
    return copy
  }

  /// The group with error bars `values[i] ± halfWidth[i]`.
  public func withUncertainty(halfWidth: [Double]) throws -> CategoryGroup {
    guard halfWidth.count == values.count else {
      throw PruneReportError.seriesLengthMismatch(
        series: name, field: "halfWidth", expected: values.count, found: halfWidth.count)
    }
    return try withUncertainty(
      lower: zip(values, halfWidth).map { $0 - $1 }, upper: zip(values, halfWidth).map { $0 + $1 })
  }
}
