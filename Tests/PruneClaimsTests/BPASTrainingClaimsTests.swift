import PruneCore
import Testing

@testable import PruneClaims

/// BPAS-8 and BPAS-9 on a tiny workload (plumbing: finite checks, the calibrations reported, the
/// budgets matched) and the sample-level rule by hand.
@Suite(.serialized) struct BPASTrainingClaimsTests {
  static let context = ClaimContext(profile: .quick, seed: 17)

  static func workload() throws -> EndToEndWorkload {
    try EndToEndWorkload.syntheticT1(
      sampleCount: 200, side: 8, epochs: 3, seedCount: 2, batchSize: 16)
  }

  @Test func bpas8ReportsBothCalibrations() throws {
    let result = try BPAS8TenPercentCalibration().run(in: Self.context, workload: Self.workload())
    #expect(result.id == "BPAS-8" && result.family == .bpas)
    #expect(result.decidingChecks.count == 2)
    #expect(result.sanityChecks.allSatisfy { $0.verdict == .holds })
    let table = try #require(result.tables.first { $0.name == "calibrations" })
    #expect(table.rows.count == 2)
    #expect(table.rows[0][1] == "20" && table.rows[1][1] == "200")
    for check in result.checks {
      #expect(check.measured.isFinite || check.verdict == .inconclusive)
      #expect(check.tolerance.isFinite && check.uncertainty.isFinite)
    }
  }

  @Test func bpas9MatchesTheSavedFraction() throws {
    let thresholds = BPASThresholdSetting(
      label: "test: every batch stable", deltaStart: 1e3, deltaEnd: 1e3)
    let result = try BPAS9SampleVsBatch().run(
      in: Self.context, workload: Self.workload(),
      variation: ClaimVariation(thresholds: [thresholds]))
    #expect(result.id == "BPAS-9")
    #expect(result.decidingChecks.count == 1)
    let matched = try #require(result.sanityChecks.first)
    #expect(matched.verdict == .holds && matched.measured == 0)
  }

  @Test func bpas9CalibratedRunsAreWellFormed() throws {
    let result = try BPAS9SampleVsBatch().run(in: Self.context, workload: Self.workload())
    #expect(result.checks.count == 2)
    #expect(result.checks.allSatisfy { $0.measured.isFinite || $0.verdict == .inconclusive })
  }

  @Test func sampleLevelRuleKeepsTheLeastStableSamples() throws {
    let setup = try TrainingSetup(sampleCount: 8, batchSize: 4, plannedEpochs: 3, seed: 1)
    var rule = StableSampleDropping(setup: setup, retention: [8, 8, 5])
    // Epoch 0 and 1: sample i's loss moves by i / 10 between them.
    for epoch in 0..<2 {
      let plan = try rule.plan(forEpoch: epoch)
      #expect(plan.sampleCount == 8)
      for position in 0..<plan.batchCount {
        let range = plan.range(ofBatch: position)
        let samples = plan.samples[range]
        try rule.record(
          BatchReport(
            epoch: epoch, position: position, batchID: plan.batchIDs[position],
            samples: samples,
            losses: ArraySlice(samples.map { 1 + Double(epoch) * Double($0) / 10 })))
      }
      try rule.finishEpoch(epoch)
    }
    // The 3 most stable (samples 0, 1, 2) leave; 5 remain, in B-PAS's fixed order.
    let plan = try rule.plan(forEpoch: 2)
    #expect(Set(plan.samples) == Set(3..<8))
    #expect(rule.active == rule.order.filter { $0 >= 3 })
  }
}
