import Glibc
import PruneCore

/// A quadratic objective with a chosen Hessian spectrum and Gaussian gradient noise, for the
/// rescaling-limit claim IB-3 (InfoBatch App. B.4, Eq. 20–23; claims.md IB-3).
///
/// ```
/// f(θ) = ½ (θ - θ*)ᵀ H (θ - θ*),   H = diag(λ_1 … λ_d),   ∇f(θ) = H (θ - θ*)
/// stochastic gradient  ĝ(θ) = ∇f(θ) + ξ,   ξ ~ N(0, diag(σ_1² … σ_d²))
/// ```
/// H is given in its eigenbasis. That loses nothing for the claim: SGD commutes with a rotation
/// θ ↦ Qθ, and with additive noise the iteration φ ← (I - ηsH) φ - ηs ξ is stable in mean and in
/// second moment exactly when |1 - η s λ_j| < 1 for every j, whatever the noise covariance. So the
/// critical learning rate is
/// ```
/// η_crit(s) = 2 / (s λ_max)
/// ```
/// and rescaling every gradient by s = |D|/|S_t| (InfoBatch's rescaled pruning) shrinks the largest
/// stable learning rate by the factor |S_t|/|D|.
public struct QuadraticObjective: Sendable, Hashable {
  /// λ_1 … λ_d > 0, the Hessian's eigenvalues.
  public let hessianEigenvalues: [Double]
  /// θ*, the minimiser.
  public let minimizer: [Double]
  /// σ_1² … σ_d² ≥ 0, the gradient-noise variances (Σ in the Hessian's eigenbasis).
  public let noiseVariances: [Double]

  /// - Parameters:
  ///   - hessianEigenvalues: At least one, each positive and finite.
  ///   - minimizer: θ*; default the origin.
  ///   - noiseVariances: Σ's diagonal; default 0 (deterministic gradient descent).
  /// - Throws: ``PruneSignalsError`` for an empty spectrum, a non-positive eigenvalue, a negative
  ///   variance, or vectors of different lengths.
  public init(
    hessianEigenvalues: [Double], minimizer: [Double]? = nil, noiseVariances: [Double]? = nil
  ) throws {
    guard !hessianEigenvalues.isEmpty else {
      throw PruneSignalsError.outOfRange(
        parameter: "hessianEigenvalues count", value: 0, allowed: "an integer >= 1")
    }
    for value in hessianEigenvalues where !(value > 0 && value.isFinite) {
      throw PruneSignalsError.outOfRange(
        parameter: "Hessian eigenvalue", value: value, allowed: "(0, inf)")
    }
    let d = hessianEigenvalues.count
    let theta = minimizer ?? Array(repeating: 0, count: d)
    let variances = noiseVariances ?? Array(repeating: 0, count: d)
    guard theta.count == d, variances.count == d else {
      throw PruneSignalsError.mismatch(
        detail: "hessianEigenvalues, minimizer, noiseVariances: their lengths are \(d), "
          + "\(theta.count) and \(variances.count); give one entry per dimension.")
    }
    for value in theta where !value.isFinite {
      throw PruneSignalsError.outOfRange(
        parameter: "minimizer entry", value: value, allowed: "(-inf, inf)")
    }
    for value in variances where !(value >= 0 && value.isFinite) {
      throw PruneSignalsError.outOfRange(
        parameter: "noise variance", value: value, allowed: "[0, inf)")
    }
    self.hessianEigenvalues = hessianEigenvalues
    self.minimizer = theta
    self.noiseVariances = variances
  }

  /// Eigenvalues spaced geometrically from `smallest` to `largest` (condition number
  /// largest/smallest), ascending: a typical ill-conditioned spectrum.
  public static func geometricSpectrum(
    dimension: Int, smallest: Double, largest: Double
  ) throws -> [Double] {
    guard dimension >= 1 else {
      throw PruneSignalsError.outOfRange(
        parameter: "dimension", value: Double(dimension), allowed: "an integer >= 1")
    }
    guard smallest > 0, largest >= smallest, largest.isFinite else {
      throw PruneSignalsError.mismatch(
        detail: "geometricSpectrum needs 0 < smallest <= largest < inf, got \(smallest) and "
          + "\(largest).")
    }
    guard dimension > 1 else { return [largest] }
    let ratio = largest / smallest
    return (0..<dimension).map { j in
      smallest * pow(ratio, Double(j) / Double(dimension - 1))
    }
  }

  /// d.
  public var dimension: Int { hessianEigenvalues.count }

  /// λ_max.
  public var largestEigenvalue: Double { hessianEigenvalues.max() ?? 0 }

  /// f(θ).
  public func value(at theta: [Double]) -> Double {
    var sum = 0.0
    for j in 0..<dimension {
      let offset = theta[j] - minimizer[j]
      sum += hessianEigenvalues[j] * offset * offset
    }
    return sum / 2
  }

  /// ∇f(θ) = H (θ - θ*).
  public func gradient(at theta: [Double]) -> [Double] {
    (0..<dimension).map { hessianEigenvalues[$0] * (theta[$0] - minimizer[$0]) }
  }

  /// The predicted critical learning rate 2 / (s λ_max) for gradients scaled by s
  /// (InfoBatch App. B.4: s = |D|/|S_t| with rescaling).
  public func criticalLearningRate(gradientScale: Double = 1) -> Double {
    2 / (gradientScale * largestEigenvalue)
  }

  /// The stationary expected loss of SGD with learning rate η, gradient scale s and noise-std
  /// multiplier ν below the critical rate: Σ_j η s ν² σ_j² / (2 (2 - η s λ_j)); infinite at or
  /// above it. (From E[φ_j²] = η²s²ν²σ_j² / (1 - (1 - ηsλ_j)²).)
  public func stationaryLoss(
    learningRate: Double, gradientScale: Double = 1, noiseScale: Double = 1
  ) -> Double {
    var sum = 0.0
    for j in 0..<dimension {
      let x = learningRate * gradientScale * hessianEigenvalues[j]
      guard x < 2 else { return .infinity }
      sum +=
        learningRate * gradientScale * noiseScale * noiseScale * noiseVariances[j] / (2 * (2 - x))
    }
    return sum
  }
}
