import PruneAnalysis

/// How heavy the tails of a loss log's relative residuals are, as Student-t degrees of freedom
/// (``LearnerFit`` step 5).
///
/// With s = 1.4826 MAD the robust scale of the residuals, the share beyond 4 s is 6.3e-5 for
/// Gaussian noise and P(|T| > 4 · 1.4826 · q_ν) for Student-t noise with ν degrees of freedom,
/// q_ν being the 0.75-quantile of T (its median absolute value). That share falls as ν grows,
/// so ν is found by bisection.
enum NoiseTails {
  /// P(|Z| > 4) for a standard Gaussian.
  static let gaussianTail = 6.334_248_366_623_996e-05

  /// ν for a tail share, or nil (Gaussian) when the share is within 4 x the Gaussian's.
  static func degrees(forTailShare share: Double) -> Double? {
    guard share > 4 * gaussianTail else { return nil }
    var lower = 1.05
    var upper = 100.0
    if share >= tail(nu: lower) { return lower }
    if share <= tail(nu: upper) { return upper }
    for _ in 0..<40 {
      let middle = (lower * upper).squareRoot()
      if tail(nu: middle) > share { lower = middle } else { upper = middle }
    }
    return ((lower * upper).squareRoot() * 1000).rounded() / 1000
  }

  /// P(|T_ν| > 4 · 1.4826 · q_ν).
  static func tail(nu: Double) -> Double {
    guard let t = try? StudentTDistribution(degreesOfFreedom: nu) else { return 0 }
    let q = medianAbsolute(nu: nu)
    return 2 * (1 - t.cdf(4 * 1.482_602_218_505_602 * q))
  }

  /// The median absolute value of the noise ε: 0.6745 for a Gaussian (nil), q_ν for a t.
  static func medianAbsolute(nu: Double?) -> Double {
    guard let nu, let t = try? StudentTDistribution(degreesOfFreedom: nu),
      let q = try? t.quantile(0.75)
    else { return 0.674_489_750_196_081_7 }
    return q
  }
}
