import CGSL
import Glibc
import PruneCore

/// The log-normal distribution: X = exp(ζ + σ Z), Z standard normal.
public struct LogNormalDistribution: ContinuousDistribution, Hashable {
  /// ζ, the mean of log X.
  public let logMean: Double
  /// σ > 0, the standard deviation of log X.
  public let logStandardDeviation: Double

  /// - Throws: ``PruneAnalysisError`` for a non-finite ζ or σ ≤ 0.
  public init(logMean: Double = 0, logStandardDeviation: Double = 1) throws(PruneAnalysisError) {
    GSLRuntime.ensureReady()  // before any gsl_cdf_* call can report an error
    try Validation.require(
      logMean.isFinite, parameter: "logMean", value: logMean, allowed: "(-inf, inf)")
    try checkPositive(logStandardDeviation, "logStandardDeviation")
    self.logMean = logMean
    self.logStandardDeviation = logStandardDeviation
  }

  /// exp(ζ + σ²/2).
  public var mean: Double { exp(logMean + logStandardDeviation * logStandardDeviation / 2) }
  /// (exp(σ²) - 1) exp(2ζ + σ²).
  public var variance: Double {
    let s2 = logStandardDeviation * logStandardDeviation
    return expm1(s2) * exp(2 * logMean + s2)
  }

  public func density(_ x: Double) -> Double {
    gsl_ran_lognormal_pdf(x, logMean, logStandardDeviation)
  }

  /// Φ((ln x - ζ)/σ) for x > 0 (`gsl_cdf_lognormal_P`).
  public func cdf(_ x: Double) -> Double {
    gsl_cdf_lognormal_P(x, logMean, logStandardDeviation)
  }

  public func quantile(_ probability: Double) throws(PruneAnalysisError) -> Double {
    try checkProbability(probability)
    GSLRuntime.ensureReady()
    return try GSLRuntime.checked(
      gsl_cdf_lognormal_Pinv(probability, logMean, logStandardDeviation),
      function: "gsl_cdf_lognormal_Pinv")
  }

  /// `gsl_ran_lognormal`.
  public func sample(using generator: inout SeededGenerator) -> Double {
    let (zeta, sigma) = (logMean, logStandardDeviation)
    return SeededGSLSource.withRandomSource(&generator) { gsl_ran_lognormal($0, zeta, sigma) }
  }
}
