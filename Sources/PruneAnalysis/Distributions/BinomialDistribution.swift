import CGSL
import PruneCore

/// The binomial distribution: the number of successes in n independent trials of probability p.
public struct BinomialDistribution: Sendable, Hashable {
  /// n ≥ 0 (at most `UInt32.max`, GSL's limit).
  public let trials: Int
  /// p in [0, 1].
  public let probability: Double

  /// - Throws: ``PruneAnalysisError`` for n outside [0, 2³² - 1] or p outside [0, 1].
  public init(trials: Int, probability: Double) throws(PruneAnalysisError) {
    GSLRuntime.ensureReady()  // before any gsl_cdf_* call can report an error
    try Validation.require(
      trials >= 0 && trials <= Int(UInt32.max), parameter: "trials", value: Double(trials),
      allowed: "[0, 4294967295]")
    try Validation.require(
      probability >= 0 && probability <= 1, parameter: "probability", value: probability,
      allowed: "[0, 1]")
    self.trials = trials
    self.probability = probability
  }

  /// np.
  public var mean: Double { Double(trials) * probability }
  /// np(1 - p).
  public var variance: Double { Double(trials) * probability * (1 - probability) }

  /// P(X = k) (`gsl_ran_binomial_pdf`); 0 outside 0...n.
  public func probabilityMass(_ k: Int) -> Double {
    guard k >= 0, k <= trials else { return 0 }
    return gsl_ran_binomial_pdf(UInt32(k), probability, UInt32(trials))
  }

  /// P(X ≤ k) (`gsl_cdf_binomial_P`); 0 below 0 and 1 from n on.
  public func cdf(_ k: Int) -> Double {
    if k < 0 { return 0 }
    if k >= trials { return 1 }
    return gsl_cdf_binomial_P(UInt32(k), probability, UInt32(trials))
  }

  /// The smallest k with P(X ≤ k) ≥ q, by bisection on ``cdf(_:)``.
  ///
  /// - Throws: ``PruneAnalysisError`` for q outside [0, 1].
  /// - Complexity: O(log n) CDF evaluations.
  public func quantile(_ q: Double) throws(PruneAnalysisError) -> Int {
    try checkProbability(q)
    GSLRuntime.ensureReady()
    var low = 0
    var high = trials
    while low < high {
      let middle = low + (high - low) / 2
      if cdf(middle) >= q { high = middle } else { low = middle + 1 }
    }
    return low
  }

  /// One draw from `gsl_ran_binomial` (Kachitvichyanukul & Schmeiser's BTPE for large np).
  public func sample(using generator: inout SeededGenerator) -> Int {
    let (p, n) = (probability, UInt32(trials))
    return Int(SeededGSLSource.withRandomSource(&generator) { gsl_ran_binomial($0, p, n) })
  }
}
