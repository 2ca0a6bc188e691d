import PruneCore

/// A two-sided confidence interval around a point estimate.
public struct ConfidenceInterval: Sendable, Hashable {
  /// The statistic on the original data.
  public let estimate: Double
  /// The lower end.
  public let lower: Double
  /// The upper end.
  public let upper: Double
  /// The nominal coverage, e.g. 0.95.
  public let confidence: Double

  public init(estimate: Double, lower: Double, upper: Double, confidence: Double) {
    self.estimate = estimate
    self.lower = lower
    self.upper = upper
    self.confidence = confidence
  }

  /// True when `value` lies in [lower, upper].
  public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }

  /// Half the width, (upper - lower) / 2: the "±" of a report.
  public var halfWidth: Double { (upper - lower) / 2 }
}

/// Percentile bootstrap confidence intervals (Efron & Tibshirani 1993, ch. 13).
///
/// Draw B resamples of size n with replacement, compute the statistic on each, and take the
/// (1-c)/2 and (1+c)/2 quantiles (``Statistics/quantile(sorted:fraction:)``, GSL's definition)
/// of the B values as the interval. Draw order, fixed so runs are reproducible: resample by
/// resample, index by index, each index `generator.nextIndex(below: n)`.
public enum Bootstrap {
  /// The percentile interval of a statistic of the values.
  ///
  /// - Parameters:
  ///   - values: The sample, at least two finite values.
  ///   - confidence: c in (0, 1), default 0.95.
  ///   - resamples: B >= 10, default 1000.
  ///   - generator: The caller's seeded generator; advanced by B·n draws.
  ///   - statistic: The statistic of one (re)sample, e.g. its mean.
  /// - Throws: ``PruneAnalysisError`` for bad inputs or a non-finite statistic.
  /// - Complexity: O(B·(n + cost of the statistic)); one resample buffer reused.
  public static func percentileInterval(
    _ values: [Double], confidence: Double = 0.95, resamples: Int = 1000,
    generator: inout SeededGenerator, statistic: ([Double]) -> Double
  ) throws(PruneAnalysisError) -> ConfidenceInterval {
    try Validation.requireFinite(values, minimum: 2, function: "Bootstrap.percentileInterval")
    var resample = values
    return try percentileInterval(
      count: values.count, confidence: confidence, resamples: resamples, generator: &generator
    ) { indices in
      for (slot, index) in indices.enumerated() { resample[slot] = values[index] }
      return statistic(resample)
    }
  }

  /// The percentile interval of the mean: the values overload of `percentileInterval` with the
  /// arithmetic mean as the statistic.
  public static func percentileIntervalOfMean(
    _ values: [Double], confidence: Double = 0.95, resamples: Int = 1000,
    generator: inout SeededGenerator
  ) throws(PruneAnalysisError) -> ConfidenceInterval {
    try Validation.requireFinite(values, minimum: 2, function: "Bootstrap.percentileIntervalOfMean")
    let n = Double(values.count)
    return try percentileInterval(
      count: values.count, confidence: confidence, resamples: resamples, generator: &generator
    ) { indices in
      var sum = 0.0
      for index in indices { sum += values[index] }
      return sum / n
    }
  }

  /// The percentile interval of a statistic of resampled *indices*: use it for paired or
  /// multi-column data (resample rows together).
  ///
  /// - Parameters:
  ///   - count: n, the number of rows, >= 2.
  ///   - statistic: Receives n indices in 0..<n (with repeats; the identity for the estimate).
  public static func percentileInterval(
    count: Int, confidence: Double = 0.95, resamples: Int = 1000,
    generator: inout SeededGenerator, statistic: ([Int]) -> Double
  ) throws(PruneAnalysisError) -> ConfidenceInterval {
    guard count >= 2 else {
      throw .tooFewValues(function: "Bootstrap.percentileInterval", count: count, minimum: 2)
    }
    try Validation.require(
      confidence > 0 && confidence < 1, parameter: "confidence", value: confidence,
      allowed: "(0, 1)")
    try Validation.require(
      resamples >= 10, parameter: "resamples", value: Double(resamples), allowed: "[10, inf)")
    var indices = Array(0..<count)
    let estimate = statistic(indices)
    var replicates: [Double] = []
    replicates.reserveCapacity(resamples)
    for _ in 0..<resamples {
      for slot in 0..<count { indices[slot] = generator.nextIndex(below: count) }
      let value = statistic(indices)
      guard value.isFinite else {
        throw .nonFiniteValue(
          function: "Bootstrap statistic", index: replicates.count, value: value)
      }
      replicates.append(value)
    }
    replicates.sort()
    let tail = (1 - confidence) / 2
    return ConfidenceInterval(
      estimate: estimate,
      lower: try Statistics.quantile(sorted: replicates, fraction: tail),
      upper: try Statistics.quantile(sorted: replicates, fraction: 1 - tail),
      confidence: confidence)
  }
}
