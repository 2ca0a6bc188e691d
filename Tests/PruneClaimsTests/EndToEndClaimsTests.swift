import Testing

@testable import PruneClaims

/// The end-to-end claims on a very tiny setting: 200 synthetic 8 x 8 images, 2 epochs, 2 seeds.
/// The numbers mean nothing at this size; the tests check the plumbing: every check is
/// computed from finite numbers (or is NaN *because* nothing was pruned), and same seed, same
/// results.
@Suite(.serialized) struct EndToEndClaimsTests {
  static func tiny(epochs: Int = 2) throws -> EndToEndWorkload {
    try EndToEndWorkload.syntheticT1(
      sampleCount: 200, side: 8, epochs: epochs, seedCount: 2, batchSize: 32)
  }

  static let context = ClaimContext(profile: .quick, seed: 11)

  /// Finite predictions, uncertainties and tolerances; a measurement is finite unless the
  /// check says the comparison is void (its verdict is then inconclusive).
  static func expectWellFormed(_ result: ClaimResult, id: String) {
    #expect(result.id == id)
    #expect(!result.checks.isEmpty)
    for check in result.checks {
      #expect(check.predicted.isFinite, "\(id) \(check.quantity)")
      #expect(check.uncertainty.isFinite, "\(id) \(check.quantity)")
      #expect(check.tolerance.isFinite, "\(id) \(check.quantity)")
      #expect(check.measured.isFinite || check.verdict == .inconclusive)
    }
    for table in result.tables { #expect(!table.rows.isEmpty) }
  }

  @Test func bls5() throws {
    let result = try BLS5DropInEquivalence().run(in: Self.context, workload: Self.tiny())
    Self.expectWellFormed(result, id: "BLS-5")
    #expect(result.checks.count == 4)
    #expect(result.family == .bls)
  }

  @Test func bls6() throws {
    let result = try BLS6SeTaHostAndRandom().run(in: Self.context, workload: Self.tiny())
    Self.expectWellFormed(result, id: "BLS-6")
    #expect(result.family == .bls)
    #expect(result.decidingChecks.count == 3 && result.sanityChecks.count == 1)
    for check in result.sanityChecks { #expect(check.verdict == .holds) }
    let summary = try #require(result.tables.first { $0.name == "summary" })
    #expect(summary.rows.map(\.[0]) == ["seta", "seta+bls", BLS6SeTaHostAndRandom.randomLabel])
  }

  @Test func repb4() throws {
    let result = try RePB4AccuracyOrdering().run(in: Self.context, workload: Self.tiny())
    Self.expectWellFormed(result, id: "RePB-4")
    // Once: the probes' prediction of InfoBatch's saving at its defaults against its runs (our
    // model) and the replay's (shown, not deciding).
    let predictions = result.checks.filter { $0.quantity.hasPrefix("saved fraction on the CNN") }
    #expect(predictions.map(\.expectedToHold) == [true, false])
    #expect(predictions.allSatisfy { $0.answer == .model })
    let probes = try #require(result.tables.first { $0.name == "probes" })
    #expect(
      probes.rows.count == RePB4Probes.repb.values.count + RePB4Probes.infoBatch.values.count)
    let calibration = try #require(result.tables.first { $0.name == "calibration" })
    #expect(calibration.rows.map(\.[0]) == ["repb at 50%", "infobatch at 50%"])
    // Per reached pair at the target: a matched-budget check (our model) and an ordering.
    let reached = calibration.rows.filter { $0[5] == "yes" }.count
    let pairs = reached == 2 ? 2 : reached == 1 ? 1 : 0
    let control = calibration.rows[1][5] == "yes" ? 1 : 0
    #expect(result.checks.count == 2 * pairs + control + 2)
    #expect(result.checks.filter { !$0.expectedToHold }.count >= 1)
  }

  @Test func bpas4() throws {
    let result = try BPAS4SignalValidity().run(in: Self.context, workload: Self.tiny())
    Self.expectWellFormed(result, id: "BPAS-4")
    #expect(result.decidingChecks.count == BPASThresholdSetting.settingCount(for: .quick))
    #expect(result.sanityChecks.count == BPASThresholdSetting.settingCount(for: .quick))
    #expect(result.sanityChecks.allSatisfy { $0.verdict == .holds })
  }

  @Test func bpas6() throws {
    let result = try BPAS6BatchNormSignal().run(in: Self.context, workload: Self.tiny())
    Self.expectWellFormed(result, id: "BPAS-6")
    // Roughness needs two epochs of statistics: it is always measured.
    let roughness = result.checks.filter { $0.quantity.hasPrefix("roughness") }
    #expect(roughness.count == BPASThresholdSetting.settingCount(for: .quick))
    for check in roughness { #expect(check.measured.isFinite) }
    #expect(result.figures.count == 1)
  }

  @Test func bpas7() throws {
    let result = try BPAS7LongerTraining().run(
      in: Self.context, workload: Self.tiny(), variation: ClaimVariation(epochCounts: [2, 3]))
    Self.expectWellFormed(result, id: "BPAS-7")
    #expect(result.figures.first?.svg.contains("<svg") == true)
  }

  @Test func x1() throws {
    let result = try X1LosslessFrontier().run(in: Self.context, workload: Self.tiny())
    Self.expectWellFormed(result, id: "X-1")
    #expect(result.checks.count == X1LosslessFrontier.rules(for: .quick).count)
    #expect(result.figures.count == 1)
  }

  @Test func x2() throws {
    let result = try X2WallClock().run(in: Self.context, workload: Self.tiny())
    Self.expectWellFormed(result, id: "X-2")
    #expect(result.checks.count == 2 * X2WallClock.rules(for: .quick).count)
  }

  @Test func sameSeedSameRunsExceptWallTime() throws {
    let workload = try Self.tiny()
    let training = EndToEndTraining(workload: workload, data: try workload.loadData(seed: 3))
    let choice = RuleChoice(label: "infobatch", ruleName: "infobatch")
    let first = try choice.train(with: training, baseSeed: 3, seedIndex: 1)
    let second = try choice.train(with: training, baseSeed: 3, seedIndex: 1)
    #expect(first.deterministicPart == second.deterministicPart)
    let bpas = BPASThresholdSetting.scaled.choice
    let a = try bpas.train(with: training, baseSeed: 3, seedIndex: 0)
    let b = try bpas.train(with: training, baseSeed: 3, seedIndex: 0)
    #expect(a.deterministicPart == b.deterministicPart)
    #expect(a.batchStatistics.allSatisfy { !$0.isEmpty })
  }

  @Test func sameSeedSameClaimResult() throws {
    let first = try BLS5DropInEquivalence().run(in: Self.context, workload: Self.tiny())
    let second = try BLS5DropInEquivalence().run(in: Self.context, workload: Self.tiny())
    #expect(first == second)
  }

  @Test func registeredInTheirFamilies() {
    let families = Dictionary(
      uniqueKeysWithValues: ClaimRegistry.crossRuleClaims.map { ($0.id, $0.family) })
    #expect(families["BLS-5"] == .bls)
    #expect(ClaimRegistry.all.first { $0.id == "BLS-6" }?.family == .bls)
    #expect(ClaimRegistry.ids.firstIndex(of: "BLS-6") == ClaimRegistry.ids.firstIndex(of: "BLS-5")! + 1)
    #expect(families["RePB-4"] == .repb)
    #expect(
      families["BPAS-4"] == .bpas && families["BPAS-6"] == .bpas && families["BPAS-7"] == .bpas
        && families["BPAS-8"] == .bpas && families["BPAS-9"] == .bpas)
    #expect(families["X-1"] == .crossRule && families["X-2"] == .crossRule)
  }

  @Test func roughnessByHand() {
    // batch 0: 1.0 -> 1.1 -> 0.99 ; batch 1: 2.0 -> 2.0 (then dropped)
    let run = TrainingRunOutcome(
      label: "x", seedIndex: 0, seed: 0, finalAccuracy: 0, epochAccuracies: [0, 0, 0],
      epochSamples: [2, 2, 1], epochBatches: [2, 2, 1], sampleCount: 2, originalBatchCount: 2,
      plannedEpochs: 3, batchStatistics: [[0: 1.0, 1: 2.0], [0: 1.1, 1: 2.0], [0: 0.99]],
      epochWallSeconds: [0, 0, 0], epochSelectionSeconds: [0, 0, 0])
    // pairs: |0.1|/1 = 0.1, 0/2 = 0, |0.11|/1.1 = 0.1 -> mean 0.2 / 3
    #expect(abs(BPAS6BatchNormSignal.roughness(of: run) - 0.2 / 3) < 1e-12)
    // DSI = 1 - 5 / (3 * 2) = 1/6; saved = 1 - 5 / 6
    #expect(abs(run.dataSavingIndex - 1.0 / 6) < 1e-12)
  }
}
