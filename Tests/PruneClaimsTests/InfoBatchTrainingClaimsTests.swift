import Foundation
import PruneCore
import PruneSignals
import Testing

@testable import PruneClaims

/// IB-7 (InfoBatch Table 4) and IB-8 (Table 5) on the mini-CNN: the plumbing on a tiny
/// workload, the negative controls (a broken ordering, a symmetric loss log) that must flip the
/// verdict to `fails`, and the missing-runs page. Sizes are test-only.
@Suite(.serialized) struct InfoBatchTrainingClaimsTests {
  static let context = ClaimContext(profile: .quick, seed: 11)

  static func tiny() throws -> EndToEndWorkload {
    try EndToEndWorkload.syntheticT1(
      sampleCount: 160, side: 8, epochs: 2, seedCount: 2, batchSize: 32)
  }

  /// A right-skewed log: exponential losses (g1 = 2), 400 samples, 4 epochs.
  static func skewedLog() throws -> LossLog {
    var generator = SeededGenerator(seed: 5)
    let losses = (0..<1_600).map { _ in -Foundation.log(1 - generator.nextUnit()) }
    return try LossLog(sampleCount: 400, losses: losses)
  }

  /// A run with a given accuracy and saved fraction (1,000 samples, one planned epoch).
  static func run(_ label: String, _ k: Int, accuracy: Double, saved: Double)
    -> TrainingRunOutcome
  {
    TrainingRunOutcome(
      label: label, seedIndex: k, seed: UInt64(k), finalAccuracy: accuracy,
      epochAccuracies: [accuracy], epochSamples: [Int(((1 - saved) * 1_000).rounded())],
      epochBatches: [8], sampleCount: 1_000, originalBatchCount: 8, plannedEpochs: 1,
      batchStatistics: [[:]], epochWallSeconds: [0], epochSelectionSeconds: [0])
  }

  /// Seeds of `mean` with a seed-dependent wobble of +-1 point in 1,000 (`offset` shifts it,
  /// so paired differences have a spread).
  static func runs(_ label: String, seeds: Int, mean: Double, saved: Double, offset: Int = 0)
    -> [TrainingRunOutcome]
  {
    let wobble = [0.0, 1, -1, 0.5, -0.5]
    return (0..<seeds).map {
      run(label, $0, accuracy: mean + 0.001 * wobble[($0 + offset) % 5], saved: saved)
    }
  }

