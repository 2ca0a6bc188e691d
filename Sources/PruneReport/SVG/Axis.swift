#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One axis of a plot: its label, its scale and optional fixed limits.
///
/// A limit left `nil` is fitted to the data with a margin of 4% of the span (in log space on a
/// log axis), so no point sits on the frame; a limit that is set is kept exactly.
public struct Axis: Sendable, Hashable {
  /// The label, with the unit, e.g. `"learning rate ε"` or `"frequency (cycles/step)"`.
  public let label: String
  public let scale: AxisScale
  /// The fixed lower limit, or `nil` to fit the data.
  public let lower: Double?
  /// The fixed upper limit, or `nil` to fit the data.
  public let upper: Double?

  /// Creates an axis.
  ///
  /// - Throws: ``PruneReportError/invalidAxisRange(axis:lower:upper:reason:)`` for a
  ///   non-finite limit, `lower >= upper`, or a limit <= 0 on a log axis.
  public init(label: String, scale: AxisScale = .linear, lower: Double? = nil, upper: Double? = nil)
    throws
  {
    let shownLower = lower ?? .nan
    let shownUpper = upper ?? .nan
    for limit in [lower, upper].compactMap({ $0 }) {
      if !limit.isFinite {
        throw PruneReportError.invalidAxisRange(
          axis: label, lower: shownLower, upper: shownUpper, reason: "has a non-finite limit")
      }
      if scale == .log10, limit <= 0 {
        throw PruneReportError.invalidAxisRange(
          axis: label, lower: shownLower, upper: shownUpper,
          reason: "has a limit <= 0, which a log axis cannot show")
      }
    }
    if let lower, let upper, lower >= upper {
      throw PruneReportError.invalidAxisRange(
        axis: label, lower: lower, upper: upper, reason: "is empty or reversed")
    }
    self.label = label
    self.scale = scale
    self.lower = lower
    self.upper = upper
  }

  /// A linear axis fitted to the data (never throws).
  public static func linear(_ label: String) -> Axis {
    Axis(unchecked: label, scale: .linear)
  }

  /// A log10 axis fitted to the data (never throws).
  public static func log10(_ label: String) -> Axis {
    Axis(unchecked: label, scale: .log10)
  }

  private init(unchecked label: String, scale: AxisScale) {
    self.label = label
    self.scale = scale
    self.lower = nil
    self.upper = nil
  }

  /// True when `value` can be placed on this axis (finite, and positive on a log axis).
  public func canShow(_ value: Double) -> Bool {
    value.isFinite && (scale == .linear || value > 0)
  }
}

/// An axis with its final limits and ticks, mapped onto a pixel interval.
struct ResolvedAxis {
  let scale: AxisScale
  let lower: Double
  let upper: Double
  let ticks: [AxisTick]
  /// Pixel positions of `lower` and `upper` (for y, `start` is the bottom).
  let start: Double
  let end: Double

  /// Fits `axis` to `extent` (the smallest and largest showable data values, or nil).
  ///
  /// - Parameters:
  ///   - labelCapacity: The most tick labels that fit along the axis.
  init(
    _ axis: Axis, extent: (min: Double, max: Double)?, start: Double, end: Double,
    labelCapacity: Int
  ) {
    var low = axis.lower ?? extent?.min ?? (axis.scale == .log10 ? 1 : 0)
    var high = axis.upper ?? extent?.max ?? (axis.scale == .log10 ? 10 : 1)
    if axis.lower == nil, axis.upper != nil, extent == nil || low >= high {
      low = axis.scale == .log10 ? high / 10 : high - max(1, abs(high))
    }
    if high <= low {
      switch axis.scale {
      case .linear:
        let pad = low == 0 ? 1 : abs(low) * 0.1
        if axis.lower == nil { low -= pad }
        high = low + 2 * pad
      case .log10:
        if axis.lower == nil { low /= 3.16 }
        high = low * 10
      }
    }
    let loose = (lower: axis.lower == nil, upper: axis.upper == nil)
    let capacity = max(2, labelCapacity)
    var fitted: (ticks: [AxisTick], lower: Double, upper: Double)
    switch axis.scale {
    case .linear:
      // A 4% margin on the free sides keeps data off the frame, where it would hide.
      let margin = 0.04 * (high - low)
      if loose.lower, (low - margin).isFinite { low -= margin }
      if loose.upper, (high + margin).isFinite { high += margin }
      var intervals = min(6, capacity - 1)
      repeat {
        fitted = AxisTicks.linear(lower: low, upper: high, intervals: intervals)
        intervals -= 1
      } while fitted.ticks.count > capacity && intervals >= 1
    case .log10:
      // Snapping free limits to whole decades can waste most of the axis; pad by 4% of the
      // span in log space instead (decade labels still fall where they fall).
      let padding = min(10, pow(high / low, 0.04))
      if loose.lower, low / padding > 0 { low /= padding }
      if loose.upper, (high * padding).isFinite { high *= padding }
      fitted = AxisTicks.log10(lower: low, upper: high, maxLabels: capacity)
    }
    self.scale = axis.scale
    self.lower = fitted.lower
    self.upper = fitted.upper
    self.ticks = fitted.ticks
    self.start = start
    self.end = end
  }

  /// The pixel position of `value`, or `nil` when it cannot be shown; far-away values are
  /// clamped to ±1e5 px so the file never holds absurd numbers (the clip path hides them).
  func position(_ value: Double) -> Double? {
    guard value.isFinite else { return nil }
    let fraction: Double
    switch scale {
    case .linear:
      fraction = (value - lower) / (upper - lower)
    case .log10:
      guard value > 0 else { return nil }
      fraction = log(value / lower) / log(upper / lower)
    }
    let pixel = start + fraction * (end - start)
    return min(1e5, max(-1e5, pixel))
  }

  /// Ticks that fall inside the limits.
  var visibleTicks: [AxisTick] {
    let slack = (upper - lower) * 1e-9
    return ticks.filter { $0.value >= lower - slack && $0.value <= upper + slack }
  }
}
