import CGSL

/// Correlation coefficients between two paired series.
///
/// Pearson and Spearman come from GSL; Kendall's tau-b is computed in Swift
/// (``kendallTauB(_:_:)``, Knight 1966). All three are undefined when a series is constant and
/// throw ``PruneAnalysisError/undefined(function:reason:)`` then.
public enum Correlation {
  /// Pearson's r = cov(x, y) / (s_x s_y) (`gsl_stats_correlation`).
  ///
  /// - Parameters:
  ///   - x: At least two finite values, not all equal.
  ///   - y: As many finite values as `x`, not all equal.
  /// - Throws: ``PruneAnalysisError`` for mismatched lengths, too few or non-finite values, or a
  ///   constant series.
  /// - Complexity: O(*n*).
  public static func pearson(_ x: [Double], _ y: [Double]) throws(PruneAnalysisError) -> Double {
    try Validation.requirePaired(x, y, minimum: 2, function: "pearson")
    try requireNotConstant(x, y, function: "pearson")
    GSLRuntime.ensureReady()
    let r = x.withUnsafeBufferPointer { xs in
      y.withUnsafeBufferPointer { ys in
        gsl_stats_correlation(xs.baseAddress, 1, ys.baseAddress, 1, xs.count)
      }
    }
    return try GSLRuntime.checked(r, function: "gsl_stats_correlation")
  }

  /// Spearman's rank correlation: Pearson's r of the ranks, ties given their average rank
  /// (`gsl_stats_spearman`). Without ties it equals 1 - 6 Σ d_i² / (n (n² - 1)), d_i the rank
  /// difference of pair i.
  ///
  /// - Throws: As ``pearson(_:_:)``.
  /// - Complexity: O(*n* log *n*); one workspace of 2*n* doubles.
  public static func spearman(_ x: [Double], _ y: [Double]) throws(PruneAnalysisError) -> Double {
    try Validation.requirePaired(x, y, minimum: 2, function: "spearman")
    try requireNotConstant(x, y, function: "spearman")
    GSLRuntime.ensureReady()
    var work = [Double](repeating: 0, count: 2 * x.count)
    let rho = x.withUnsafeBufferPointer { xs in
      y.withUnsafeBufferPointer { ys in
        work.withUnsafeMutableBufferPointer { w in
          gsl_stats_spearman(xs.baseAddress, 1, ys.baseAddress, 1, xs.count, w.baseAddress)
        }
      }
    }
    return try GSLRuntime.checked(rho, function: "gsl_stats_spearman")
  }

  static func requireNotConstant(
    _ x: [Double], _ y: [Double], function: String
  ) throws(PruneAnalysisError) {
    for (name, series) in [("x", x), ("y", y)] {
      guard let first = series.first, series.contains(where: { $0 != first }) else {
        throw .undefined(
          function: function,
          reason: "series \(name) is constant, so it has no ranks or spread to correlate; pass a "
            + "series with at least two distinct values.")
      }
    }
  }
}
