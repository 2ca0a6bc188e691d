import CGSL

extension Statistics {
  /// The mean of every column of a row-major matrix (`gsl_stats_mean` with stride = columns).
  ///
  /// Use it on per-sample gradients stored as n rows of d coordinates (claims.md IB-2).
  ///
  /// - Parameters:
  ///   - matrix: rows × columns finite values, row-major.
  ///   - columns: The row length, ≥ 1, dividing `matrix.count`.
  /// - Throws: ``PruneAnalysisError`` for a shape that does not fit or a non-finite value.
  /// - Complexity: O(rows × columns).
  public static func columnMeans(
    _ matrix: [Double], columns: Int
  ) throws(PruneAnalysisError) -> [Double] {
    let rows = try checkMatrix(matrix, columns: columns, minimumRows: 1, function: "columnMeans")
    GSLRuntime.ensureReady()
    return matrix.withUnsafeBufferPointer { p in
      guard let base = p.baseAddress else { return [] }
      return (0..<columns).map { column in gsl_stats_mean(base + column, columns, rows) }
    }
  }

  /// The unbiased variance of every column of a row-major matrix (`gsl_stats_variance` with
  /// stride = columns): the per-coordinate variance of claim IB-2.
  ///
  /// - Throws: ``PruneAnalysisError`` as ``columnMeans(_:columns:)``, and for fewer than two rows.
  public static func columnVariances(
    _ matrix: [Double], columns: Int
  ) throws(PruneAnalysisError) -> [Double] {
    let rows = try checkMatrix(
      matrix, columns: columns, minimumRows: 2, function: "columnVariances")
    GSLRuntime.ensureReady()
    return matrix.withUnsafeBufferPointer { p in
      guard let base = p.baseAddress else { return [] }
      return (0..<columns).map { column in gsl_stats_variance(base + column, columns, rows) }
    }
  }

  private static func checkMatrix(
    _ matrix: [Double], columns: Int, minimumRows: Int, function: String
  ) throws(PruneAnalysisError) -> Int {
    try Validation.require(
      columns >= 1 && matrix.count % max(columns, 1) == 0, parameter: "columns",
      value: Double(columns), allowed: "a divisor of the matrix size \(matrix.count)")
    try Validation.requireFinite(matrix, minimum: minimumRows * columns, function: function)
    return matrix.count / columns
  }
}
