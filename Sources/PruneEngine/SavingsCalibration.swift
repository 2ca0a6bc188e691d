/// Matched savings: the value of one rule parameter (r, ρ, B-PAS's thresholds, ...) at which a
/// run saves a target fraction of its sample-iterations, found by bisection.
///
/// Comparing two rules means something only at equal savings: dynamic random at r = 0.5 saves
/// about 0.5 (E − 1)/E of the iterations, InfoBatch at r = 0.5 far less, so the one that saves
/// more looks worse for a reason that is not its selection. The claims and the stress sweeps
/// therefore calibrate the baseline's parameter p so that saved(p) = target ± tolerance, where
/// saved(p) = 1 − Σ_e trained_e / (N E) (algorithms.md Part A, "what it saved") of one
/// deterministic run at p.
///
/// The search: evaluate the two ends of the range; they fix the direction (saved rises or falls
/// with p) and the reachable interval [min, max] of saved fractions. A target outside that
/// interval by more than the tolerance is an error naming what the range reaches. Otherwise
/// bisect (on p, or on log p for a ``Scale/logarithmic`` range such as B-PAS's thresholds),
/// keeping the bracket whose ends straddle the target, until a run lands within the tolerance.
/// Every interior value must lie between the bracket's ends (give or take the tolerance): a
/// value outside is a function that is not monotone on the range, an error rather than a silent
/// wrong answer. Saved fractions are step functions of p (counts of samples), so a target that
/// falls inside one step wider than the tolerance ends in an error naming the two sides.
///
/// The function is called at most ``maximumEvaluations`` times, each call with a value inside
/// the range; the search is deterministic for a deterministic function.
public struct SavingsCalibration: Sendable, Hashable {
  /// How the range is divided.
  public enum Scale: String, Sendable, Hashable {
    /// Midpoint (a + b) / 2: ratios such as r or ρ.
    case linear
    /// Midpoint √(a b): scales spanning decades such as B-PAS's δ (the range must be > 0).
    case logarithmic
  }

  /// One evaluated parameter value and the saved fraction it gave.
  public struct Evaluation: Sendable, Hashable {
    public let parameter: Double
    public let savedFraction: Double

    public init(parameter: Double, savedFraction: Double) {
      self.parameter = parameter
      self.savedFraction = savedFraction
    }
  }

  /// The outcome: the parameter whose run came within the tolerance, its saved fraction, and
  /// every evaluation in the order made.
  public struct Result: Sendable, Hashable {
    public let parameter: Double
    public let savedFraction: Double
    public let target: Double
    public let evaluations: [Evaluation]

    /// savedFraction − target, in saved-fraction points (|miss| <= the tolerance).
    public var miss: Double { savedFraction - target }
  }

  /// The saved fraction wanted, in [0, 1].
  public let target: Double
  /// The parameter's range, `lower < upper`, both finite.
  public let range: ClosedRange<Double>
  /// The accepted |saved − target|, in saved-fraction points (0.005 = half a percentage point).
  public let tolerance: Double
  public let scale: Scale
  /// The most calls of the function (two ends + bisection steps).
  public let maximumEvaluations: Int
  /// The parameter's name in error messages (`prune-ratio`).
  public let parameterName: String

  /// - Throws: ``PruneEngineError/badCalibration(_:)`` for a target outside [0, 1], a
  ///   tolerance not in (0, 0.5], an empty or non-finite range, a logarithmic range that is not
  ///   positive, or fewer than 3 evaluations.
  public init(
    target: Double, range: ClosedRange<Double>, tolerance: Double = 0.005,
    scale: Scale = .linear, maximumEvaluations: Int = 40, parameterName: String = "parameter"
  ) throws {
    guard target >= 0, target <= 1 else {
      throw PruneEngineError.badCalibration(
        "the target saved fraction \(target) is outside [0, 1]; give a fraction, e.g. 0.3")
    }
    guard tolerance > 0, tolerance <= 0.5 else {
      throw PruneEngineError.badCalibration(
        "the tolerance \(tolerance) is not in (0, 0.5]; give saved-fraction points, e.g. 0.005")
    }
    guard range.lowerBound.isFinite, range.upperBound.isFinite,
      range.lowerBound < range.upperBound
    else {
      throw PruneEngineError.badCalibration(
        "the range \(range) of \(parameterName) is empty or not finite; give lower < upper")
    }
    guard scale == .linear || range.lowerBound > 0 else {
      throw PruneEngineError.badCalibration(
        "a logarithmic range must be positive, but \(parameterName) runs over \(range)")
    }
    guard maximumEvaluations >= 3 else {
      throw PruneEngineError.badCalibration(
        "maximumEvaluations = \(maximumEvaluations); allow at least 3 (two ends and a midpoint)")
    }
    self.target = target
    self.range = range
    self.tolerance = tolerance
    self.scale = scale
    self.maximumEvaluations = maximumEvaluations
    self.parameterName = parameterName
  }

