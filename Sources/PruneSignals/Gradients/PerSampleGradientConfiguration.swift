import PruneCore

/// The knobs of ``PerSampleGradientGenerator``: mean direction, noise covariance, and the
/// coupling between a sample's loss and its gradient norm.
///
/// The model (issue 3 item 2; used by claims IB-1 and IB-2): sample i with loss ℓ_i gets
/// ```
/// d_i = μ + ε_i,  ε_i ~ N(0, Σ)                       direction source (GradientNoise)
/// n_i = (1 - |c|) ‖d_i‖ + |c| q_i                      norm
/// g_i = n_i · d_i / ‖d_i‖
/// q_i = ρ̄ ℓ_i / ℓ̄                   for c ≥ 0  (norm proportional to loss)
/// q_i = ρ̄ ℓ_(mirror(i)) / ℓ̄         for c < 0  (the loss of the mirrored rank: anti-monotone)
/// ```
/// with ℓ̄ the mean loss, ρ̄ = mean_i ‖d_i‖ (so the mean norm is ρ̄ for every c), and mirror(i) the
/// sample whose loss rank is n-1-rank(i). So:
/// - c = 1: ‖g_i‖ ∝ ℓ_i exactly: InfoBatch's assumption "small loss ⇔ small gradient"
///   (App. B.3, Eq. 17) holds, and Var over low-loss samples is small;
/// - c = 0: g_i = μ + ε_i, norms independent of the losses: the assumption is void;
/// - c = -1: the lowest-loss samples get the largest norms: the assumption is broken the other
///   way, and pruning low-loss samples removes the largest gradients.
/// Directions always come from μ + ε_i, so E[g_i] points along μ for every c.
public struct PerSampleGradientConfiguration: Sendable, Hashable {
  /// μ, the mean gradient direction (its length is the mean magnitude when Σ is small).
  public let meanDirection: [Double]
  /// Σ, the covariance of ε_i.
  public let noise: GradientNoise
  /// c in [-1, 1], the loss/norm coupling.
  public let lossCoupling: Double
  /// The seed every draw derives from.
  public let seed: UInt64

  /// - Throws: ``PruneSignalsError`` when μ and Σ differ in dimension, μ has a non-finite entry,
  ///   μ = 0 and tr Σ = 0 (no direction to draw), or c is outside [-1, 1].
  public init(
    meanDirection: [Double], noise: GradientNoise, lossCoupling: Double = 1, seed: UInt64 = 0
  ) throws {
    guard meanDirection.count == noise.dimension else {
      throw PruneSignalsError.mismatch(
        detail: "meanDirection has \(meanDirection.count) entries but the noise has dimension "
          + "\(noise.dimension); make them equal.")
    }
    for value in meanDirection where !value.isFinite {
      throw PruneSignalsError.outOfRange(
        parameter: "meanDirection entry", value: value, allowed: "(-inf, inf)")
    }
    guard meanDirection.contains(where: { $0 != 0 }) || noise.trace > 0 else {
      throw PruneSignalsError.mismatch(
        detail: "meanDirection and noise are both zero, so every gradient would be zero; give "
          + "a mean or some noise.")
    }
    guard lossCoupling >= -1, lossCoupling <= 1 else {
      throw PruneSignalsError.outOfRange(
        parameter: "lossCoupling", value: lossCoupling, allowed: "[-1, 1]")
    }
    self.meanDirection = meanDirection
    self.noise = noise
    self.lossCoupling = lossCoupling
    self.seed = seed
  }

  /// A common setting: μ = (m/√d)(1, …, 1) (so ‖μ‖ = m) and isotropic noise σ² I.
  public init(
    dimension: Int, meanNorm: Double, noiseVariance: Double, lossCoupling: Double = 1,
    seed: UInt64 = 0
  ) throws {
    guard dimension >= 1 else {
      throw PruneSignalsError.outOfRange(
        parameter: "dimension", value: Double(dimension), allowed: "an integer >= 1")
    }
    guard meanNorm.isFinite else {
      throw PruneSignalsError.outOfRange(
        parameter: "meanNorm", value: meanNorm, allowed: "(-inf, inf)")
    }
    let entry = meanNorm / Double(dimension).squareRoot()
    try self.init(
      meanDirection: Array(repeating: entry, count: dimension),
      noise: .isotropic(dimension: dimension, variance: noiseVariance),
      lossCoupling: lossCoupling, seed: seed)
  }

  /// d.
  public var dimension: Int { noise.dimension }
}
