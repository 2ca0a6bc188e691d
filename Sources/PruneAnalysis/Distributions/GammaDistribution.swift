import CGSL
import PruneCore

/// The gamma distribution with shape k and scale θ: density x^(k-1) e^(-x/θ) / (Γ(k) θ^k), x > 0.
public struct GammaDistribution: ContinuousDistribution, Hashable {
  /// k > 0.
  public let shape: Double
  /// θ > 0.
  public let scale: Double

  /// - Throws: ``PruneAnalysisError`` for k ≤ 0 or θ ≤ 0.
  public init(shape: Double, scale: Double = 1) throws(PruneAnalysisError) {
    GSLRuntime.ensureReady()  // before any gsl_cdf_* call can report an error
    try checkPositive(shape, "shape")
    try checkPositive(scale, "scale")
    self.shape = shape
    self.scale = scale
  }

  /// kθ.
  public var mean: Double { shape * scale }
  /// kθ².
  public var variance: Double { shape * scale * scale }

  public func density(_ x: Double) -> Double { gsl_ran_gamma_pdf(x, shape, scale) }

  /// The regularised lower incomplete gamma function P(k, x/θ) (`gsl_cdf_gamma_P`).
  public func cdf(_ x: Double) -> Double { gsl_cdf_gamma_P(x, shape, scale) }

  public func quantile(_ probability: Double) throws(PruneAnalysisError) -> Double {
    try checkProbability(probability)
    GSLRuntime.ensureReady()
    return try GSLRuntime.checked(
      gsl_cdf_gamma_Pinv(probability, shape, scale), function: "gsl_cdf_gamma_Pinv")
  }

  /// `gsl_ran_gamma` (Marsaglia & Tsang 2000).
  public func sample(using generator: inout SeededGenerator) -> Double {
    let (k, theta) = (shape, scale)
    return SeededGSLSource.withRandomSource(&generator) { gsl_ran_gamma($0, k, theta) }
  }
}
