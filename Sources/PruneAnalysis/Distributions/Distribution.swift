import PruneCore

/// A continuous probability distribution: density, CDF, quantile and seeded sampling.
///
/// CDFs and quantiles come from GSL (`gsl_cdf_*`); samples from GSL's samplers (`gsl_ran_*`)
/// drawing from the caller's ``SeededGenerator`` (see `SeededGSLSource`), so a draw sequence is
/// a pure function of the seed.
public protocol ContinuousDistribution: Sendable {
  /// The probability density at `x`.
  func density(_ x: Double) -> Double
  /// P(X ≤ x).
  func cdf(_ x: Double) -> Double
  /// The x with P(X ≤ x) = p.
  ///
  /// - Throws: ``PruneAnalysisError`` for p outside [0, 1] or when GSL's inversion fails.
  func quantile(_ probability: Double) throws(PruneAnalysisError) -> Double
  /// One draw, advancing `generator`.
  func sample(using generator: inout SeededGenerator) -> Double
  /// The mean (infinite or NaN where it does not exist, e.g. Student-t with ν ≤ 1).
  var mean: Double { get }
  /// The variance (infinite or NaN where it does not exist).
  var variance: Double { get }
}

extension ContinuousDistribution {
  /// `count` draws in order.
  public func samples(count: Int, using generator: inout SeededGenerator) -> [Double] {
    precondition(count >= 0, "count must not be negative")
    var result: [Double] = []
    result.reserveCapacity(count)
    for _ in 0..<count { result.append(sample(using: &generator)) }
    return result
  }
}

/// Shared quantile argument check.
func checkProbability(_ probability: Double) throws(PruneAnalysisError) {
  try Validation.require(
    probability >= 0 && probability <= 1, parameter: "probability", value: probability,
    allowed: "[0, 1]")
}

/// Shared positive-parameter check.
func checkPositive(_ value: Double, _ parameter: String) throws(PruneAnalysisError) {
  try Validation.require(
    value > 0 && value.isFinite, parameter: parameter, value: value, allowed: "(0, inf)")
}
