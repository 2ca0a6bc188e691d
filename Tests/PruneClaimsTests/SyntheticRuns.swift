@testable import PruneClaims

/// Made-up training outcomes for the end-to-end claims' negative controls: the accuracy, saving
/// and times of each seed are given, so a test can break exactly one thing (an ordering, a
/// saving, an overhead) and watch the verdict flip.
enum SyntheticRuns {
  /// N and E of every made-up run (100 batches of 10 per full epoch).
  static let sampleCount = 1_000
  static let epochs = 10
  static let batchSize = 10

  /// One outcome per seed: final accuracy `accuracies[k]` and saved fraction `saved[k]`
  /// (rounded to whole samples), trained samples spread evenly over the epochs. Each epoch's
  /// wall time is `secondsPerSample` per trained sample plus `fixedEpochSeconds`; the rule spends
  /// `selectionShare` of a full-data epoch's time per epoch.
  static func runs(
    _ label: String, accuracies: [Double], saved: [Double], secondsPerSample: Double = 1e-3,
    fixedEpochSeconds: Double = 0, selectionShare: Double = 1e-4
  ) -> [TrainingRunOutcome] {
    precondition(accuracies.count == saved.count, "one accuracy and one saving per seed")
    return zip(accuracies, saved).enumerated().map { k, pair in
      let total = Int(((1 - pair.1) * Double(sampleCount * epochs)).rounded())
      let samples = (0..<epochs).map { total / epochs + ($0 < total % epochs ? 1 : 0) }
      let fullEpoch = secondsPerSample * Double(sampleCount)
      return TrainingRunOutcome(
        label: label, seedIndex: k, seed: 100 + UInt64(k), finalAccuracy: pair.0,
        epochAccuracies: [Double](repeating: pair.0, count: epochs), epochSamples: samples,
        epochBatches: samples.map { ($0 + batchSize - 1) / batchSize }, sampleCount: sampleCount,
        originalBatchCount: sampleCount / batchSize, plannedEpochs: epochs,
        batchStatistics: [[Int: Double]](repeating: [:], count: epochs),
        epochWallSeconds: samples.map { secondsPerSample * Double($0) + fixedEpochSeconds },
        epochSelectionSeconds: [Double](repeating: selectionShare * fullEpoch, count: epochs))
    }
  }

  /// Values of `seeds` seeds spaced `spread` apart around `mean` (seed k: mean + spread (k - 1)
  /// for three seeds), so two rules with different spreads differ from seed to seed.
  static func around(_ mean: Double, spread: Double = 0.002, seeds: Int = 3) -> [Double] {
    (0..<seeds).map { mean + spread * Double($0 - seeds / 2) }
  }

  /// The same saving for every seed.
  static func constant(_ value: Double, seeds: Int = 3) -> [Double] {
    [Double](repeating: value, count: seeds)
  }

  /// The workload the results describe (only its setting rows and epochs are read).
  static func workload() throws -> EndToEndWorkload {
    try EndToEndWorkload.syntheticT1(
      sampleCount: sampleCount, side: 8, epochs: epochs, seedCount: 3, batchSize: batchSize)
  }
}
