import PruneCore
import PruneSignals

#if canImport(Glibc)
import Glibc
#endif

/// Class-labelled samples whose activation statistic settles at a class-dependent speed (BPAS-5).
///
/// Sample i of class k has, in 1-based epoch t,
/// ```
/// x_i(t) = a_i + c_i exp(-t / tau_i) + sigma eps_{i,t},   tau_i = tau_k exp(0.3 z_i)
/// ```
/// with a_i ~ N(0.8, 0.05^2), c_i ~ 0.2 U(0.5, 1.5), z_i ~ N(0, 1), sigma = 2e-6, and tau_k
/// log-spaced from 4 to 12 epochs over the classes (or 7 for every class when stability does not
/// depend on class). Labels are balanced (PruneSignals `ClassLabels`). A batch's statistic is
/// the mean of its members' x_i, as an activation spread over a batch mixes its samples.
struct ClassStabilityData: Sendable {
  let sampleCount: Int
  let classCount = 10
  let batchSize = 128
  let plannedEpochs = 60
  let labels: [Int]
  /// Epoch-major x_i(t): `values[e * sampleCount + i]`, e the 0-based epoch.
  let values: [Double]

  init(sampleCount: Int, classDependent: Bool, seed: UInt64) throws {
    self.sampleCount = sampleCount
    var labelGenerator = SeededGenerator(seed: seed, stream: 0xB5A5_0001)
    labels = ClassLabels.labels(
      sampleCount: sampleCount, classCount: 10, ratio: 1, using: &labelGenerator)
    var parameters = SeededGenerator(seed: seed, stream: 0xB5A5_0002)
    var level = [Double](repeating: 0, count: sampleCount)
    var amplitude = level
    var tau = level
    for i in 0..<sampleCount {
      let k = Double(labels[i])
      let classTau = classDependent ? 4 * pow(3, k / 9) : 7
      level[i] = 0.8 + 0.05 * parameters.nextGaussian()
      amplitude[i] = 0.2 * (0.5 + parameters.nextUnit())
      tau[i] = classTau * exp(0.3 * parameters.nextGaussian())
    }
    var values = [Double](repeating: 0, count: sampleCount * plannedEpochs)
    for e in 0..<plannedEpochs {
      var noise = SeededGenerator(seed: seed, stream: 0xB5A5_1000 &+ UInt64(e))
      let t = Double(e + 1)
      for i in 0..<sampleCount {
        values[e * sampleCount + i] = level[i] + amplitude[i] * exp(-t / tau[i])
          + 2e-6 * noise.nextGaussian()
      }
    }
    self.values = values
  }

  @inline(__always)
  func statistic(sample i: Int, epoch e: Int) -> Double { values[e * sampleCount + i] }

  /// The class shares of `samples` (0 for an empty set).
  func classShares<S: Sequence>(of samples: S) -> [Double] where S.Element == Int {
    var counts = [Double](repeating: 0, count: classCount)
    var total = 0.0
    for i in samples {
      counts[labels[i]] += 1
      total += 1
    }
    return total > 0 ? counts.map { $0 / total } : counts
  }
}

/// Distances between class histograms.
enum ClassHistogramDivergence {
  /// TV(p, q) = 1/2 sum_k |p_k - q_k|.
  static func totalVariation(_ p: [Double], _ q: [Double]) -> Double {
    0.5 * zip(p, q).reduce(0) { $0 + abs($1.0 - $1.1) }
  }

  /// KL(q || p) = sum_k q_k ln(q_k / p_k), terms with q_k = 0 count 0.
  static func kullbackLeibler(retained q: [Double], original p: [Double]) -> Double {
    zip(q, p).reduce(0) { sum, pair in
      pair.0 > 0 ? sum + pair.0 * log(pair.0 / pair.1) : sum
    }
  }
}
