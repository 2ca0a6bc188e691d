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

  /// One claim's negative control: the break, the inputs the tiny workload needs fixed, and the
  /// check the break targets.
  struct Control: Sendable, CustomTestStringConvertible {
    let name: String
    let claim: any VariableClaim
    let fault: Fault
    var thresholds: [BPASThresholdSetting]? = [NegativeControlTestsBPAS.everyBatchStable]
    var epochCounts: [Int]? = nil
    /// The start of the quantity of the check that must flip.
    let quantity: String

    var testDescription: String { name }
  }

  static let controls = [
    Control(
      name: "BPAS-4: a random control with a full budget", claim: BPAS4SignalValidity(),
      fault: .savingNotMatched, quantity: "accuracy, bpas - random"),
    Control(
      name: "BPAS-6: arms at different thresholds", claim: BPAS6BatchNormSignal(),
      fault: .miscalibrated, quantity: "DSI, with BN - without BN"),
    Control(
      name: "BPAS-7: longer plans that prune nothing", claim: BPAS7LongerTraining(),
      fault: .miscalibrated, epochCounts: [3, 4], quantity: "DSI, long - short plan"),
    Control(
      name: "BPAS-8: miscalibrated 10% thresholds", claim: BPAS8TenPercentCalibration(),
      fault: .miscalibrated, thresholds: nil, quantity: "DSI, 10% thresholds"),
    Control(
      name: "BPAS-9: a sample level that ignores its budget", claim: BPAS9SampleVsBatch(),
      fault: .savingNotMatched, quantity: "accuracy, batch-level - sample-level"),
  ]

  @Test(arguments: controls) func theBreakFlipsTheVerdict(_ control: Control) throws {
    let run = { (fault: Fault?) in
      try control.claim.run(
        in: Self.context, workload: Self.workload(),
        variation: ClaimVariation(
          fault: fault, thresholds: control.thresholds, epochCounts: control.epochCounts))
    }
    try Self.expectFlip(
      normal: try run(nil), broken: try run(control.fault), quantity: control.quantity)
  }
}
