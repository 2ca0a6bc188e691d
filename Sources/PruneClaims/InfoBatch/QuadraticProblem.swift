import PruneCore
import PruneSignals

/// A quadratic objective with per-sample optima, for the rescaling-limit claim (IB-3).
///
/// The Hessian comes from PruneSignals' ``QuadraticObjective`` (which also gives the predicted
/// critical rate 2/(s λ_max)); the per-sample structure InfoBatch needs to score samples is added
/// here:
/// ```
/// ℓ_z(θ) = ½ (θ − c_z)ᵀ H (θ − c_z),   H = diag(λ_1 … λ_d),   c_z ~ Normal(0, σ_c² I)
/// ∇ℓ_z(θ) = H (θ − c_z)
/// ```
/// The full-data gradient is H(θ − c̄); the per-sample gradients scatter around it with
/// covariance Σ = σ_c² H² (the gradient noise of InfoBatch App. B.4). A minibatch step with loss
/// weights w is θ ← θ − ε H (w̄ θ − (1/B) Σ w_i c_i), so the deterministic part is stable iff
/// |1 − ε w̄ λ_max| < 1: plain SGD's critical learning rate is 2/λ_max.
struct QuadraticProblem: Sendable {
  /// H (and θ* = 0).
  let objective: QuadraticObjective
  /// c_z, row-major.
  let optima: [Double]
  let sampleCount: Int

  var curvatures: [Double] { objective.hessianEigenvalues }
  var dimension: Int { objective.dimension }
  var largestCurvature: Double { objective.largestEigenvalue }

  init(
    sampleCount: Int, dimension: Int, smallest: Double = 0.05, largest: Double = 1,
    spread: Double = 1, seed: UInt64
  ) throws {
    self.sampleCount = sampleCount
    objective = try QuadraticObjective(
      hessianEigenvalues: QuadraticObjective.geometricSpectrum(
        dimension: dimension, smallest: smallest, largest: largest))
    var generator = SeededGenerator(seed: seed, stream: 0x7175_6164)
    optima = (0..<(sampleCount * dimension)).map { _ in spread * generator.nextGaussian() }
  }

  /// ℓ_z(θ).
  func loss(ofSample z: Int, at theta: [Double]) -> Double {
    var total = 0.0
    let row = z * dimension
    for j in 0..<dimension {
      let r = theta[j] - optima[row + j]
      total += curvatures[j] * r * r
    }
    return 0.5 * total
  }

  /// One SGD step on a batch with effective loss weights: θ ← θ − ε (1/B) Σ w_i H (θ − c_i).
  func step(
    _ theta: inout [Double], learningRate: Double, samples: ArraySlice<Int>,
    weights: ArraySlice<Double>
  ) {
    let count = Double(samples.count)
    var weightSum = 0.0
    var pull = [Double](repeating: 0, count: dimension)
    for (z, w) in zip(samples, weights) {
      weightSum += w
      let row = z * dimension
      for j in 0..<dimension { pull[j] += w * optima[row + j] }
    }
    for j in 0..<dimension {
      theta[j] -= learningRate * curvatures[j] * (weightSum * theta[j] - pull[j]) / count
    }
  }
}
