import CGSL
import PruneCore

/// The Gaussian N(μ, σ²): density exp(-(x-μ)²/(2σ²)) / (σ sqrt(2π)).
public struct NormalDistribution: ContinuousDistribution, Hashable {
  /// μ.
  public let mean: Double
  /// σ > 0.
  public let standardDeviation: Double

  /// - Throws: ``PruneAnalysisError`` for a non-finite μ or σ ≤ 0.
  public init(mean: Double = 0, standardDeviation: Double = 1) throws(PruneAnalysisError) {
    GSLRuntime.ensureReady()  // before any gsl_cdf_* call can report an error
    try Validation.require(mean.isFinite, parameter: "mean", value: mean, allowed: "(-inf, inf)")
    try checkPositive(standardDeviation, "standardDeviation")
    self.mean = mean
    self.standardDeviation = standardDeviation
  }

  public var variance: Double { standardDeviation * standardDeviation }

  public func density(_ x: Double) -> Double {
    gsl_ran_gaussian_pdf(x - mean, standardDeviation)
  }

  /// Φ((x - μ)/σ) (`gsl_cdf_gaussian_P`).
  public func cdf(_ x: Double) -> Double {
    gsl_cdf_gaussian_P(x - mean, standardDeviation)
  }

  public func quantile(_ probability: Double) throws(PruneAnalysisError) -> Double {
    try checkProbability(probability)
    GSLRuntime.ensureReady()
    return mean
      + (try GSLRuntime.checked(
        gsl_cdf_gaussian_Pinv(probability, standardDeviation), function: "gsl_cdf_gaussian_Pinv"))
  }

  /// μ + σ Z with Z from `gsl_ran_gaussian` (Box–Muller polar method).
  public func sample(using generator: inout SeededGenerator) -> Double {
    let sd = standardDeviation
    return mean + SeededGSLSource.withRandomSource(&generator) { gsl_ran_gaussian($0, sd) }
  }
}
