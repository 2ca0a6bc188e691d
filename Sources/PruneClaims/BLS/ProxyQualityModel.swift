import PruneAnalysis
import PruneCore

/// The ranking quality the frequency argument predicts for BLS scores (BLS-4).
///
/// After visit e the score of sample i is (zero init, one visit per epoch)
/// ```
/// s_i(e) = sum_{k=0}^{e} (1 - alpha) alpha^k L_i(e - k)
///        = a_i(e) + d(e) + sum_k (1 - alpha) alpha^k n_i(e - k)
/// a_i(e) = sum_k (1 - alpha) alpha^k l_i(e - k) / B          (own loss, low-passed)
/// ```
/// d(e), the common drift, is the same for every sample and cannot change a ranking. The model
/// score is a_i(e) plus composition noise drawn *independently for every sample and visit* from
/// the epoch's own distribution of n = (B - 1)/B (mean of B - 1 random others - mean of all)
/// (BLS-2: white, and as skewed as the losses are). Its Spearman and Kendall correlation with
/// l_i(e) and its below-mean overlap, averaged over Monte-Carlo draws, are the prediction. What
/// the model leaves out: co-members of one batch share their noise.
struct ProxyQualityModel {
  let spearman: Double
  let kendall: Double
  let overlap: Double
  let spearmanSpread: Double
  let kendallSpread: Double
  let overlapSpread: Double

  /// How many composition-noise values each epoch's pool holds.
  static let poolSize = 512

  static func predict(
    _ table: LossTable, alpha: Double, batchSize: Int, epoch: Int, draws: Int, seed: UInt64
  ) throws -> ProxyQualityModel {
    let n = table.sampleCount
    let b = Double(batchSize)
    var own = [Double](repeating: 0, count: n)
    var weights: [Double] = []
    var pools: [[Double]] = []
    var generator = SeededGenerator(seed: seed, stream: 0x9B0C_0000)
    var scratch = Array(0..<n)
    var weight = 1 - alpha
    for k in 0...epoch {
      let losses = table.epoch(epoch - k)
      let start = losses.startIndex
      var total = 0.0
      for i in 0..<n {
        own[i] += weight * losses[start + i] / b
        total += losses[start + i]
      }
      let mean = total / Double(n)
      let others = max(1, batchSize - 1)
      var pool = [Double](repeating: 0, count: poolSize)
      for p in 0..<poolSize {
        var sum = 0.0
        for slot in 0..<others {
          let j = slot + generator.nextIndex(below: n - slot)
          scratch.swapAt(slot, j)
          sum += losses[start + scratch[slot]]
        }
        pool[p] = (b - 1) / b * (sum / Double(others) - mean)
      }
      pools.append(pool)
      weights.append(weight)
      weight *= alpha
    }
    let truth = Array(table.epoch(epoch))
    var spearmans: [Double] = []
    var kendalls: [Double] = []
    var overlaps: [Double] = []
    var model = own
    for _ in 0..<draws {
      for i in 0..<n {
        var noise = 0.0
        for k in pools.indices {
          noise += weights[k] * pools[k][generator.nextIndex(below: poolSize)]
        }
        model[i] = own[i] + noise
      }
      spearmans.append(try Correlation.spearman(model, truth))
      kendalls.append(try Correlation.kendallTauB(model, truth))
      overlaps.append(BelowMeanOverlap.jaccard(model, truth))
    }
    let s = try Moments(spearmans)
    let k = try Moments(kendalls)
    let o = try Moments(overlaps)
    let root = Double(draws).squareRoot()
    return ProxyQualityModel(
      spearman: s.mean, kendall: k.mean, overlap: o.mean,
      spearmanSpread: s.standardDeviation / root, kendallSpread: k.standardDeviation / root,
      overlapSpread: o.standardDeviation / root)
  }
}

/// The overlap of the "below the mean" sets InfoBatch would prune with two scores.
enum BelowMeanOverlap {
  /// |A ∩ B| / |A ∪ B| with A = {i : x_i < mean x}, B = {i : y_i < mean y} (1 when both empty).
  static func jaccard(_ x: [Double], _ y: [Double]) -> Double {
    let meanX = x.reduce(0, +) / Double(x.count)
    let meanY = y.reduce(0, +) / Double(y.count)
    var both = 0
    var either = 0
    for i in x.indices {
      let inX = x[i] < meanX
      let inY = y[i] < meanY
      if inX && inY { both += 1 }
      if inX || inY { either += 1 }
    }
    return either == 0 ? 1 : Double(both) / Double(either)
  }
}
