import Testing

@testable import PruneClaims

/// Every InfoBatch claim runs in a tiny setting, gives finite checks with verdicts, a table and a
/// figure, and repeats itself byte for byte with the same seed.
@Suite struct InfoBatchClaimRunTests {
  static let context = ClaimContext(profile: .quick, seed: 7)

  static func expectWellFormed(_ result: ClaimResult, id: String) {
    #expect(result.id == id)
    #expect(!result.checks.isEmpty)
    for check in result.checks {
      #expect(check.measured.isFinite, "\(check.setting): measured")
      #expect(check.predicted.isFinite, "\(check.setting): predicted")
      #expect(Verdict.allCases.contains(check.verdict))
    }
    #expect(!result.tables.isEmpty)
    #expect(!result.figures.isEmpty)
    for figure in result.figures { #expect(figure.svg.hasPrefix("<?xml")) }
    #expect(!result.discussion.isEmpty)
  }

  static let ib1 = IB1UnbiasedExpectation.Setting(
    sampleCount: 120, dimension: 3, draws: 30, coupling: 1, batchSize: 16)

  @Test func ib1() throws {
    let result = try IB1UnbiasedExpectation().run(Self.ib1, in: Self.context)
    Self.expectWellFormed(result, id: "IB-1")
    // Hard pruning is deterministic: measured equals predicted to rounding.
    let hard = try #require(result.checks.first { $0.setting.contains("hard") })
    #expect(abs(hard.measured - hard.predicted) < 1e-12)
    #expect(try IB1UnbiasedExpectation().run(Self.ib1, in: Self.context) == result)
  }

  @Test func ib2() throws {
    let setting = IB2VarianceBound.Setting(
      sampleCount: 150, dimension: 3, draws: 10, pruneRatio: 0.5, batchSize: 16)
    let result = try IB2VarianceBound().run(setting, in: Self.context)
    Self.expectWellFormed(result, id: "IB-2")
    #expect(result.checks.contains { !$0.expectedToHold })
    #expect(try IB2VarianceBound().run(setting, in: Self.context) == result)
  }

  @Test func ib3() throws {
    let setting = IB3RescalingLimit.Setting(
      sampleCount: 64, dimension: 3, batchSize: 16, epochs: 6, bisectionSteps: 6)
    let result = try IB3RescalingLimit().run(setting, in: Self.context)
    Self.expectWellFormed(result, id: "IB-3")
    #expect(try IB3RescalingLimit().run(setting, in: Self.context) == result)
  }

  @Test func ib4() throws {
    let setting = IB4Annealing.Setting(
      sampleCount: 100, epochs: 8, batchSize: 16, seeds: 2, pruneRatio: 0.5)
    let result = try IB4Annealing().run(setting, in: Self.context)
    Self.expectWellFormed(result, id: "IB-4")
    // δ = 0.5 anneals the whole window: residual exactly predicted as zero.
    let annealed = try #require(result.checks.first { $0.setting.hasPrefix("δ = 0.5,") })
    #expect(annealed.predicted == 0)
    #expect(abs(annealed.measured) < 1e-12)
    #expect(try IB4Annealing().run(setting, in: Self.context) == result)
  }

  @Test func ib5() throws {
    let setting = IB5SelectionOverhead.Setting(
      sizes: [2_000, 20_000], comparedSizes: (2_000, 20_000), repetitions: 2, selectTrials: 3)
    let result = try IB5SelectionOverhead().run(setting, in: Self.context)
    Self.expectWellFormed(result, id: "IB-5")
    // One exponent check per counted operation (the plan is timed only).
    #expect(result.checks.count == 3)
    // The mean threshold reads every score twice: its exponent is exactly 1, by construction.
    let mean = try #require(result.checks.first { $0.setting.hasPrefix("mean threshold") })
    #expect(mean.measured == 1)
    #expect(mean.kind == .sanity)
    #expect(mean.verdict == .holds)
    // Counts are deterministic: checks, verdict and the on-page count table repeat exactly;
    // only the CPU-time table and figure may differ.
    let again = try IB5SelectionOverhead().run(setting, in: Self.context)
    #expect(again.checks == result.checks)
    #expect(again.verdict == result.verdict)
    #expect(again.tables.first == result.tables.first)
    #expect(again.setting.map { [$0.0, $0.1] } == result.setting.map { [$0.0, $0.1] })
    #expect(again.discussion == result.discussion)
    let counts = try #require(result.tables.first)
    #expect(counts.name == "selection-counts")
    #expect(counts.showOnPage)
    #expect(result.tables.filter(\.showOnPage).count == 1)
  }

  @Test func ib6() throws {
    let setting = IB6SavedFraction.Setting(
      sampleCount: 200, epochs: 8, batchSize: 32, seeds: 2, pruneRatio: 0.5, delta: 0.875)
    let result = try IB6SavedFraction().run(setting, in: Self.context)
    Self.expectWellFormed(result, id: "IB-6")
    // The exact accounting matches the engine's count.
    let exact = try #require(result.checks.first { $0.setting.contains("exact accounting") })
    #expect(exact.kind == .sanity)
    #expect(exact.verdict == .holds)
    #expect(try IB6SavedFraction().run(setting, in: Self.context) == result)
  }

  @Test func registryListsTheFamilyInOrder() {
    #expect(
      ClaimRegistry.infoBatchClaims.map(\.id) == ["IB-1", "IB-2", "IB-3", "IB-4", "IB-5", "IB-6"])
  }
}
