import PruneCore
import PruneSignals

/// The shape of a per-sample loss distribution, epoch by epoch, from a loss log: IB-8's
/// explanation of why pruning above the mean prunes less (InfoBatch Table 5; claims.md "Added
/// claims" IB-8: "H > mean prunes less because the loss distribution is right-skewed").
///
/// Per epoch e the sample skewness of the N losses,
/// ```
/// g1(e) = m3 / m2^(3/2),   m_k = (1/N) sum_i (l_i - mean)^k
/// ```
/// and the share of samples strictly below the mean (InfoBatch's candidate pool, about 1/2 for
/// a symmetric distribution). The measured skewness is the mean of g1 over the epochs asked for;
/// its uncertainty is a bootstrap standard error: the samples are resampled with replacement
/// (the same resample in every epoch, so the epochs' correlation is kept) and the mean g1
/// recomputed, `resamples` times, from a seeded generator.
struct LossSkewness: Sendable {
  /// One epoch's numbers.
  struct Epoch: Sendable, Hashable {
    let epoch: Int
    let mean: Double
    let median: Double
    let skewness: Double
    let shareBelowMean: Double
    let shareAboveMean: Double
  }

  let epochs: [Epoch]
  /// The mean of g1 over the epochs.
  let meanSkewness: Double
  /// Its bootstrap standard error.
  let standardError: Double
  let resamples: Int
  let sampleCount: Int

  /// Bulmer's boundary (M. G. Bulmer, Principles of Statistics, 1979): |g1| < 0.5 is
  /// "approximately symmetric", 0.5 to 1 moderately and above 1 highly skewed. A distribution
  /// IB-8 calls right-skewed has g1 >= 0.5; a symmetric one (g1 = 0) fails that.
  static let rightSkewBoundary = 0.5

  /// Measures the epochs `epochs` of `log` (those it holds).
  init(log: LossLog, epochs: Range<Int>, resamples: Int = 200, seed: UInt64) {
    let used = Array(epochs.clamped(to: 0..<log.epochCount))
    let n = log.sampleCount
    let values = used.map { Array(log.losses(ofEpoch: $0)) }
    self.epochs = zip(used, values).map { epoch, losses in
      let mean = losses.reduce(0, +) / Double(n)
      let sorted = losses.sorted()
      let median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
      return Epoch(
        epoch: epoch, mean: mean, median: median, skewness: Self.skewness(losses),
        shareBelowMean: Double(losses.filter { $0 < mean }.count) / Double(n),
        shareAboveMean: Double(losses.filter { $0 > mean }.count) / Double(n))
    }
    meanSkewness =
      self.epochs.isEmpty ? .nan : self.epochs.map(\.skewness).reduce(0, +) / Double(used.count)
    var generator = SeededGenerator(seed: seed, stream: 0x1B8)
    var replicates: [Double] = []
    var buffer = [Double](repeating: 0, count: n)
    for _ in 0..<(values.isEmpty ? 0 : resamples) {
      let picks = (0..<n).map { _ in generator.nextIndex(below: n) }
      var total = 0.0
      for losses in values {
        for (slot, pick) in picks.enumerated() { buffer[slot] = losses[pick] }
        total += Self.skewness(buffer)
      }
      replicates.append(total / Double(values.count))
    }
    standardError = SeedStatistics(replicates).standardDeviation
    self.resamples = resamples
    sampleCount = n
  }

  /// g1 of `values` (0 for a constant list).
  static func skewness(_ values: [Double]) -> Double {
    let n = Double(values.count)
    let mean = values.reduce(0, +) / n
    var m2 = 0.0
    var m3 = 0.0
    for value in values {
      let d = value - mean
      m2 += d * d
      m3 += d * d * d
    }
    m2 /= n
    m3 /= n
    return m2 > 0 ? m3 / (m2 * m2.squareRoot()) : 0
  }

  /// A symmetric log of the same centre and spread: each epoch's losses together with their
  /// reflections about the epoch's mean, `2 mean - l_i` (2N samples, g1 = 0). The broken
  /// assumption of IB-8's negative control (``Fault/assumptionBroken``).
  static func symmetrized(_ log: LossLog) throws -> LossLog {
    var losses: [Double] = []
    losses.reserveCapacity(2 * log.losses.count)
    for epoch in 0..<log.epochCount {
      let values = log.losses(ofEpoch: epoch)
      let mean = values.reduce(0, +) / Double(values.count)
      losses += values
      losses += values.map { 2 * mean - $0 }
    }
    return try LossLog(sampleCount: 2 * log.sampleCount, losses: losses)
  }

  /// One row per epoch.
  var table: ClaimTable {
    ClaimTable(
      name: "loss-skewness",
      caption: "the logged per-sample losses, per epoch: mean, median, sample skewness g1, and "
        + "the shares of samples strictly below and above the mean (InfoBatch's candidate "
        + "pools for pruning below and above the mean)",
      header: ["epoch", "mean", "median", "skewness", "share_below_mean", "share_above_mean"],
      rows: epochs.map {
        [
          "\($0.epoch)", ClaimTable.format($0.mean), ClaimTable.format($0.median),
          ClaimTable.format($0.skewness), ClaimTable.format($0.shareBelowMean),
          ClaimTable.format($0.shareAboveMean),
        ]
      }, showOnPage: true)
  }
}
