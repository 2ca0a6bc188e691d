import CGSL

extension Statistics {
  /// The quantile of already sorted data, GSL's definition (`gsl_stats_quantile_from_sorted_data`):
  /// ```
  /// δ = (n - 1) f,  i = ⌊δ⌋,  Q(f) = (1 - (δ - i)) x_(i) + (δ - i) x_(i+1)
  /// ```
  /// (x_(0) ≤ … ≤ x_(n-1), zero-based). Q(0) is the minimum, Q(1) the maximum; this is
  /// Hyndman & Fan's type 7, the default of R and NumPy.
  ///
  /// - Parameters:
  ///   - sorted: Values in ascending order (checked), at least one.
  ///   - fraction: f in [0, 1].
  /// - Throws: ``PruneAnalysisError`` for an empty or unsorted input, a non-finite value or an f
  ///   outside [0, 1].
  /// - Complexity: O(*n*) for the checks; the lookup itself is O(1).
  public static func quantile(
    sorted: [Double], fraction: Double
  ) throws(PruneAnalysisError) -> Double {
    try Validation.requireFinite(sorted, minimum: 1, function: "quantile")
    try Validation.require(
      fraction >= 0 && fraction <= 1, parameter: "fraction", value: fraction, allowed: "[0, 1]")
    for index in sorted.indices.dropFirst() where sorted[index] < sorted[index - 1] {
      throw .undefined(
        function: "quantile(sorted:fraction:)",
        reason: "value \(index) (\(sorted[index])) is smaller than the one before it; sort the "
          + "data or call quantile(_:fraction:).")
    }
    GSLRuntime.ensureReady()
    return sorted.withUnsafeBufferPointer {
      gsl_stats_quantile_from_sorted_data($0.baseAddress, 1, $0.count, fraction)
    }
  }

  /// The quantile of unsorted data: sorts a copy, then ``quantile(sorted:fraction:)``.
  ///
  /// - Complexity: O(*n* log *n*).
  public static func quantile(
    _ values: [Double], fraction: Double
  ) throws(PruneAnalysisError) -> Double {
    try Validation.requireFinite(values, minimum: 1, function: "quantile")
    return try quantile(sorted: values.sorted(), fraction: fraction)
  }

  /// Several quantiles of unsorted data, sorting once.
  ///
  /// - Complexity: O(*n* log *n* + *k*).
  public static func quantiles(
    _ values: [Double], fractions: [Double]
  ) throws(PruneAnalysisError) -> [Double] {
    try Validation.requireFinite(values, minimum: 1, function: "quantiles")
    let sorted = values.sorted()
    var result: [Double] = []
    result.reserveCapacity(fractions.count)
    for fraction in fractions {
      result.append(try quantile(sorted: sorted, fraction: fraction))
    }
    return result
  }

  /// The median: Q(0.5), the mean of the two middle values when n is even
  /// (`gsl_stats_median_from_sorted_data` on a sorted copy).
  ///
  /// - Complexity: O(*n* log *n*).
  public static func median(_ values: [Double]) throws(PruneAnalysisError) -> Double {
    try Validation.requireFinite(values, minimum: 1, function: "median")
    GSLRuntime.ensureReady()
    let sorted = values.sorted()
    return sorted.withUnsafeBufferPointer {
      gsl_stats_median_from_sorted_data($0.baseAddress, 1, $0.count)
    }
  }
}
