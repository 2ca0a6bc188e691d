import Testing

@testable import PruneClaims

/// Negative controls of B-PAS's training-based claims (issue 9 item 3): each claim runs on the
/// tiny synthetic workload with a deliberate break, and the check the break targets — and so the
/// verdict — must flip to `fails`, while the same check of the unbroken claim does not fail.
///
/// The sizes are test-only: 200 synthetic 8 x 8 images, 4 planned epochs (B-PAS's first decision
/// is after epoch 2, so at least 3 are needed for a drop to matter), batch 16, 3 seeds. Where a
/// claim needs B-PAS to drop, the tests fix thresholds every batch meets (1e3: every batch leaves
/// at the first decision), since the calibrated ones of so small a run may drop nothing.
@Suite(.serialized) struct NegativeControlTestsBPAS {
  static let context = ClaimContext(profile: .quick, seed: 31)

  static func workload() throws -> EndToEndWorkload {
    try EndToEndWorkload.syntheticT1(
      sampleCount: 200, side: 8, epochs: 4, seedCount: 3, batchSize: 16)
  }

  /// Thresholds every batch meets: all leave after epoch 2.
  static let everyBatchStable = BPASThresholdSetting(
    label: "test: every batch stable (1e3)", deltaStart: 1e3, deltaEnd: 1e3)

  /// The broken result fails through the check whose quantity starts with `quantity`; the
  /// unbroken one's check of that quantity does not fail; every sanity check of the unbroken
  /// result holds.
  static func expectFlip(
    normal: ClaimResult, broken: ClaimResult, quantity: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let targeted = try #require(
      broken.decidingChecks.first { $0.quantity.hasPrefix(quantity) },
      sourceLocation: sourceLocation)
    #expect(
      targeted.verdict == .fails, "\(broken.id) broken: \(targeted.measured) \(targeted.basis)",
      sourceLocation: sourceLocation)
    #expect(broken.verdict == .fails, sourceLocation: sourceLocation)
    for check in normal.decidingChecks where check.quantity.hasPrefix(quantity) {
      #expect(
        check.verdict != .fails, "\(normal.id) unbroken: \(check.measured) \(check.basis)",
        sourceLocation: sourceLocation)
    }
    for check in normal.sanityChecks {
      #expect(
        check.verdict == .holds, "\(normal.id) sanity: \(check.quantity)",
        sourceLocation: sourceLocation)
    }
  }

  @Test func bpas4ControlWithAFullBudgetFails() throws {
    let settings = [Self.everyBatchStable]
    let normal = try BPAS4SignalValidity().run(
      in: Self.context, workload: Self.workload(), settings: settings)
    let broken = try BPAS4SignalValidity(fault: .savingNotMatched).run(
      in: Self.context, workload: Self.workload(), settings: settings)
    try Self.expectFlip(normal: normal, broken: broken, quantity: "accuracy, bpas - random")
  }

  @Test func bpas6ArmsAtDifferentThresholdsFail() throws {
    let settings = [Self.everyBatchStable]
    let normal = try BPAS6BatchNormSignal().run(
      in: Self.context, workload: Self.workload(), settings: settings)
    let broken = try BPAS6BatchNormSignal(fault: .miscalibrated).run(
      in: Self.context, workload: Self.workload(), settings: settings)
    try Self.expectFlip(normal: normal, broken: broken, quantity: "DSI, with BN - without BN")
  }

  @Test func bpas7LongerPlansThatPruneNothingFail() throws {
    let settings = [Self.everyBatchStable]
    let normal = try BPAS7LongerTraining().run(
      in: Self.context, workload: Self.workload(), epochCounts: [3, 4], settings: settings)
    let broken = try BPAS7LongerTraining(fault: .miscalibrated).run(
      in: Self.context, workload: Self.workload(), epochCounts: [3, 4], settings: settings)
    try Self.expectFlip(normal: normal, broken: broken, quantity: "DSI, long - short plan")
  }

  @Test func bpas8MiscalibratedSubsetThresholdsFail() throws {
    let normal = try BPAS8TenPercentCalibration().run(in: Self.context, workload: Self.workload())
    let broken = try BPAS8TenPercentCalibration(fault: .miscalibrated).run(
      in: Self.context, workload: Self.workload())
    try Self.expectFlip(normal: normal, broken: broken, quantity: "DSI, 10% thresholds")
  }

  @Test func bpas9UnmatchedSampleLevelBudgetFails() throws {
    let normal = try BPAS9SampleVsBatch().run(
      in: Self.context, workload: Self.workload(), thresholds: Self.everyBatchStable)
    let broken = try BPAS9SampleVsBatch(fault: .savingNotMatched).run(
      in: Self.context, workload: Self.workload(), thresholds: Self.everyBatchStable)
    try Self.expectFlip(
      normal: normal, broken: broken, quantity: "accuracy, batch-level - sample-level")
  }
}
