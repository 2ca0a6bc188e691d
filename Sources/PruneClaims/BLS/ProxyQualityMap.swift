import PruneAnalysis
import PruneCore
import PruneSignals

/// One point of BLS-4's map: how well BLS scores reproduce the split of the current per-sample
/// loss, against how well the per-sample loss of one epoch earlier does.
struct ProxyQualityPoint {
  var learner: String
  var lossNoise: Double
  var alpha: Double
  var batchSize: Int
  /// 0-based epoch of the snapshot.
  var epoch: Int
  var spearman: Double
  var kendall: Double
  var overlap: Double
  /// The share of samples on the same side of the mean under the BLS score and the loss.
  var agreement: Double
  /// The same for the per-sample loss one epoch earlier (InfoBatch's own score then).
  var referenceAgreement: Double
  var referenceSpearman: Double
  var blsVsExpected: Double
  var lossVsExpected: Double
  /// Bootstrap SE of agreement − referenceAgreement (paired; 0 when not computed).
  var differenceError: Double
  /// The Spearman correlation a score with the loss's own distribution needs to reach the
  /// threshold agreement (``SplitAgreement/spearmanNeeded(truth:agreement:seed:)``).
  var spearmanNeeded: Double
  var scores: [Double]

  /// Whether BLS splits at least as the one-epoch-old loss does.
  var works: Bool { agreement >= referenceAgreement }
}

/// BLS-4's measurements on one loss table: every (alpha, B) at the snapshot epochs.
enum ProxyQualityMap {
  static func measure(
    _ table: LossTable, learner: String, lossNoise: Double, alphas: [Double], batchSizes: [Int],
    snapshotEpochs: [Int], resamples: Int, seed: UInt64, shuffleScores: Bool = false
  ) throws -> [ProxyQualityPoint] {
    var points: [ProxyQualityPoint] = []
    for alpha in alphas {
      for batchSize in batchSizes {
        let run = try BlsScoreRun.run(
          table, alpha: alpha, batchSize: batchSize, snapshotEpochs: Set(snapshotEpochs),
          seed: seed &+ 0xB154)
        for epoch in snapshotEpochs where epoch >= 1 {
          guard var scores = run.snapshots[epoch] else { continue }
          if shuffleScores {
            var generator = SeededGenerator(seed: seed, stream: 0xB154_5AFF)
            scores.seededShuffle(using: &generator)
          }
          let truth = Array(table.epoch(epoch))
          let previous = Array(table.epoch(epoch - 1))
          let level = table.expectedValues.isEmpty ? [] : Array(table.expectedEpoch(epoch))
          let differenceError =
            resamples > 0
            ? try pairedError(scores, previous, truth, resamples: resamples, seed: seed) : 0
          points.append(
            ProxyQualityPoint(
              learner: learner, lossNoise: lossNoise, alpha: alpha, batchSize: batchSize,
              epoch: epoch, spearman: try Correlation.spearman(scores, truth),
              kendall: try Correlation.kendallTauB(scores, truth),
              overlap: BelowMeanOverlap.jaccard(scores, truth),
              agreement: SplitAgreement.share(scores, truth),
              referenceAgreement: SplitAgreement.share(previous, truth),
              referenceSpearman: try Correlation.spearman(previous, truth),
              blsVsExpected: level.isEmpty ? .nan : try Correlation.spearman(scores, level),
              lossVsExpected: level.isEmpty ? .nan : try Correlation.spearman(truth, level),
              differenceError: differenceError,
              spearmanNeeded: try SplitAgreement.spearmanNeeded(
                truth: truth, agreement: SplitAgreement.share(previous, truth), seed: seed),
              scores: scores))
        }
      }
    }
    return points
  }

  /// Bootstrap standard error (68% half-width) of agreement(bls, truth) − agreement(previous,
  /// truth), resampling samples (both agreements on the same resample).
  static func pairedError(
    _ scores: [Double], _ previous: [Double], _ truth: [Double], resamples: Int, seed: UInt64
  ) throws -> Double {
    var generator = SeededGenerator(seed: seed, stream: 0xB154_0004)
    var x = scores
    var p = previous
    var y = truth
    let interval = try Bootstrap.percentileInterval(
      count: scores.count, confidence: 0.6827, resamples: resamples, generator: &generator
    ) { picks in
      for (slot, pick) in picks.enumerated() {
        x[slot] = scores[pick]
        p[slot] = previous[pick]
        y[slot] = truth[pick]
      }
      return SplitAgreement.share(x, y) - SplitAgreement.share(p, y)
    }
    return interval.halfWidth
  }

  /// Bootstrap standard errors (68% half-widths) of Spearman and of the below-mean overlap.
  static func correlationErrors(
    _ scores: [Double], _ truth: [Double], resamples: Int, seed: UInt64
  ) throws -> (spearman: Double, overlap: Double) {
    func halfWidth(
      _ stream: UInt64, _ statistic: @escaping ([Double], [Double]) throws -> Double
    ) throws -> Double {
      var generator = SeededGenerator(seed: seed, stream: stream)
      var x = scores
      var y = truth
      let interval = try Bootstrap.percentileInterval(
        count: scores.count, confidence: 0.6827, resamples: resamples, generator: &generator
      ) { picks in
        for (slot, pick) in picks.enumerated() {
          x[slot] = scores[pick]
          y[slot] = truth[pick]
        }
        return (try? statistic(x, y)) ?? .nan
      }
      return interval.halfWidth
    }
    return (
      try halfWidth(0xB154_0001) { try Correlation.spearman($0, $1) },
      try halfWidth(0xB154_0003) { BelowMeanOverlap.jaccard($0, $1) }
    )
  }
}