  static func expectWellFormed(_ result: ClaimResult, id: String, evidence: Int) {
    #expect(result.id == id && result.family == .infoBatch)
    #expect(result.decidingChecks.count == evidence)
    for check in result.checks {
      #expect(check.predicted.isFinite && check.tolerance.isFinite, "\(id) \(check.quantity)")
      #expect(!check.basis.isEmpty, "\(id) \(check.quantity)")
    }
    for check in result.sanityChecks { #expect(check.verdict == .holds, "\(check.quantity)") }
    #expect(result.tables.contains { $0.name == "summary" })
  }

  // MARK: IB-7

  static func ablation(random: Double, softAnneal: Double) -> IB7Ablation.Outcomes {
    var outcomes = IB7Ablation.Outcomes()
    let rows: [(IB7Ablation.Variant, Int, Double, Double)] = [
      (.full, 5, 0.900, 0), (.softRescaleAnneal, 5, 0.900, 0.30), (.soft, 3, 0.890, 0.36),
      (.softRescale, 3, 0.898, 0.36), (.softAnneal, 3, softAnneal, 0.30), (.random, 3, random, 0.30),
    ]
    for (index, (variant, seeds, mean, saved)) in rows.enumerated() {
      outcomes.runs[variant] = runs(
        variant.label, seeds: seeds, mean: mean, saved: saved, offset: index % 2)
    }
    return outcomes
  }

  @Test func ib7OnATinyWorkload() throws {
    let result = try IB7Ablation().run(in: Self.context, workload: Self.tiny())
    Self.expectWellFormed(result, id: "IB-7", evidence: 4)
    #expect((result.tables.first { $0.name == "runs" }?.rows.count ?? 0) >= 12)
  }

  @Test func ib7HoldsOnThePapersOrdering() {
    let result = IB7Ablation().result(Self.ablation(random: 0.880, softAnneal: 0.893), setting: [])
    #expect(result.verdict == .holds)
  }

  @Test(arguments: [(0.896, 0.893), (0.880, 0.905)])
  func ib7FailsWhenTheOrderingIsBroken(random: Double, softAnneal: Double) {
    // Random above soft pruning, or annealing gaining more than rescaling.
    let result = IB7Ablation().result(
      Self.ablation(random: random, softAnneal: softAnneal), setting: [])
    #expect(result.verdict == .fails)
  }

  // MARK: IB-8

  static func placement(aboveSaved: Double, aboveAccuracy: Double = 0.898)
    -> IB8WhereToPrune.Outcomes
  {
    var outcomes = IB8WhereToPrune.Outcomes()
    let rows: [(IB8WhereToPrune.Variant, Int, Double, Double)] = [
      (.full, 5, 0.900, 0), (.belowMean, 5, 0.900, 0.30), (.aboveMean, 3, aboveAccuracy, aboveSaved),
      (.randomAtBelow, 3, 0.895, 0.30), (.randomAtAbove, 3, 0.897, aboveSaved),
    ]
    for (index, (variant, seeds, mean, saved)) in rows.enumerated() {
      outcomes.runs[variant] = runs(
        variant.label, seeds: seeds, mean: mean, saved: saved, offset: index % 2)
    }
    return outcomes
  }

  @Test func ib8OnATinyWorkload() throws {
    let log = try Self.skewedLog()
    let result = try IB8WhereToPrune(lossLog: { log }).run(in: Self.context, workload: Self.tiny())
    Self.expectWellFormed(result, id: "IB-8", evidence: 4)
    let skew = try #require(result.checks.first { $0.quantity.hasPrefix("skewness") })
    #expect(skew.verdict == .holds)
  }

  @Test func ib8HoldsOnThePapersTable() throws {
    let skewness = LossSkewness(log: try Self.skewedLog(), epochs: 1..<4, seed: 1)
    let result = IB8WhereToPrune().result(
      Self.placement(aboveSaved: 0.15), skewness: skewness, setting: [])
    #expect(result.verdict == .holds)
  }

  @Test func ib8FailsOnASymmetricLossDistribution() throws {
    let log = try Self.skewedLog()
    let symmetric = try LossSkewness.symmetrized(log)
    #expect(abs(LossSkewness.skewness(Array(symmetric.losses(ofEpoch: 2)))) < 1e-9)
    // Through the claim's fault on the tiny workload: the skew check decides `fails`.
    let broken = try IB8WhereToPrune(lossLog: { log }).run(
      in: Self.context, workload: Self.tiny(), variation: ClaimVariation(fault: .assumptionBroken))
    #expect(broken.verdict == .fails)
    let skew = try #require(broken.checks.first { $0.quantity.hasPrefix("skewness") })
    #expect(skew.verdict == .fails)
  }

  @Test func ib8FailsWhenAboveTheMeanPrunesMoreOrWins() throws {
    let skewness = LossSkewness(log: try Self.skewedLog(), epochs: 1..<4, seed: 1)
    for outcomes in [
      Self.placement(aboveSaved: 0.40), Self.placement(aboveSaved: 0.15, aboveAccuracy: 0.906),
    ] {
      let result = IB8WhereToPrune().result(outcomes, skewness: skewness, setting: [])
      #expect(result.verdict == .fails)
    }
  }

  @Test func randomRatioMatchesTheSavingWithAnnealing() {
    // E = 20, delta 0.875: epochs 1...16 prune (P = 16), so r = 0.3 x 20 / 16.
    #expect(IB8WhereToPrune.randomRatio(saved: 0.3, epochs: 20) == "0.375")
    #expect(IB8WhereToPrune.randomRatio(saved: 0.3, epochs: 1) == "0.0")
  }

  // MARK: Run store

  @Test(arguments: ["IB-7", "IB-8"]) func notTestableWithoutStoredRuns(id: String) throws {
    let provider = RunProvider(profile: .tiny, mode: .assemble, stored: [:])
    let runs = provider.runs(forClaim: id)
    let context = ClaimContext(profile: .quick, seed: 11, runs: runs)
    let log = try Self.skewedLog()
    let claim: any Claim = id == "IB-7" ? IB7Ablation() : IB8WhereToPrune(lossLog: { log })
    let page = MissingRuns.page(for: try claim.run(in: context), runs: runs)
    #expect(page.verdict == .notTestable)
    let missing = try #require(page.tables.first { $0.name == "missing-runs" })
    #expect(missing.rows.count >= 8)
    #expect(try ClaimRegistry.select([id]).map(\.id) == [id])
  }
}
