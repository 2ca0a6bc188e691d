import PruneCore
import Testing

@testable import PruneClaims

@Suite struct EndToEndRandomBatchDroppingTests {
  @Test func followsTheRetentionScheduleWithBPASBatches() throws {
    let setup = try TrainingSetup(sampleCount: 130, batchSize: 32, plannedEpochs: 3, seed: 9)
    let reference = BPAS(setup: setup)
    var rule = RandomBatchDropping(setup: setup, retention: [5, 3, 1])
    var counts: [Int] = []
    for epoch in 0..<3 {
      let plan = try rule.plan(forEpoch: epoch)
      counts.append(plan.batchCount)
      for position in 0..<plan.batchCount {
        let batch = plan.batchIDs[position]
        let members = Set(
          reference.batchMembers[reference.batchOffsets[batch]..<reference.batchOffsets[batch + 1]])
        #expect(Set(plan.samples[plan.range(ofBatch: position)]) == members)
        try rule.record(
          BatchReport(
            epoch: epoch, position: position, batchID: batch,
            samples: plan.samples[plan.range(ofBatch: position)]))
      }
      try rule.finishEpoch(epoch)
    }
    #expect(counts == [5, 3, 1])
  }

  @Test func sameSeedSameDrops() throws {
    let setup = try TrainingSetup(sampleCount: 300, batchSize: 20, plannedEpochs: 2, seed: 4)
    func dropsAfterEpoch0() throws -> [Int] {
      var rule = RandomBatchDropping(setup: setup, retention: [15, 7])
      let plan = try rule.plan(forEpoch: 0)
      for position in 0..<plan.batchCount {
        try rule.record(
          BatchReport(
            epoch: 0, position: position, batchID: plan.batchIDs[position],
            samples: plan.samples[plan.range(ofBatch: position)]))
      }
      try rule.finishEpoch(0)
      return rule.activeBatches
    }
    let first = try dropsAfterEpoch0()
    #expect(first.count == 7)
    #expect(try dropsAfterEpoch0() == first)
  }
}