  /// Finds p in ``range`` with |savedFraction(p) − target| <= ``tolerance``.
  ///
  /// - Parameter savedFraction: The saved fraction of a run at parameter p (deterministic).
  /// - Throws: ``PruneEngineError/savingsUnreachable(parameter:target:lowest:highest:range:)``
  ///   when the target lies outside what the range reaches;
  ///   ``PruneEngineError/savingsNotMonotone(parameter:detail:)`` when an interior value leaves
  ///   its bracket; ``PruneEngineError/savingsNotResolved(parameter:detail:)`` when the
  ///   evaluations run out (a jump across the target); the function's own errors.
  public func solve(_ savedFraction: (Double) throws -> Double) throws -> Result {
    var evaluations: [Evaluation] = []
    func evaluate(_ p: Double) throws -> Double {
      let value = try savedFraction(p)
      guard value.isFinite else {
        throw PruneEngineError.badCalibration(
          "the saved fraction at \(parameterName) = \(p) is \(value), not a number")
      }
      evaluations.append(Evaluation(parameter: p, savedFraction: value))
      return value
    }
    func done(_ p: Double, _ value: Double) -> Result {
      Result(parameter: p, savedFraction: value, target: target, evaluations: evaluations)
    }

    var low = (p: range.lowerBound, value: try evaluate(range.lowerBound))
    if abs(low.value - target) <= tolerance { return done(low.p, low.value) }
    var high = (p: range.upperBound, value: try evaluate(range.upperBound))
    if abs(high.value - target) <= tolerance { return done(high.p, high.value) }
    let lowest = min(low.value, high.value)
    let highest = max(low.value, high.value)
    guard target > lowest, target < highest else {
      throw PruneEngineError.savingsUnreachable(
        parameter: parameterName, target: target, lowest: lowest, highest: highest,
        range: range)
    }
    // Invariant: low.value and high.value lie on opposite sides of the target.
    while evaluations.count < maximumEvaluations {
      let p = midpoint(low.p, high.p)
      guard p > low.p, p < high.p else { break }
      let value = try evaluate(p)
      let bracketLow = min(low.value, high.value)
      let bracketHigh = max(low.value, high.value)
      guard value >= bracketLow - tolerance, value <= bracketHigh + tolerance else {
        throw PruneEngineError.savingsNotMonotone(
          parameter: parameterName,
          detail: "saved(\(p)) = \(value) lies outside [\(bracketLow), \(bracketHigh)], the "
            + "values at \(low.p) and \(high.p)")
      }
      if abs(value - target) <= tolerance { return done(p, value) }
      if (value < target) == (low.value < target) {
        low = (p, value)
      } else {
        high = (p, value)
      }
    }
    throw PruneEngineError.savingsNotResolved(
      parameter: parameterName,
      detail: "after \(evaluations.count) runs the target \(target) lies between saved(\(low.p)) "
        + "= \(low.value) and saved(\(high.p)) = \(high.value); allow a tolerance above "
        + "\(abs(high.value - low.value) / 2) or more evaluations")
  }

  func midpoint(_ a: Double, _ b: Double) -> Double {
    switch scale {
    case .linear: return a + (b - a) / 2
    case .logarithmic: return (a * b).squareRoot()
    }
  }
}
