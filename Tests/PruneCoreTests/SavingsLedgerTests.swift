import Testing
import _PruneTestSupport
@testable import PruneCore

@Suite struct SavingsLedgerTests {
  @Test func dsiOfThePaperExampleIs043() throws {
    // algorithms.md §5.5: 5 planned epochs, 200 batches, stopped after 200, 190, 180.
    var ledger = try SavingsLedger(sampleCount: 25_600, originalBatchCount: 200, plannedEpochs: 5)
    for (epoch, batches) in [200, 190, 180].enumerated() {
      ledger.record(epoch: epoch, trainedSamples: batches * 128, trainedBatches: batches)
    }
    #expect(ledger.trainedBatches == 570)
    #expect(Tolerance.isClose(ledger.dataSavingIndex, 0.43))
    #expect(Tolerance.isClose(ledger.savedFraction, 1 - 570.0 * 128 / (25_600 * 5)))
  }

  @Test func savedFractionCountsPlannedEpochs() throws {
    let setup = try TrainingSetup(sampleCount: 10, batchSize: 4, plannedEpochs: 2)
    var ledger = SavingsLedger(setup: setup)
    #expect(ledger.originalBatchCount == 3)
    ledger.record(EpochPlan(epoch: 0, samples: Array(0..<10), weights: .init(repeating: 1, count: 10), batchSize: 4))
    ledger.record(EpochPlan(epoch: 1, samples: [0, 1, 2, 3, 4], weights: .init(repeating: 1, count: 5), batchSize: 4))
    #expect(ledger.trainedSamples == 15 && ledger.trainedBatches == 5)
    #expect(ledger.savedFraction == 0.25)
    #expect(ledger.savedFraction(ofEpoch: ledger.epochs[1]) == 0.5)
  }

  @Test func rejectsEmptyCounts() {
    #expect(throws: PruneCoreError.self) {
      try SavingsLedger(sampleCount: 0, originalBatchCount: 1, plannedEpochs: 1)
    }
  }
}
