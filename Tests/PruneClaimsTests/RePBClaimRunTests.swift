import Testing

@testable import PruneClaims

/// Every RePB claim runs in a tiny setting, gives finite checks with verdicts, a table and a
/// figure, and repeats itself byte for byte with the same seed.
@Suite struct RePBClaimRunTests {
  static let context = ClaimContext(profile: .quick, seed: 11)

  @Test func repb1() throws {
    let setting = RePB1ScoreDrift.Setting(
      sampleCount: 128, batchSize: 16, epochs: 2, medianRate: 1.0 / 16, windows: [1, 2, 4])
    let result = try RePB1ScoreDrift().run(setting, in: Self.context)
    InfoBatchClaimRunTests.expectWellFormed(result, id: "RePB-1")
    // W = 1: zero drift and perfect agreement, exactly (sanity checks), and every bound holds.
    let single = result.sanityChecks.filter { $0.setting.hasPrefix("W = 1 ") }
    #expect(single.map(\.measured) == [0, 1])
    #expect(result.sanityChecks.allSatisfy { $0.verdict == .holds })
    #expect(result.decidingChecks.count == 2)
    #expect(try RePB1ScoreDrift().run(setting, in: Self.context) == result)
  }

  @Test func repb2() throws {
    let setting = RePB2PoolCollapse.Setting(
      sampleCount: 200, batchSize: 16, epochs: 8, collapseEpochs: 5, seeds: 2, rho: 0.5,
      noise: 0.5, burnIn: 3)
    let result = try RePB2PoolCollapse().run(setting, in: Self.context)
    InfoBatchClaimRunTests.expectWellFormed(result, id: "RePB-2")
    #expect(result.checks.contains { !$0.expectedToHold })
    #expect(try RePB2PoolCollapse().run(setting, in: Self.context) == result)
  }

  @Test func repb3() throws {
    let setting = RePB3CumulativeReweighting.Setting(
      sampleCount: 60, dimension: 2, batchSize: 8, epochs: 4, runs: 6, rho: 0.5, noise: 0.5)
    let result = try RePB3CumulativeReweighting().run(setting, in: Self.context)
    InfoBatchClaimRunTests.expectWellFormed(result, id: "RePB-3")
    #expect(try RePB3CumulativeReweighting().run(setting, in: Self.context) == result)
  }

  @Test func registryListsTheFamilyInOrder() {
    #expect(ClaimRegistry.repbClaims.map(\.id) == ["RePB-1", "RePB-2", "RePB-3"])
  }
}
