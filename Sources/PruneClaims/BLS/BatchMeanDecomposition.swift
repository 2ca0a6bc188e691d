import PruneCore

/// The batch mean loss from one sample's point of view, split into its parts (BLS-2):
/// ```
/// L(B_t) = l_i(t) / b  +  (b - 1)/b * mbar_{-i}(t)  +  n_i(t)
///          signal         common drift                  composition noise
/// ```
/// where b = |B_t|, mbar_{-i}(t) is the mean loss of all other samples (the same for every
/// sample up to O(1/N), so it cannot change a ranking) and n_i(t) = (1/b) sum_{j in B_t, j != i}
/// l_j(t) - (b - 1)/b mbar_{-i}(t) is what the batch's random composition adds.
///
/// With batches reshuffled every epoch the co-members are a fresh sample without replacement of
/// b - 1 of the N - 1 others, so E[n_i] = 0 and
/// ```
/// Var[n_i(t)] = (b - 1)/b^2 * S_{-i}^2(t) * (N - b)/(N - 1)
/// ```
/// (S_{-i}^2 the sample variance of the N - 1 others' losses, divisor N - 2; the last factor is
/// the finite-population correction of drawing without replacement), independently from one
/// epoch to the next: white noise. With fixed batches the same co-members return every epoch.
struct BatchMeanDecomposition: Sendable {
  /// One series per tracked sample, one value per epoch (visit).
  let signal: [[Double]]
  let drift: [[Double]]
  let noise: [[Double]]
  /// The batch mean L(B_t) the sample saw.
  let batchMean: [[Double]]
  /// The predicted Var[n_i(t)], averaged over the tracked samples and epochs.
  let predictedNoiseVariance: Double

  /// How batches are formed each epoch.
  enum Batching: String, Sendable {
    /// A fresh seeded shuffle each epoch (InfoBatch, BLS, SeTa loaders).
    case reshuffled
    /// One shuffle before training, the same batches every epoch (B-PAS).
    case fixed
  }

  /// Decomposes the batch means seen by `tracked` samples over every epoch of `table`.
  ///
  /// - Parameters:
  ///   - batchSize: b; N should be a multiple of it so every batch is full.
  ///   - seed: The shuffles come from `SeededGenerator(seed:stream: epoch)`.
  static func measure(
    _ table: LossTable, tracked: [Int], batchSize: Int, batching: Batching, seed: UInt64
  ) -> BatchMeanDecomposition {
    let n = table.sampleCount
    let epochs = table.epochCount
    var signal = [[Double]](repeating: [Double](repeating: 0, count: epochs), count: tracked.count)
    var drift = signal
    var noise = signal
    var means = signal
    var order = Array(0..<n)
    var position = [Int](repeating: 0, count: n)
    var varianceSum = 0.0
    for epoch in 0..<epochs {
      if epoch == 0 || batching == .reshuffled {
        order = Array(0..<n)
        var generator = SeededGenerator(seed: seed, stream: UInt64(epoch))
        order.seededShuffle(using: &generator)
        for (p, sample) in order.enumerated() { position[sample] = p }
      }
      let losses = table.epoch(epoch)
      var total = 0.0
      var squares = 0.0
      for l in losses {
        total += l
        squares += l * l
      }
      for (k, i) in tracked.enumerated() {
        let start = (position[i] / batchSize) * batchSize
        let end = min(n, start + batchSize)
        let b = Double(end - start)
        var batchTotal = 0.0
        for p in start..<end { batchTotal += losses[losses.startIndex + order[p]] }
        let li = losses[losses.startIndex + i]
        let othersMean = (total - li) / Double(n - 1)
        let othersVariance = max(0, (squares - li * li) / Double(n - 1) - othersMean * othersMean)
          * Double(n - 1) / Double(n - 2)
        let mean = batchTotal / b
        means[k][epoch] = mean
        signal[k][epoch] = li / b
        drift[k][epoch] = (b - 1) / b * othersMean
        noise[k][epoch] = mean - signal[k][epoch] - drift[k][epoch]
        varianceSum += (b - 1) / (b * b) * othersVariance * Double(n - end + start) / Double(n - 1)
      }
    }
    return BatchMeanDecomposition(
      signal: signal, drift: drift, noise: noise, batchMean: means,
      predictedNoiseVariance: varianceSum / Double(tracked.count * epochs))
  }
}
