import PruneCore
import PruneSignals

/// Per-sample losses l_i(e) of the synthetic learner trained on full data, for every epoch.
///
/// The losses come from PruneSignals' `SyntheticLearner` (its knobs decide how quickly a
/// sample's loss changes between epochs); every sample is trained once per epoch with weight 1,
/// so the table does not depend on any rule and is shared by every BLS setting of a claim.
struct LossTable: Sendable {
  let sampleCount: Int
  let epochCount: Int
  /// Epoch-major: `values[e * sampleCount + i]`.
  let values: [Double]
  /// The learner's expected (noise-free) losses mu_i(e), same layout; empty unless requested.
  let expectedValues: [Double]

  /// Runs the learner for `epochs` full-data epochs and records every sample's loss.
  ///
  /// - Throws: `PruneSignalsError` for invalid knobs.
  /// - Complexity: O(epochs x samples).
  static func generate(
    configuration: LearnerConfiguration, sampleCount: Int, epochs: Int, seed: UInt64,
    recordsExpectedLosses: Bool = false
  ) throws -> LossTable {
    var learner = try SyntheticLearner(
      sampleCount: sampleCount, configuration: configuration, seed: seed)
    var values = [Double](repeating: 0, count: sampleCount * epochs)
    var expected = [Double](repeating: 0, count: recordsExpectedLosses ? sampleCount * epochs : 0)
    let everyone = Array(0..<sampleCount)
    let weights = [Double](repeating: 1, count: sampleCount)
    for epoch in 0..<epochs {
      for i in 0..<sampleCount {
        values[epoch * sampleCount + i] = learner.loss(ofSample: i, epoch: epoch)
        if recordsExpectedLosses {
          expected[epoch * sampleCount + i] = learner.expectedLoss(ofSample: i, epoch: epoch)
        }
      }
      let batch = BatchIdentity(epoch: epoch, position: 0, batchID: 0)
      try learner.train(batch, samples: everyone[...], weights: weights[...])
      try learner.finishEpoch(epoch)
    }
    return LossTable(
      sampleCount: sampleCount, epochCount: epochs, values: values, expectedValues: expected)
  }

  /// l_i(e).
  @inline(__always)
  func loss(sample i: Int, epoch e: Int) -> Double { values[e * sampleCount + i] }

  /// The expected losses mu_i(e) of every sample in epoch `e` (requires `recordsExpectedLosses`).
  func expectedEpoch(_ e: Int) -> ArraySlice<Double> {
    expectedValues[(e * sampleCount)..<((e + 1) * sampleCount)]
  }

  /// The losses of every sample in epoch `e`.
  func epoch(_ e: Int) -> ArraySlice<Double> {
    values[(e * sampleCount)..<((e + 1) * sampleCount)]
  }
}

extension LossTable {
  /// The losses of a complete per-sample log (a full-data training run's `losses.csv`, e.g. the
  /// mini-CNN's with `prunelab train --log-losses`); it has no expected losses.
  init(log: LossLog) {
    self.init(
      sampleCount: log.sampleCount, epochCount: log.epochCount, values: log.losses,
      expectedValues: [])
  }
}
