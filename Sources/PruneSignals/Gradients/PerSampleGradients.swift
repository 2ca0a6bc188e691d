/// n per-sample gradients of dimension d, stored row-major in one flat array.
public struct PerSampleGradients: Sendable, Hashable {
  /// n.
  public let sampleCount: Int
  /// d.
  public let dimension: Int
  /// g_0 … g_{n-1}, row i at `i * dimension ..< (i + 1) * dimension`.
  public let values: [Double]

  public init(sampleCount: Int, dimension: Int, values: [Double]) {
    precondition(values.count == sampleCount * dimension, "values must hold n × d entries")
    self.sampleCount = sampleCount
    self.dimension = dimension
    self.values = values
  }

  /// g_i.
  public func gradient(_ sample: Int) -> ArraySlice<Double> {
    values[sample * dimension..<(sample + 1) * dimension]
  }

  /// ‖g_i‖ for every sample.
  public var norms: [Double] {
    (0..<sampleCount).map { sample in
      gradient(sample).reduce(0) { $0 + $1 * $1 }.squareRoot()
    }
  }

  /// Σ_i w_i g_i over the listed samples (weight 1 where `weights` is nil): the pruned-epoch
  /// gradient sum of InfoBatch's Eq. 6–9 for a kept set and its rescale weights.
  ///
  /// - Parameters:
  ///   - samples: Indices in 0..<n (repeats allowed); default all.
  ///   - weights: One weight per listed sample, or nil.
  public func weightedSum(of samples: [Int]? = nil, weights: [Double]? = nil) -> [Double] {
    let chosen = samples ?? Array(0..<sampleCount)
    precondition(weights == nil || weights?.count == chosen.count, "one weight per sample")
    var sum = [Double](repeating: 0, count: dimension)
    for (position, sample) in chosen.enumerated() {
      let weight = weights?[position] ?? 1
      let base = sample * dimension
      for j in 0..<dimension { sum[j] += weight * values[base + j] }
    }
    return sum
  }

  /// (1/n) Σ_i g_i.
  public var mean: [Double] {
    weightedSum().map { $0 / Double(sampleCount) }
  }
}
