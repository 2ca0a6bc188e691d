/// How a check compares its measurement with its prediction.
///
/// The verdict is always computed from the numbers, never set by hand:
/// with gap g (the distance from the measurement to where the prediction allows it to be),
/// uncertainty u and tolerance t, the check
/// ```
/// holds         if g <= t
/// fails         if g - z u > t     (outside the tolerance by more than z uncertainties)
/// inconclusive  otherwise
/// ```
/// with z = 2 (about a 95% interval for a Gaussian uncertainty).
public enum Comparison: String, Sendable, Hashable, Codable {
  /// The measurement should equal the prediction: g = |m - p|.
  case equal
  /// The measurement should not exceed the prediction (an upper bound): g = max(0, m - p).
  case atMost
  /// The measurement should not fall below the prediction (a lower bound): g = max(0, p - m).
  case atLeast
  /// The measurement should equal the prediction in ratio: g = |m / p - 1|.
  case relative

  /// The number of uncertainties a gap must exceed the tolerance by before the check fails.
  public static let confidenceMultiplier = 2.0

  /// The gap between a measurement and the region the prediction allows.
  public func gap(measured: Double, predicted: Double) -> Double {
    switch self {
    case .equal: return abs(measured - predicted)
    case .atMost: return max(0, measured - predicted)
    case .atLeast: return max(0, predicted - measured)
    case .relative:
      return predicted == 0 ? (measured == 0 ? 0 : .infinity) : abs(measured / predicted - 1)
    }
  }

  /// The verdict for a measurement, a prediction, an uncertainty and a tolerance.
  ///
  /// A non-finite measurement or prediction is inconclusive (it says nothing either way).
  public func verdict(
    measured: Double, predicted: Double, uncertainty: Double, tolerance: Double
  ) -> Verdict {
    guard measured.isFinite, predicted.isFinite || self == .atMost && predicted == .infinity
    else { return .inconclusive }
    let g = gap(measured: measured, predicted: predicted)
    let u = uncertainty.isFinite ? max(0, uncertainty) : .infinity
    let scaledU = self == .relative && predicted != 0 ? u / abs(predicted) : u
    if g <= tolerance { return .holds }
    if g - Comparison.confidenceMultiplier * scaledU > tolerance { return .fails }
    return .inconclusive
  }

  /// A short sign for tables: `=`, `<=`, `>=`, `≈`.
  public var symbol: String {
    switch self {
    case .equal: return "="
    case .atMost: return "<="
    case .atLeast: return ">="
    case .relative: return "= (ratio)"
    }
  }
}
