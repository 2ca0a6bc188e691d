import Testing

@testable import PruneClaims

/// X-2 keeps the fastest of repeated runs, and refuses repetitions that trained differently.
@Suite struct X2TimingTests {
  static func outcome(accuracy: Double, wall: [Double]) -> TrainingRunOutcome {
    TrainingRunOutcome(
      label: "rule", seedIndex: 0, seed: 7, finalAccuracy: accuracy,
      epochAccuracies: [accuracy, accuracy], epochSamples: [10, 8], epochBatches: [2, 2],
      sampleCount: 10, originalBatchCount: 2, plannedEpochs: 2, batchStatistics: [[:], [:]],
      epochWallSeconds: wall, epochSelectionSeconds: [0.001, 0.001])
  }

  @Test func keepsTheFasterRepetition() throws {
    let slow = Self.outcome(accuracy: 0.5, wall: [1.0, 1.0])
    let fast = Self.outcome(accuracy: 0.5, wall: [0.5, 0.75])
    #expect(try X2WallClock.faster(nil, slow) == slow)
    #expect(try X2WallClock.faster(slow, fast) == fast)
    #expect(try X2WallClock.faster(fast, slow) == fast)
  }

  @Test func refusesRepetitionsThatTrainedDifferently() {
    let first = Self.outcome(accuracy: 0.5, wall: [1, 1])
    let other = Self.outcome(accuracy: 0.25, wall: [1, 1])
    #expect(throws: ClaimsError.self) { try X2WallClock.faster(first, other) }
  }
}
