/// Matched savings from a fixed grid of measured runs: a rule's saved fraction as a function of
/// its budget parameter p (r, ρ), known at a few values trained up front, and the p that saves
/// a target (issue 9 item 5; saved = 1 − Σ_e trained_e / (N E), algorithms.md Part A).
///
/// Why a grid rather than ``SavingsCalibration``'s bisection: when each evaluation is a CNN
/// training run, bisection makes every run wait for the previous one (5–8 sequential runs per
/// rule and target), while a grid known before any training trains in parallel (shards, two
/// machines), serves every target with the same runs, and its runs are stored and reused.
///
/// The fit. saved(p) is non-decreasing in p by the rules' construction (a larger r prunes a
/// larger share of the same below-mean candidates; a larger ρ drops more of them and re-admits
/// fewer), but one run per value carries training noise, so the measured savings s_i at
/// p_1 < ... < p_n are first made monotone by isotonic regression (pool adjacent violators,
/// least squares, equal weights): ŝ_1 <= ... <= ŝ_n. Between nodes the curve is linear,
///
///     ŝ(p) = ŝ_i + (p − p_i) (ŝ_{i+1} − ŝ_i) / (p_{i+1} − p_i),   p_i <= p <= p_{i+1},
///
/// which keeps the monotonicity (a cubic through noisy points may not), and the parameter of a
/// target t inverts it on the first segment reaching t: p = p_i + (t − ŝ_i) (p_{i+1} − p_i) /
/// (ŝ_{i+1} − ŝ_i) (p = p_i where ŝ_i = t).
///
/// How good the line is: on [p_i, p_{i+1}] the linear interpolant of a smooth s misses by
/// (p − p_i)(p_{i+1} − p) s''(ξ)/2; with s''/2 estimated by the second divided difference
/// f[p_{j}, p_{j+1}, p_{j+2}] of the neighbouring triples (the larger in magnitude), the
/// estimate ``interpolationError(at:)`` = (p − p_i)(p_{i+1} − p) |f| is exact for a quadratic
/// curve and tells the page whether the grid is fine enough for a ±1 point budget band.
///
/// A target more than `tolerance` outside [ŝ_1, ŝ_n] is out of the grid's reach: the closest
/// end is returned and marked unreachable.
public struct SavingsCurve: Sendable, Hashable {
  /// The measured points, by increasing parameter.
  public let points: [SavingsCalibration.Evaluation]
  /// The isotonic fit ŝ_i of the points' savings (same order).
  public let fitted: [Double]
  /// The parameter's name in error messages (`prune-ratio`).
  public let parameterName: String

  /// The parameter of a target, as the curve gives it.
  public struct Match: Sendable, Hashable {
    /// p with ŝ(p) = target (the closest end when unreachable).
    public let parameter: Double
    /// ŝ(parameter).
    public let predictedSaving: Double
    /// The estimated error of the line at `parameter` (``interpolationError(at:)``), in
    /// saved-fraction points.
    public let interpolationError: Double
    /// Whether the target lies within the fitted range (give or take the tolerance).
    public let isReachable: Bool
  }

  /// - Parameter points: At least two measured runs with distinct finite parameters and saved
  ///   fractions in [0, 1], in any order.
  /// - Throws: ``PruneEngineError/badCalibration(_:)`` naming the offending point.
  public init(points: [SavingsCalibration.Evaluation], parameterName: String = "parameter")
    throws
  {
    let sorted = points.sorted { $0.parameter < $1.parameter }
    guard sorted.count >= 2 else {
      throw PruneEngineError.badCalibration(
        "a savings curve of \(parameterName) needs at least 2 measured values, got "
          + "\(sorted.count); train the rule at two or more values")
    }
    for (index, point) in sorted.enumerated() {
      guard point.parameter.isFinite, point.savedFraction >= 0, point.savedFraction <= 1 else {
        throw PruneEngineError.badCalibration(
          "the point \(parameterName) = \(point.parameter), saved \(point.savedFraction) is not "
            + "a finite parameter with a saved fraction in [0, 1]")
      }
      guard index == 0 || sorted[index - 1].parameter < point.parameter else {
        throw PruneEngineError.badCalibration(
          "\(parameterName) = \(point.parameter) was measured twice; give each value once")
      }
    }
    self.points = sorted
    self.fitted = Self.isotonic(sorted.map(\.savedFraction))
    self.parameterName = parameterName
  }

