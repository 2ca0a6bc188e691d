import PruneCore

/// The arithmetic of ``SyntheticLearner``'s losses, in a small trivially copyable value so the
/// hot loop holds it in registers (no copy of the learner and its arrays per visit).
///
/// ```
/// μ = ℓ_floor + (ℓ_0 − ℓ_floor) · exp(−(rate · n + γ G))      (rate = η / d; clean sample)
/// μ = ℓ_noisy                                                  (mislabelled: rate < 0)
/// ℓ = max(0, μ (1 + σ ε)),  ε from the generator of (noise seed, epoch, sample)
/// ```
@usableFromInline
struct LossModel: Sendable {
  @usableFromInline let floor: Double
  /// ℓ_0 − ℓ_floor.
  @usableFromInline let span: Double
  @usableFromInline let noisyLoss: Double
  @usableFromInline let sigma: Double
  /// ν, or 0 for Gaussian noise.
  @usableFromInline let nu: Double
  @usableFromInline let noiseSeed: UInt64
  /// γ · G(e), the global progress of the current epoch.
  @usableFromInline var globalProgress: Double

  init(configuration: LearnerConfiguration, noiseSeed: UInt64) {
    floor = configuration.lossFloor
    span = configuration.initialLoss - configuration.lossFloor
    noisyLoss = configuration.noisyLoss
    sigma = configuration.noiseLevel
    nu = configuration.heavyTailDegrees ?? 0
    self.noiseSeed = noiseSeed
    globalProgress = 0
  }

  /// μ for a sample with learning rate `rate` (−1: mislabelled) and exposure `exposure`.
  @inlinable
  func expected(rate: Double, exposure: Double) -> Double {
    if rate < 0 { return noisyLoss }
    return floor + span * RandomDraws.exp(-(rate * exposure + globalProgress))
  }

  /// μ (1 + σ ε_{i,e}), floored at 0.
  @inlinable
  func measured(mean: Double, sample: Int, epoch: Int) -> Double {
    guard sigma > 0 else { return mean }
    var generator = SeededGenerator(seed: noiseSeed, stream: UInt64(epoch) << 40 | UInt64(sample))
    let epsilon =
      nu > 0
      ? RandomDraws.studentT(nu: nu, using: &generator)
      : RandomDraws.gaussian(using: &generator)
    return max(0, mean * (1 + sigma * epsilon))
  }
}
