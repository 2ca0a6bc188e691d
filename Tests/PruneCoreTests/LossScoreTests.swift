import Testing

@testable import PruneCore

/// ``LossScore/update(with:)`` loads each old score before its store (issue 13) and skips a
/// store that would write the same bits: the result must be plain overwriting in report order.
@Suite struct LossScoreTests {
  func report(_ samples: [Int], _ losses: [Double]) -> BatchReport {
    BatchReport(epoch: 0, position: 0, batchID: 0, samples: samples[...], losses: losses[...])
  }

  @Test func overwritesInReportOrderWithRepeatsAndSignedZeros() throws {
    var source = try LossScore(sampleCount: 5, initialScore: 0)
    // A repeated sample keeps the last loss; -0.0 over 0.0 differs in bits and is written.
    try source.update(with: report([1, 3, 1, 0, 4], [2.5, 1, 0.5, -0.0, 0]))
    #expect(source.scores.map(\.bitPattern) == [-0.0, 0.5, 0, 1, 0].map(\.bitPattern))
    // The same value again, then 0.0 over -0.0.
    try source.update(with: report([3, 0], [1, 0]))
    #expect(source.scores.map(\.bitPattern) == [0.0, 0.5, 0, 1, 0].map(\.bitPattern))
  }

  @Test func aBadReportLeavesTheScoresAndNamesTheProblem() throws {
    var source = try LossScore(sampleCount: 3, initialScore: 1)
    #expect(throws: PruneCoreError.self) { try source.update(with: report([0, 5], [2, 2])) }
    #expect(throws: PruneCoreError.self) { try source.update(with: report([0, 1], [2, .nan])) }
    #expect(throws: PruneCoreError.self) { try source.update(with: report([0, 1], [2])) }
    #expect(throws: PruneCoreError.self) {
      try source.update(with: BatchReport(epoch: 0, position: 0, batchID: 0, samples: [0]))
    }
    #expect(source.scores == [1, 1, 1])
    do {
      try source.update(with: report([2, 1], [4, .infinity]))
      Issue.record("an infinite loss was accepted")
    } catch let error as PruneCoreError {
      #expect(error == .nonFiniteSignal(signal: "loss", epoch: 0, sample: 1, value: .infinity))
    }
  }
}