  /// The least-squares non-decreasing fit of `values` (pool adjacent violators, equal weights):
  /// each run of values that decreases is replaced by its mean, repeatedly.
  public static func isotonic(_ values: [Double]) -> [Double] {
    var blocks: [(mean: Double, count: Int)] = []
    for value in values {
      blocks.append((value, 1))
      while blocks.count >= 2, blocks[blocks.count - 2].mean > blocks[blocks.count - 1].mean {
        let last = blocks.removeLast()
        let previous = blocks.removeLast()
        let count = previous.count + last.count
        blocks.append(
          ((previous.mean * Double(previous.count) + last.mean * Double(last.count))
            / Double(count), count))
      }
    }
    return blocks.flatMap { Array(repeating: $0.mean, count: $0.count) }
  }

  /// The parameter range the points span.
  public var range: ClosedRange<Double> { points[0].parameter...points[points.count - 1].parameter }

  /// ŝ(p), the fitted line; `p` is clamped to ``range``.
  public func saving(at p: Double) -> Double {
    let i = segment(containing: p)
    let (a, b) = (points[i].parameter, points[i + 1].parameter)
    let q = min(max(p, a), b)
    if q == b { return fitted[i + 1] }  // a node's value exactly
    return fitted[i] + (q - a) * (fitted[i + 1] - fitted[i]) / (b - a)
  }

  /// The estimated error of the line at `p` (see the type's discussion); 0 at a node, and 0 with
  /// only two points (no curvature is measured).
  public func interpolationError(at p: Double) -> Double {
    let i = segment(containing: p)
    let (a, b) = (points[i].parameter, points[i + 1].parameter)
    let q = min(max(p, a), b)
    let curvature = [i - 1, i].filter { $0 >= 0 && $0 + 2 < points.count }
      .map { abs(secondDividedDifference(from: $0)) }.max() ?? 0
    return (q - a) * (b - q) * curvature
  }

  /// The parameter saving `target` (the first on a flat stretch), or the closest end.
  ///
  /// - Parameter tolerance: How far beyond the fitted range a target still counts as reached
  ///   (saved-fraction points).
  public func parameter(for target: Double, tolerance: Double = 0.005) -> Match {
    let low = fitted[0]
    let high = fitted[fitted.count - 1]
    let p: Double
    if target <= low {
      p = points[0].parameter
    } else if target >= high {
      p = points[points.count - 1].parameter
    } else {
      let j = fitted.firstIndex { $0 >= target }!  // 1 <= j < n: low < target < high
      if fitted[j] == target {
        p = points[j].parameter
      } else {
        let (a, b) = (points[j - 1].parameter, points[j].parameter)
        p = a + (target - fitted[j - 1]) * (b - a) / (fitted[j] - fitted[j - 1])
      }
    }
    return Match(
      parameter: p, predictedSaving: saving(at: p), interpolationError: interpolationError(at: p),
      isReachable: target >= low - tolerance && target <= high + tolerance)
  }

  /// i with p_i <= p <= p_{i+1} (the first or last segment outside the range).
  private func segment(containing p: Double) -> Int {
    let last = points.count - 2
    return (0..<last).first { p <= points[$0 + 1].parameter } ?? last
  }

  /// f[p_j, p_{j+1}, p_{j+2}] of the fitted savings: s''/2 for a smooth curve.
  private func secondDividedDifference(from j: Int) -> Double {
    let (p0, p1, p2) = (points[j].parameter, points[j + 1].parameter, points[j + 2].parameter)
    let first = (fitted[j + 1] - fitted[j]) / (p1 - p0)
    let second = (fitted[j + 2] - fitted[j + 1]) / (p2 - p1)
    return (second - first) / (p2 - p0)
  }
}
