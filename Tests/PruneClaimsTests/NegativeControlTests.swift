import Testing

@testable import PruneClaims

/// Negative controls (issue 9): every theory claim with evidence checks is run on a deliberately
/// broken variant (a rule, a model or a setting that breaks the paper's assumption), and its
/// verdict must flip to `fails`; the unbroken claim, in the same tiny setting, must not fail
/// where the paper's statement holds. The sizes here are test-only.
@Suite struct NegativeControlTests {
  static let context = ClaimContext(profile: .quick, seed: 2024)

  /// The claim's verdict with and without the fault, and every sanity check holding.
  static func expectFlip(
    _ fault: Fault, normal: ClaimResult, broken: ClaimResult, normalFails: Bool = false,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(!broken.decidingChecks.isEmpty, "\(broken.id): no evidence check", sourceLocation: sourceLocation)
    #expect(
      broken.verdict == .fails, "\(broken.id) with \(fault): \(broken.verdict)",
      sourceLocation: sourceLocation)
    if !normalFails {
      #expect(
        normal.verdict != .fails, "\(normal.id) unbroken: \(normal.verdict)",
        sourceLocation: sourceLocation)
    }
    for check in normal.sanityChecks {
      #expect(
        check.verdict == .holds, "\(normal.id) sanity: \(check.setting) \(check.quantity)",
        sourceLocation: sourceLocation)
    }
  }

  // MARK: InfoBatch

  static let ib1 = IB1UnbiasedExpectation.Setting(
    sampleCount: 400, dimension: 4, draws: 60, coupling: 1, batchSize: 32)

  @Test(arguments: [Fault.rescalingRemoved, .scoresShuffled]) func ib1(fault: Fault) throws {
    let normal = try IB1UnbiasedExpectation().run(Self.ib1, in: Self.context)
    let broken = try IB1UnbiasedExpectation(fault: fault).run(Self.ib1, in: Self.context)
    Self.expectFlip(fault, normal: normal, broken: broken)
  }

  @Test func ib2() throws {
    let setting = IB2VarianceBound.Setting(
      sampleCount: 400, dimension: 8, draws: 200, pruneRatio: 0.5, batchSize: 32)
    let normal = try IB2VarianceBound().run(setting, in: Self.context)
    let broken = try IB2VarianceBound(fault: .scoresShuffled).run(setting, in: Self.context)
    Self.expectFlip(.scoresShuffled, normal: normal, broken: broken)
  }

  @Test func ib3() throws {
    let setting = IB3RescalingLimit.Setting(
      sampleCount: 64, dimension: 3, batchSize: 16, epochs: 60, bisectionSteps: 14)
    let normal = try IB3RescalingLimit().run(setting, in: Self.context)
    let broken = try IB3RescalingLimit(fault: .rescalingRemoved).run(setting, in: Self.context)
    Self.expectFlip(.rescalingRemoved, normal: normal, broken: broken)
  }

  @Test func ib4() throws {
    let setting = IB4Annealing.Setting(
      sampleCount: 200, epochs: 16, batchSize: 16, seeds: 8, pruneRatio: 0.5)
    let normal = try IB4Annealing().run(setting, in: Self.context)
    let broken = try IB4Annealing(fault: .rescalingRemoved).run(setting, in: Self.context)
    Self.expectFlip(.rescalingRemoved, normal: normal, broken: broken)
  }

  @Test func ib5() throws {
    let setting = IB5SelectionOverhead.Setting(
      sizes: [2_000, 20_000], comparedSizes: (2_000, 20_000), repetitions: 1, selectTrials: 3)
    let normal = try IB5SelectionOverhead().run(setting, in: Self.context)
    let broken = try IB5SelectionOverhead(fault: .wrongModel).run(setting, in: Self.context)
    Self.expectFlip(.wrongModel, normal: normal, broken: broken)
  }

  @Test func ib6() throws {
    let setting = IB6SavedFraction.Setting(
      sampleCount: 400, epochs: 8, batchSize: 32, seeds: 3, pruneRatio: 0.5, delta: 0.875)
    let normal = try IB6SavedFraction().run(setting, in: Self.context)
    let broken = try IB6SavedFraction(fault: .annealingRemoved).run(setting, in: Self.context)
    Self.expectFlip(.annealingRemoved, normal: normal, broken: broken)
  }

  // MARK: BLS

  @Test func bls1() throws {
    let normal = try EmaFilterResponseClaim(setting: Tiny.bls1).run(in: Self.context)
    let broken = try EmaFilterResponseClaim(setting: Tiny.bls1, fault: .wrongAlpha).run(in: Self.context)
    Self.expectFlip(.wrongAlpha, normal: normal, broken: broken)
  }

  @Test func bls2() throws {
    let normal = try BatchMeanDecompositionClaim(setting: Tiny.bls2).run(in: Self.context)
    let broken = try BatchMeanDecompositionClaim(setting: Tiny.bls2, fault: .assumptionBroken)
      .run(in: Self.context)
    Self.expectFlip(.assumptionBroken, normal: normal, broken: broken)
  }

  @Test func bls3() throws {
    let normal = try FrequencySeparationClaim(setting: Tiny.bls3).run(in: Self.context)
    let broken = try FrequencySeparationClaim(setting: Tiny.bls3, fault: .assumptionBroken)
      .run(in: Self.context)
    Self.expectFlip(.assumptionBroken, normal: normal, broken: broken)
  }

  @Test func bls4() throws {
    let normal = try ProxyQualityClaim(setting: Tiny.bls4).run(in: Self.context)
    let broken = try ProxyQualityClaim(setting: Tiny.bls4, fault: .scoresShuffled).run(in: Self.context)
    // The statement fails on the synthetic learner even unbroken (see BLS-4's page); shuffled
    // scores must fail it on every check.
    Self.expectFlip(.scoresShuffled, normal: normal, broken: broken, normalFails: true)
    #expect(broken.decidingChecks.allSatisfy { $0.verdict == .fails })
  }

  // MARK: RePB

  @Test func repb1() throws {
    let setting = RePB1ScoreDrift.Setting(
      sampleCount: 256, batchSize: 16, epochs: 2, medianRate: 1.0 / 16, windows: [1, 2, 4])
    let normal = try RePB1ScoreDrift().run(setting, in: Self.context)
    let broken = try RePB1ScoreDrift(fault: .assumptionBroken).run(setting, in: Self.context)
    Self.expectFlip(.assumptionBroken, normal: normal, broken: broken)
  }

  @Test func repb2() throws {
    let setting = RePB2PoolCollapse.Setting(
      sampleCount: 400, batchSize: 16, epochs: 10, collapseEpochs: 5, seeds: 2, rho: 0.5,
      noise: 0.5, burnIn: 4)
    let normal = try RePB2PoolCollapse().run(setting, in: Self.context)
    let broken = try RePB2PoolCollapse(fault: .noResampling).run(setting, in: Self.context)
    Self.expectFlip(.noResampling, normal: normal, broken: broken)
  }

  @Test func repb3() throws {
    let setting = RePB3CumulativeReweighting.Setting(
      sampleCount: 60, dimension: 2, batchSize: 8, epochs: 5, runs: 40, rho: 0.5, noise: 0.5)
    let normal = try RePB3CumulativeReweighting().run(setting, in: Self.context)
    let broken = try RePB3CumulativeReweighting(fault: .rescalingRemoved)
      .run(setting, in: Self.context)
    Self.expectFlip(.rescalingRemoved, normal: normal, broken: broken)
  }

  // MARK: B-PAS

  @Test(.enabled(if: bpasRuleExists)) func bpas1() throws {
    let normal = try MonotoneRetentionClaim(setting: try Tiny.bpas1()).run(in: Self.context)
    let broken = try MonotoneRetentionClaim(setting: try Tiny.bpas1(), fault: .prunedBatchesReturn)
      .run(in: Self.context)
    Self.expectFlip(.prunedBatchesReturn, normal: normal, broken: broken)
  }

  @Test(.enabled(if: bpasRuleExists)) func bpas2() throws {
    let normal = try ThresholdScheduleClaim(setting: try Tiny.bpas2()).run(in: Self.context)
    let broken = try ThresholdScheduleClaim(setting: try Tiny.bpas2(), fault: .wrongSchedule)
      .run(in: Self.context)
    Self.expectFlip(.wrongSchedule, normal: normal, broken: broken)
  }

  @Test(.enabled(if: bpasRuleExists)) func bpas3IsNotTestable() throws {
    let result = try DataSavingsIndexClaim(setting: try Tiny.bpas3()).run(in: Self.context)
    #expect(result.decidingChecks.isEmpty)
    #expect(result.verdict == .notTestable)
    #expect(!result.notTestableReason.isEmpty)
    #expect(result.sanityChecks.allSatisfy { $0.verdict == .holds })
  }

  @Test(.enabled(if: bpasRuleExists)) func bpas5() throws {
    let normal = try ClassBalanceClaim(setting: Tiny.bpas5).run(in: Self.context)
    let broken = try ClassBalanceClaim(setting: Tiny.bpas5, fault: .assumptionBroken).run(in: Self.context)
    // Batch-level B-PAS skews the balance a little more than random batches even unbroken
    // (see BPAS-5's page); class-sorted batches must fail the batch-level check outright.
    Self.expectFlip(.assumptionBroken, normal: normal, broken: broken, normalFails: true)
    let batchLevel = try #require(broken.decidingChecks.first { $0.quantity.hasPrefix("batch-level") })
    #expect(batchLevel.verdict == .fails)
  }
}
