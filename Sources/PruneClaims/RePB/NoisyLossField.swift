import PruneCore

#if canImport(Glibc)
  import Glibc
#endif

/// Per-sample losses with a persistent level and fresh noise in every epoch (RePB-2, RePB-3).
///
/// ```
/// ℓ_i(e) = μ_i · exp(σ_n ε_{i,e} − σ_n²/2),   ε_{i,e} ~ Normal(0, 1)
/// ```
/// so E[ℓ_i(e)] = μ_i. With all μ_i equal every sample has the same chance q of falling below its
/// window mean (homogeneous); with log-normal μ_i the chance q_i differs from sample to sample
/// (heterogeneous). ε_{i,e} comes from a generator seeded by (seed, e, i), so the losses do not
/// depend on the order in which samples are visited.
struct NoisyLossField: Sendable {
  let levels: [Double]
  let noise: Double
  let seed: UInt64

  /// - Parameter levelSpread: σ of log μ_i; 0 gives μ_i = 1 for every sample.
  init(sampleCount: Int, levelSpread: Double, noise: Double, seed: UInt64) {
    var generator = SeededGenerator(seed: seed, stream: 0x6c65_7665)
    levels = (0..<sampleCount).map { _ in
      levelSpread == 0 ? 1 : exp(levelSpread * generator.nextGaussian())
    }
    self.noise = noise
    self.seed = seed
  }

  init(levels: [Double], noise: Double, seed: UInt64) {
    self.levels = levels
    self.noise = noise
    self.seed = seed
  }

  var sampleCount: Int { levels.count }

  /// ℓ_i(e).
  func loss(ofSample i: Int, epoch: Int) -> Double {
    guard noise > 0 else { return levels[i] }
    var generator = SeededGenerator(
      seed: seed ^ 0x6e6f_6973_6500_0000, stream: UInt64(epoch) << 32 | UInt64(i))
    return levels[i] * exp(noise * generator.nextGaussian() - noise * noise / 2)
  }
}

/// Counts, per sample, how often it trained and how often it fell strictly below the mean of its
/// window (RePB keeps ties; algorithms.md §4). W = 1: the window is the batch.
struct BelowMeanTally {
  private(set) var trained: [Int]
  private(set) var below: [Int]
  /// Per epoch: trained count and below-mean count.
  private(set) var epochTrained: [Int] = []
  private(set) var epochBelow: [Int] = []

  init(sampleCount: Int) {
    trained = [Int](repeating: 0, count: sampleCount)
    below = trained
  }

  /// Notes one batch; returns, per sample of the batch, whether it was below the batch mean.
  @discardableResult
  mutating func note(samples: ArraySlice<Int>, losses: [Double], epoch: Int) -> [Bool] {
    while epochTrained.count <= epoch {
      epochTrained.append(0)
      epochBelow.append(0)
    }
    let mean = losses.reduce(0, +) / Double(max(losses.count, 1))
    var flags: [Bool] = []
    flags.reserveCapacity(losses.count)
    for (sample, loss) in zip(samples, losses) {
      let isBelow = loss < mean
      trained[sample] += 1
      epochTrained[epoch] += 1
      if isBelow {
        below[sample] += 1
        epochBelow[epoch] += 1
      }
      flags.append(isBelow)
    }
    return flags
  }

  /// f_e: the share of epoch `e`'s trained samples below their window mean.
  func belowMeanFraction(epoch: Int) -> Double {
    guard epoch < epochTrained.count, epochTrained[epoch] > 0 else { return .nan }
    return Double(epochBelow[epoch]) / Double(epochTrained[epoch])
  }

  /// q_i estimated as below / trained (0 for a sample never trained).
  var belowMeanProbabilities: [Double] {
    zip(below, trained).map { $1 == 0 ? 0 : Double($0) / Double($1) }
  }
}
