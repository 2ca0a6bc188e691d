import PruneCore

#if canImport(Glibc)
  import Glibc
#endif

/// Per-sample losses that change with every optimiser step (RePB-1).
///
/// ```
/// μ_i(t) = ℓ_floor + (ℓ_0,i − ℓ_floor) exp(−κ_i t)       t = global step
/// |dμ_i/dt| ≤ L_i = κ_i (ℓ_0,i − ℓ_floor)                  (a Lipschitz constant in t)
/// ```
/// with log-normal starting losses ℓ_0,i and log-normal rates κ_i, so fast learners overtake
/// slow ones and the ranking of the losses drifts step by step: the score of a sample measured at
/// step t differs from its score at step t' by at most L_max |t − t'|. This is the synthetic
/// stand-in for RePB's drift bound |s(θ_t) − s(θ_t')| ≤ L ‖θ_t − θ_t'‖ ≤ L W η G.
struct DriftingLossField: Sendable {
  let startLosses: [Double]
  let rates: [Double]
  let floor: Double

  init(sampleCount: Int, medianRate: Double, seed: UInt64, floor: Double = 0.01) {
    var generator = SeededGenerator(seed: seed, stream: 0x6472_6966)
    startLosses = (0..<sampleCount).map { _ in
      2.302585092994046 * exp(0.5 * generator.nextGaussian())
    }
    rates = (0..<sampleCount).map { _ in medianRate * exp(generator.nextGaussian()) }
    self.floor = floor
  }

  var sampleCount: Int { rates.count }

  /// μ_i(t).
  func loss(ofSample i: Int, atStep t: Int) -> Double {
    floor + (startLosses[i] - floor) * exp(-rates[i] * Double(t))
  }

  /// L_max = max_i κ_i (ℓ_0,i − ℓ_floor): no score moves faster than this per step.
  var lipschitzPerStep: Double {
    zip(rates, startLosses).map { $0 * ($1 - floor) }.max() ?? 0
  }
}
