import PruneCore

#if canImport(Glibc)
  import Glibc
#endif

/// RePB's candidate pool as a recurrence, and its steady state (RePB-2).
///
/// Each epoch, local window pruning drops a pool member below its window mean with probability
/// ρ; uniform resampling brings back each sample not used in the epoch with probability 1 − ρ
/// (algorithms.md §4). With a share f of the pool below its window mean, the expected pool is
/// ```
/// without resampling:  P_{E+1} = P_E (1 − ρ f)                       → N (1 − ρ f)^E → 0
/// with resampling:     P_{E+1} = P_E (1 − ρ f) + (1 − ρ)(N − P_E)
/// steady state:        P* / N = (1 − ρ) / (ρ f + 1 − ρ)
/// ```
/// For one sample whose chance of falling below its window mean is q_i, the same recurrence is a
/// two-state Markov chain (in the pool / out of it) whose long-run share of epochs in the pool is
/// p_i = (1 − ρ) / (ρ q_i + 1 − ρ); the pool's expected steady size is Σ_i p_i, which exceeds the
/// mean-field N(1 − ρ)/(ρ q̄ + 1 − ρ) when the q_i differ (p is convex in q; Jensen).
enum RepbPoolPrediction {
  /// The expected next pool size.
  static func nextPool(
    _ pool: Double, sampleCount: Int, rho: Double, belowMeanFraction f: Double, resampling: Bool
  ) -> Double {
    let kept = pool * (1 - rho * f)
    return resampling ? kept + (1 - rho) * (Double(sampleCount) - pool) : kept
  }

  /// P*/N, the steady-state pool fraction of the mean-field recurrence.
  static func steadyStateFraction(rho: Double, belowMeanFraction f: Double) -> Double {
    (1 - rho) / (rho * f + 1 - rho)
  }

  /// Σ_i p_i / N, the steady-state pool fraction of independent per-sample chains.
  static func steadyStateFraction(rho: Double, belowMeanProbabilities q: [Double]) -> Double {
    guard !q.isEmpty else { return .nan }
    var total = 0.0
    for qi in q { total += steadyStateFraction(rho: rho, belowMeanFraction: qi) }
    return total / Double(q.count)
  }
}

/// Each sample's chance q_i of falling strictly below its window mean, predicted from the loss
/// field alone (RePB-2's evidence): for every sample, `draws` windows of B − 1 partners drawn
/// uniformly from all samples, every loss with fresh noise from the field's distribution. No
/// pruning run is involved, so the prediction is independent of the measured pool.
struct BelowMeanChances {
  /// q_i per sample.
  let chances: [Double]
  /// The binomial standard error of the mean q̄ = mean_i q_i over all draws.
  let meanError: Double

  var mean: Double { chances.reduce(0, +) / Double(max(chances.count, 1)) }

  init(field: NoisyLossField, batchSize: Int, draws: Int, seed: UInt64) {
    var generator = SeededGenerator(seed: seed, stream: 0x7142_0002)
    let n = field.sampleCount
    let sigma = field.noise
    func noisy(_ i: Int) -> Double {
      field.levels[i] * exp(sigma * generator.nextGaussian() - sigma * sigma / 2)
    }
    var chances = [Double](repeating: 0, count: n)
    for i in 0..<n {
      var below = 0
      for _ in 0..<draws {
        let own = noisy(i)
        var total = own
        for _ in 1..<max(1, batchSize) { total += noisy(generator.nextIndex(below: n)) }
        if own < total / Double(max(1, batchSize)) { below += 1 }
      }
      chances[i] = Double(below) / Double(draws)
    }
    self.chances = chances
    let q = chances.reduce(0, +) / Double(max(n, 1))
    meanError = (q * (1 - q) / Double(max(1, n * draws))).squareRoot()
  }
}
