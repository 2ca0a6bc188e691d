import PruneCore
import PruneSignals

#if canImport(Glibc)
  import Glibc
#endif

extension GradientField {
  /// Log-normal per-sample losses with gradients from PruneSignals' generator, whose norms follow
  /// the losses to the degree `coupling` (``PerSampleGradientConfiguration``).
  ///
  /// ```
  /// H(z) = exp(σ_H ξ_z),  ξ_z ~ Normal(0, 1)
  /// g_z  from PerSampleGradientGenerator: mean direction of norm `meanNorm`, noise σ² I,
  ///      loss/norm coupling c (1: ‖g‖ ∝ H, 0: independent, −1: anti-monotone)
  /// ```
  /// c = 1 makes "small loss ⇔ small gradient" hold (the assumption of InfoBatch Eq. 17), c = 0
  /// removes it and c = −1 inverts it.
  static func synthetic(
    sampleCount: Int, dimension: Int, coupling: Double, meanNorm: Double = 1,
    noiseVariance: Double = 1, lossSpread: Double = 1, seed: UInt64
  ) throws -> GradientField {
    var generator = SeededGenerator(seed: seed, stream: 0x6772_6164)
    var losses = [Double](repeating: 0, count: sampleCount)
    for z in 0..<sampleCount { losses[z] = exp(lossSpread * generator.nextGaussian()) }
    let configuration = try PerSampleGradientConfiguration(
      dimension: dimension, meanNorm: meanNorm, noiseVariance: noiseVariance,
      lossCoupling: coupling, seed: seed)
    let gradients = try PerSampleGradientGenerator(configuration: configuration)
      .gradients(forLosses: losses)
    return GradientField(losses: losses, gradients: gradients.values, dimension: dimension)
  }
}
