import CGSL
import PruneCore

/// Student's t with ν degrees of freedom, shifted and scaled: X = location + scale · T_ν.
public struct StudentTDistribution: ContinuousDistribution, Hashable {
  /// ν > 0.
  public let degreesOfFreedom: Double
  /// The centre (the median; the mean for ν > 1).
  public let location: Double
  /// The scale > 0 (not the standard deviation).
  public let scale: Double

  /// - Throws: ``PruneAnalysisError`` for ν ≤ 0, scale ≤ 0 or a non-finite location.
  public init(
    degreesOfFreedom: Double, location: Double = 0, scale: Double = 1
  ) throws(PruneAnalysisError) {
    GSLRuntime.ensureReady()  // before any gsl_cdf_* call can report an error
    try checkPositive(degreesOfFreedom, "degreesOfFreedom")
    try Validation.require(
      location.isFinite, parameter: "location", value: location, allowed: "(-inf, inf)")
    try checkPositive(scale, "scale")
    self.degreesOfFreedom = degreesOfFreedom
    self.location = location
    self.scale = scale
  }

  /// location for ν > 1, NaN otherwise.
  public var mean: Double { degreesOfFreedom > 1 ? location : .nan }

  /// scale² ν/(ν - 2) for ν > 2, infinite for 1 < ν ≤ 2, NaN otherwise.
  public var variance: Double {
    if degreesOfFreedom > 2 { return scale * scale * degreesOfFreedom / (degreesOfFreedom - 2) }
    return degreesOfFreedom > 1 ? .infinity : .nan
  }

  public func density(_ x: Double) -> Double {
    gsl_ran_tdist_pdf((x - location) / scale, degreesOfFreedom) / scale
  }

  /// `gsl_cdf_tdist_P((x - location)/scale, ν)`.
  public func cdf(_ x: Double) -> Double {
    gsl_cdf_tdist_P((x - location) / scale, degreesOfFreedom)
  }

  public func quantile(_ probability: Double) throws(PruneAnalysisError) -> Double {
    try checkProbability(probability)
    GSLRuntime.ensureReady()
    let t = try GSLRuntime.checked(
      gsl_cdf_tdist_Pinv(probability, degreesOfFreedom), function: "gsl_cdf_tdist_Pinv")
    return location + scale * t
  }

  /// location + scale · `gsl_ran_tdist` (a Gaussian over the root of a scaled chi-square).
  public func sample(using generator: inout SeededGenerator) -> Double {
    let nu = degreesOfFreedom
    return location + scale * SeededGSLSource.withRandomSource(&generator) { gsl_ran_tdist($0, nu) }
  }
}
