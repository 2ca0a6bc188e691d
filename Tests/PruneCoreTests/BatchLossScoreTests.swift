import Testing
import _PruneTestSupport
@testable import PruneCore

@Suite struct BatchLossScoreTests {
  func report(_ samples: ArraySlice<Int>, mean: Double, epoch: Int = 0) -> BatchReport {
    BatchReport(epoch: epoch, position: 0, batchID: 0, samples: samples, meanLoss: mean)
  }

  @Test(arguments: [(0.9, 0.2, 0.33), (0.7, 0.6, 0.87)])
  func workedExampleZeroInit(alpha: Double, afterFirst: Double, afterSecond: Double) throws {
    // algorithms.md §2.4: visits with batch means 2.0 then 1.5.
    var source = try BatchLossScore(
      sampleCount: 3, configuration: BatchLossScoreConfiguration(alpha: alpha))
    try source.update(with: report([1], mean: 2.0))
    #expect(Tolerance.isClose(source.scores[1], afterFirst))
    #expect(source.scores[0] == 0 && source.scores[2] == 0)
    try source.update(with: report([1, 2], mean: 1.5))
    #expect(Tolerance.isClose(source.scores[1], afterSecond))
    #expect(Tolerance.isClose(source.scores[2], (1 - alpha) * 1.5))
  }

  @Test func paperInitStartsEveryScoreAtTheFirstBatchMean() throws {
    var source = try BatchLossScore(
      sampleCount: 3,
      configuration: BatchLossScoreConfiguration(alpha: 0.9, initialisation: .firstBatchMean))
    try source.update(with: report([0], mean: 2.0))
    #expect(source.scores == [2.0, 2.0, 2.0])
    try source.update(with: report([0], mean: 1.5))
    #expect(Tolerance.isClose(source.scores[0], 1.95))
  }

  @Test func meanWeightRescalingGivesOnePointEight() throws {
    // Weights [2, 2, 1, 1] (mean 1.5), batch mean loss 1.2 -> 1.8.
    let source = try BatchLossScore(sampleCount: 4)
    #expect(source.rescaling == .batchMeanWeight)
    #expect(source.requiredSignals == .batchMeanLoss)
    let plan = EpochPlan(
      epoch: 1, samples: [0, 1, 2, 3], weights: [2, 2, 1, 1], batchSize: 4,
      rescaling: source.rescaling)
    let loss = plan.weightedLoss(ofBatch: 0, losses: [0.6, 1.8, 0.9, 1.5])
    #expect(Tolerance.isClose(loss, 1.8))
    let exact = try BatchLossScore(
      sampleCount: 4, configuration: BatchLossScoreConfiguration(rescaling: .exact))
    #expect(exact.rescaling == .perSample)
    #expect(exact.requiredSignals.contains(.perSampleLoss))
  }

  @Test func usesPerSampleLossesWhenOnlyThoseAreReported() throws {
    var source = try BatchLossScore(sampleCount: 2)
    try source.update(
      with: BatchReport(epoch: 0, position: 0, batchID: 0, samples: [0, 1], losses: [1, 3]))
    #expect(Tolerance.isClose(source.scores[0], 0.2))
    #expect(source.scores[0] == source.scores[1])
  }

  @Test(arguments: [1.0, 1.5, -0.1, .nan])
  func rejectsAlpha(alpha: Double) {
    #expect(throws: PruneCoreError.self) { try BatchLossScoreConfiguration(alpha: alpha) }
  }

  @Test func rejectsNonFiniteMeanLossAndMissingSignal() throws {
    var source = try BatchLossScore(sampleCount: 4)
    #expect(throws: PruneCoreError.nonFiniteSignal(
      signal: "batch mean loss", epoch: 2, sample: 3, value: .infinity))
    {
      try source.update(with: report([3], mean: .infinity, epoch: 2))
    }
    #expect(throws: PruneCoreError.self) {
      try source.update(with: BatchReport(epoch: 0, position: 0, batchID: 0, samples: [0]))
    }
    #expect(throws: PruneCoreError.self) { try source.update(with: report([7], mean: 1)) }
  }

  @Test func stateRoundTrips() throws {
    var source = try BatchLossScore(sampleCount: 3)
    try source.update(with: report([0, 2], mean: 1))
    var copy = try BatchLossScore(sampleCount: 3)
    try copy.restore(source.state)
    #expect(copy == source)
    #expect(throws: PruneCoreError.self) {
      var small = try BatchLossScore(sampleCount: 2)
      try small.restore(source.state)
    }
  }
}
