/// One named series of an ``XYPlot``: points, an optional uncertainty (error bars or a shaded
/// band), and how it is drawn.
///
/// Points whose x or y is NaN, infinite, or <= 0 on a log axis are skipped; a line breaks there
/// instead of bridging the gap.
public struct PlotSeries: Sendable, Hashable {
  /// How the points are drawn.
  public enum Style: Sendable, Hashable {
    /// A line through the points, no markers.
    case line
    /// Markers only (a scatter plot).
    case markers
    /// A line, with markers at the points (thinned to about 15 when there are many).
    case lineAndMarkers
    /// A staircase: each value holds until the next x (e.g. batches retained per epoch).
    case steps
  }

  /// How the lower/upper values are drawn.
  public enum UncertaintyStyle: Sendable, Hashable {
    /// A vertical bar with caps at each point.
    case errorBars
    /// A translucent band between the lower and the upper curve.
    case band
  }

  /// The legend text.
  public let name: String
  public let x: [Double]
  public let y: [Double]
  /// Lower ends of the uncertainty (same length as `x`), if any.
  public private(set) var lower: [Double]?
  /// Upper ends of the uncertainty (same length as `x`), if any.
  public private(set) var upper: [Double]?
  public var style: Style
  public var uncertaintyStyle: UncertaintyStyle
  /// Colour, dash and marker; `nil` takes the palette entry of the series' position.
  public var appearance: SeriesAppearance?

  /// Creates a series.
  ///
  /// - Throws: ``PruneReportError/seriesLengthMismatch(series:field:expected:found:)`` when `x`
  ///   and `y` differ in length.
  public init(
    name: String, x: [Double], y: [Double], style: Style = .lineAndMarkers,
    appearance: SeriesAppearance? = nil
  ) throws {
    guard x.count == y.count else {
      throw PruneReportError.seriesLengthMismatch(
        series: name, field: "y", expected: x.count, found: y.count)
    }
    self.name = name
    self.x = x
    self.y = y
    self.style = style
    self.uncertaintyStyle = .errorBars
    self.appearance = appearance
  }

  /// The series with an uncertainty from `lower[i]` to `upper[i]` at each point.
  ///
  /// - Throws: ``PruneReportError/seriesLengthMismatch(series:field:expected:found:)``.
  public func withUncertainty(
    lower: [Double], upper: [Double], as style: UncertaintyStyle = .band
  ) throws -> PlotSeries {
    for (field, values) in [("lower", lower), ("upper", upper)] where values.count != x.count {
      throw PruneReportError.seriesLengthMismatch(
        series: name, field: field, expected: x.count, found: values.count)
    }
    var copy = self
    copy.lower = lower
    copy.upper = upper
    copy.uncertaintyStyle = style
    return copy
  }

  /// The series with a symmetric uncertainty `y[i] ± halfWidth[i]` (e.g. a standard error).
  public func withUncertainty(
    halfWidth: [Double], as style: UncertaintyStyle = .errorBars
  ) throws -> PlotSeries {
    guard halfWidth.count == x.count else {
      throw PruneReportError.seriesLengthMismatch(
        series: name, field: "halfWidth", expected: x.count, found: halfWidth.count)
    }
    return try withUncertainty(
      lower: zip(y, halfWidth).map { $0 - $1 }, upper: zip(y, halfWidth).map { $0 + $1 },
      as: style)
  }

  /// Whether any point can be shown on these axes.
  func hasData(x xAxis: Axis, y yAxis: Axis) -> Bool {
    zip(x, y).contains { xAxis.canShow($0) && yAxis.canShow($1) }
  }
}
