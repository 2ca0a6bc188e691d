import Foundation
import Testing

@testable import PruneClaims

/// BLS-6 through the run store on the tiny profile: it trains its runs (the random baseline
/// once SeTa+BLS is stored), assembles its page from them, and with an empty store lists its
/// missing runs, the random ones as pending.
@Suite struct BLS6RunStoreTests {
  @Test func trainsThenAssemblesFromTheStore() throws {
    let root = try RunStoreTests.folder()
    defer { try? FileManager.default.removeItem(at: root) }
    let options = try ReproduceOptions(only: ["BLS-6"], outputPath: root.path, runProfile: .tiny)
    let first = try Reproduction.run(options)
    // seta, seta+bls, then random at seta+bls's saving: 2 seeds each.
    #expect(first.trainedRuns.count == 3 * RunProfile.tiny.workload.seedCount)
    let outcome = try #require(first.outcomes.first)
    #expect(outcome.verdict != .notTestable)
    let section = try String(
      contentsOf: root.appendingPathComponent("notebooks-md/sections/BLS-6.md"), encoding: .utf8)
    #expect(section.contains("**Setting.** Run profile `tiny`"))
    #expect(section.contains("notebooks-md/data/runs/tiny/"))
    #expect(section.contains("Sanity checks"))
    let second = try Reproduction.run(options)
    #expect(second.trainedRuns.isEmpty)
  }

  @Test func anEmptyStoreListsTheMissingRunsAndDecidesNothing() throws {
    let provider = RunProvider(profile: .tiny, mode: .assemble, stored: [:])
    let runs = provider.runs(forClaim: "BLS-6")
    let result = try BLS6SeTaHostAndRandom().run(in: ClaimContext(seed: 2024, runs: runs))
    let page = MissingRuns.page(for: result, runs: runs)
    #expect(page.verdict == .notTestable)
    #expect(page.checks.isEmpty)
    let table = try #require(page.tables.first { $0.name == "missing-runs" })
    let seeds = RunProfile.tiny.workload.seedCount
    #expect(table.rows.count == 3 * seeds)
    let pending = table.rows.filter { $0[3] == "yes" }
    #expect(pending.count == seeds)
    #expect(pending.allSatisfy { $0[1] == BLS6SeTaHostAndRandom.randomLabel })
    #expect(result.setting.contains { $0.1.hasPrefix("pending") })
  }
}
