import PruneCore

/// Per-sample losses and gradients: the inputs of InfoBatch's gradient-expectation claims
/// (IB-1, IB-2).
///
/// Gradients are stored row-major, one row of `dimension` values per sample, so a sum over a plan
/// walks contiguous memory.
struct GradientField: Sendable {
  /// H(z), the per-sample loss InfoBatch scores a sample by.
  let losses: [Double]
  /// g_z, row-major: `gradients[z * dimension + j]`.
  let gradients: [Double]
  /// d, the gradient dimension.
  let dimension: Int

  var sampleCount: Int { losses.count }

  /// Σ_z w_z g_z over `samples` with `weights` (or weight 1 when `weights` is nil).
  func weightedSum(samples: [Int], weights: [Double]?) -> [Double] {
    var total = [Double](repeating: 0, count: dimension)
    gradients.withUnsafeBufferPointer { g in
      total.withUnsafeMutableBufferPointer { t in
        for (k, z) in samples.enumerated() {
          let w = weights?[k] ?? 1
          let row = z * dimension
          for j in 0..<dimension { t[j] += w * g[row + j] }
        }
      }
    }
    return total
  }

  /// Σ_z g_z over the samples for which `include` is true.
  func sum(where include: (Int) -> Bool) -> [Double] {
    var total = [Double](repeating: 0, count: dimension)
    for z in 0..<sampleCount where include(z) {
      let row = z * dimension
      for j in 0..<dimension { total[j] += gradients[row + j] }
    }
    return total
  }

  /// The InfoBatch candidates: samples whose loss is strictly below the mean loss
  /// (algorithms.md §1.2; ties are never candidates).
  var candidates: [Bool] {
    var total = 0.0
    for l in losses { total += l }
    let mean = total / Double(sampleCount)
    return losses.map { $0 < mean }
  }
}

/// Small vector helpers for the claims' d-dimensional sums.
enum VectorMath {
  static func norm(_ v: [Double]) -> Double {
    var s = 0.0
    for x in v { s += x * x }
    return s.squareRoot()
  }

  static func difference(_ a: [Double], _ b: [Double]) -> [Double] {
    zip(a, b).map { $0 - $1 }
  }

  /// a + c·b.
  static func adding(_ a: [Double], _ b: [Double], times c: Double) -> [Double] {
    zip(a, b).map { $0 + c * $1 }
  }
}

/// Running mean and per-coordinate variance of d-dimensional Monte-Carlo draws.
///
/// The Monte-Carlo mean m of M draws with covariance Σ has E‖m − E m‖² = tr Σ / M; its square
/// root is the noise floor a measured bias norm is compared against.
struct VectorMonteCarlo {
  private(set) var count = 0
  private var sum: [Double]
  private var sumOfSquares: [Double]

  init(dimension: Int) {
    sum = [Double](repeating: 0, count: dimension)
    sumOfSquares = sum
  }

  mutating func add(_ draw: [Double]) {
    count += 1
    for j in draw.indices {
      sum[j] += draw[j]
      sumOfSquares[j] += draw[j] * draw[j]
    }
  }

  /// The mean of the draws.
  var mean: [Double] { sum.map { $0 / Double(max(count, 1)) } }

  /// sqrt(tr Σ̂ / M): the standard error of the mean, as a vector norm.
  var standardErrorNorm: Double {
    guard count > 1 else { return .infinity }
    let m = Double(count)
    var trace = 0.0
    for j in sum.indices {
      let variance = (sumOfSquares[j] - sum[j] * sum[j] / m) / (m - 1)
      trace += max(0, variance)
    }
    return (trace / m).squareRoot()
  }
}
