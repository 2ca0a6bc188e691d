import CGSL

extension Statistics {
  /// The weighted mean Σ w_i x_i / Σ w_i (`gsl_stats_wmean`).
  ///
  /// - Parameters:
  ///   - values: The x_i, at least one, finite.
  ///   - weights: The w_i, one per value, each >= 0, not all zero.
  /// - Throws: ``PruneAnalysisError`` for mismatched lengths, a negative or non-finite weight, or
  ///   weights that sum to zero.
  public static func weightedMean(
    _ values: [Double], weights: [Double]
  ) throws(PruneAnalysisError) -> Double {
    try checkWeights(values, weights, minimum: 1, function: "weightedMean")
    GSLRuntime.ensureReady()
    return values.withUnsafeBufferPointer { x in
      weights.withUnsafeBufferPointer { w in
        gsl_stats_wmean(w.baseAddress, 1, x.baseAddress, 1, x.count)
      }
    }
  }

  /// The weighted variance with GSL's bias correction for reliability weights
  /// (`gsl_stats_wvariance`):
  /// ```
  /// σ̂² = (Σ w_i) / ((Σ w_i)² - Σ w_i²) · Σ w_i (x_i - μ_w)²
  /// ```
  /// With all weights equal this is the unbiased variance.
  ///
  /// - Throws: ``PruneAnalysisError`` as ``weightedMean(_:weights:)``, and when fewer than two
  ///   weights are positive (the correction's denominator is then zero).
  public static func weightedVariance(
    _ values: [Double], weights: [Double]
  ) throws(PruneAnalysisError) -> Double {
    try checkWeights(values, weights, minimum: 2, function: "weightedVariance")
    guard weights.lazy.filter({ $0 > 0 }).count >= 2 else {
      throw .undefined(
        function: "weightedVariance",
        reason: "fewer than two weights are positive; give weight "
          + "to at least two values.")
    }
    GSLRuntime.ensureReady()
    return values.withUnsafeBufferPointer { x in
      weights.withUnsafeBufferPointer { w in
        gsl_stats_wvariance(w.baseAddress, 1, x.baseAddress, 1, x.count)
      }
    }
  }

  private static func checkWeights(
    _ values: [Double], _ weights: [Double], minimum: Int, function: String
  ) throws(PruneAnalysisError) {
    try Validation.requirePaired(values, weights, minimum: minimum, function: function)
    var total = 0.0
    for weight in weights {
      try Validation.require(
        weight >= 0, parameter: "\(function) weight", value: weight, allowed: "[0, inf)")
      total += weight
    }
    guard total > 0 else {
      throw .undefined(
        function: function,
        reason: "the weights sum to zero; give weight to "
          + "at least one value.")
    }
  }
}
