/// A labelled straight line across the plot: a predicted value, a threshold, a crossover.
public struct ReferenceLine: Sendable, Hashable {
  public enum Orientation: Sendable, Hashable {
    case horizontal, vertical
  }

  public let orientation: Orientation
  /// The y value of a horizontal line, or the x value of a vertical one.
  public let value: Double
  /// Text written along the line, e.g. `"predicted ε* = 0.5"`.
  public let label: String
  /// The line's colour; dark grey by default so it does not look like a series.
  public var color: String

  public init(
    _ orientation: Orientation, at value: Double, label: String, color: String = "#444444"
  ) {
    self.orientation = orientation
    self.value = value
    self.label = label
    self.color = color
  }

  /// A horizontal line at `y`.
  public static func horizontal(at y: Double, label: String) -> ReferenceLine {
    ReferenceLine(.horizontal, at: y, label: label)
  }

  /// A vertical line at `x`.
  public static func vertical(at x: Double, label: String) -> ReferenceLine {
    ReferenceLine(.vertical, at: x, label: label)
  }
}
