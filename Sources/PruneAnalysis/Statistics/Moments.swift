import CGSL

/// The first four moments of a sample, computed by GSL (`gsl_stats_*`).
///
/// Definitions (GSL manual, "Statistics"), with x̄ the mean and s the unbiased standard deviation:
/// ```
/// mean      x̄   = (1/n) Σ x_i
/// variance  s²  = (1/(n-1)) Σ (x_i - x̄)²          (unbiased)
/// skewness      = (1/n) Σ ((x_i - x̄)/s)³
/// kurtosis      = (1/n) Σ ((x_i - x̄)/s)⁴ - 3      (excess kurtosis: 0 for a Gaussian)
/// ```
/// Skewness and kurtosis divide by n but standardise with the unbiased s, as GSL does.
public struct Moments: Sendable, Hashable {
  /// n, the number of values.
  public let count: Int
  /// The arithmetic mean x̄.
  public let mean: Double
  /// The unbiased variance s² (divisor n - 1).
  public let variance: Double
  /// s, the square root of ``variance``.
  public let standardDeviation: Double
  /// The skewness (GSL definition above); 0 when s = 0.
  public let skewness: Double
  /// The excess kurtosis (GSL definition above); 0 when s = 0.
  public let kurtosis: Double

  /// Computes the moments of `values`.
  ///
  /// - Parameter values: At least two finite values.
  /// - Throws: ``PruneAnalysisError`` for fewer than two values or a non-finite value.
  /// - Complexity: O(*n*), four passes.
  public init(_ values: [Double]) throws(PruneAnalysisError) {
    try Validation.requireFinite(values, minimum: 2, function: "Moments")
    GSLRuntime.ensureReady()
    let n = values.count
    (mean, variance, skewness, kurtosis) = values.withUnsafeBufferPointer { p in
      let base = p.baseAddress
      let mean = gsl_stats_mean(base, 1, n)
      let variance = gsl_stats_variance_m(base, 1, n, mean)
      guard variance > 0 else { return (mean, variance, 0.0, 0.0) }
      let sd = variance.squareRoot()
      return (
        mean, variance, gsl_stats_skew_m_sd(base, 1, n, mean, sd),
        gsl_stats_kurtosis_m_sd(base, 1, n, mean, sd)
      )
    }
    count = n
    standardDeviation = variance.squareRoot()
  }
}

/// Sample statistics over `[Double]`, computed by GSL.
public enum Statistics {
  /// The arithmetic mean (1/n) Σ x_i.
  ///
  /// - Throws: ``PruneAnalysisError`` for an empty input or a non-finite value.
  public static func mean(_ values: [Double]) throws(PruneAnalysisError) -> Double {
    try Validation.requireFinite(values, minimum: 1, function: "mean")
    GSLRuntime.ensureReady()
    return values.withUnsafeBufferPointer { gsl_stats_mean($0.baseAddress, 1, $0.count) }
  }

  /// The unbiased variance (1/(n-1)) Σ (x_i - x̄)².
  ///
  /// - Throws: ``PruneAnalysisError`` for fewer than two values or a non-finite value.
  public static func variance(_ values: [Double]) throws(PruneAnalysisError) -> Double {
    try Validation.requireFinite(values, minimum: 2, function: "variance")
    GSLRuntime.ensureReady()
    return values.withUnsafeBufferPointer { gsl_stats_variance($0.baseAddress, 1, $0.count) }
  }

  /// The square root of the unbiased ``variance(_:)``.
  public static func standardDeviation(_ values: [Double]) throws(PruneAnalysisError) -> Double {
    try variance(values).squareRoot()
  }

  /// The skewness; see ``Moments`` for the definition.
  public static func skewness(_ values: [Double]) throws(PruneAnalysisError) -> Double {
    try Moments(values).skewness
  }

  /// The excess kurtosis; see ``Moments`` for the definition.
  public static func kurtosis(_ values: [Double]) throws(PruneAnalysisError) -> Double {
    try Moments(values).kurtosis
  }
}
