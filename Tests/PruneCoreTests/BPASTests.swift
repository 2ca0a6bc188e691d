import Testing
import _PruneTestSupport
@testable import PruneCore

@Suite struct BPASTests {
  @Test func thresholdsOfThePaperSetting() throws {
    // algorithms.md §5.7: delta_s 1e-6, delta_e 5e-5, T = 200.
    let configuration = BPASConfiguration.standard
    let expected: [(Int, Double)] = [
      (1, 1.019753e-6), (2, 1.039896e-6), (3, 1.060436e-6), (100, 7.071068e-6), (200, 5.0e-5),
    ]
    for (t, value) in expected {
      let threshold = configuration.threshold(epoch: t, plannedEpochs: 200)
      #expect(Tolerance.isClose(threshold, value, relative: 5e-7), "delta(\(t)) = \(threshold)")
    }
    #expect(Tolerance.isClose(configuration.threshold(epoch: 200, plannedEpochs: 200), 5e-5))
  }

  @Test func batchSevenIsDroppedAndBatchEightKept() throws {
    // 45,000 samples in batches of 128 -> 352 batches (the last of 72).
    let setup = try TrainingSetup(sampleCount: 45_000, batchSize: 128, plannedEpochs: 200)
    var rule = BPAS(setup: setup)
    #expect(rule.originalBatchCount == 352)
    #expect(rule.batchOffsets[352] - rule.batchOffsets[351] == 72)
    let driver = ScriptedSignals(statistic: { epoch, batch in
      switch (batch, epoch) {
      case (7, 0): return 0.812345
      case (7, _): return 0.812346
      case (8, 0): return 0.5
      case (8, _): return 0.500002
      default: return 1 + Double(epoch) * 0.01 + Double(batch)
      }
    })
    let plans = try driver.run(&rule, epochs: 0..<3)
    #expect(plans[0].batchCount == 352 && plans[1].batchCount == 352)
    #expect(plans[2].batchCount == 351)
    #expect(!plans[2].batchIDs.contains(7))
    #expect(plans[2].batchIDs.contains(8))
    var ledger = SavingsLedger(setup: setup)
    for plan in plans { ledger.record(plan) }
    #expect(ledger.trainedBatches == 352 + 352 + 351)
  }

  @Test func batchesAreFixedAndOrderedWithFreshInnerOrder() throws {
    let setup = try TrainingSetup(sampleCount: 50, batchSize: 8, plannedEpochs: 10, seed: 3)
    var rule = BPAS(setup: setup)
    let plans = try ScriptedSignals(statistic: { epoch, _ in Double(epoch) }).run(&rule, epochs: 0..<2)
    for plan in plans {
      #expect(plan.batchIDs == Array(0..<7))
      for position in 0..<plan.batchCount {
        let batch = plan.batchIDs[position]
        let fixed = rule.batchMembers[rule.batchOffsets[batch]..<rule.batchOffsets[batch + 1]]
        #expect(plan.samples[plan.range(ofBatch: position)].sorted() == fixed.sorted())
      }
    }
    #expect(plans[0].samples != plans[1].samples)
  }

  @Test func stopsEarlyWhenEveryBatchIsStable() throws {
    let setup = try TrainingSetup(sampleCount: 40, batchSize: 8, plannedEpochs: 10)
    var rule = BPAS(setup: setup)
    let plans = try ScriptedSignals(statistic: { _, _ in 0.3 }).run(&rule, epochs: 0..<5)
    #expect(plans[1].batchCount == 5)
    #expect(plans[2].isEmpty && plans[3].isEmpty)
    #expect(rule.hasStopped)
  }

  @Test func rejectsBadSignalsAndConfigurations() throws {
    #expect(throws: PruneCoreError.self) { try BPASConfiguration(deltaStart: 1e-5, deltaEnd: 1e-6) }
    #expect(throws: PruneCoreError.self) { try BPASConfiguration(deltaStart: 0) }
    #expect(throws: PruneCoreError.self) { try BPASConfiguration(deltaStart: -1) }
    #expect(throws: PruneCoreError.self) { try BPASConfiguration(deltaEnd: .nan) }
    let setup = try TrainingSetup(sampleCount: 16, batchSize: 8, plannedEpochs: 3)
    var rule = BPAS(setup: setup)
    let plan = try rule.plan(forEpoch: 0)
    let samples = plan.samples[plan.range(ofBatch: 0)]
    #expect(throws: PruneCoreError.self) {
      try rule.record(BatchReport(epoch: 0, position: 0, batchID: 0, samples: samples))
    }
    #expect(throws: PruneCoreError.self) {
      try rule.record(
        BatchReport(
          epoch: 0, position: 0, batchID: 0, samples: samples, activationStatistic: .nan))
    }
    #expect(throws: PruneCoreError.self) {
      try rule.record(
        BatchReport(epoch: 0, position: 0, batchID: 9, samples: samples, activationStatistic: 1))
    }
  }
}
