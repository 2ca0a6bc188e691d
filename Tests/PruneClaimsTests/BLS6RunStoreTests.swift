import Foundation
import MiniCNN
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

  @Test func pendingRunsOfDifferentDerivationsAreCountedApart() throws {
    // X-1's random (at InfoBatch's saving) and BLS-6's (at SeTa+BLS's) share the placeholder
    // fingerprint while pending; they are different runs, so both are requested. The same
    // derived run asked for by two claims (same label) is one request.
    let data = try TrainingData.load(
      RunProfile.tiny.workload.source, trainSubset: nil, testSubset: nil, seed: 1)
    let spec = RunSpec(
      blasKernel: "Haswell", data: DataFingerprint(data),
      trainer: try TrainerConfiguration(epochs: 2, seed: 1), rule: "random",
      ruleParameters: ["prune-ratio": "0.0"])
    let provider = RunProvider(profile: .tiny, mode: .collect, stored: [:])
    for (claim, label) in [
      ("X-1", "random at infobatch's saving"), ("BLS-6", BLS6SeTaHostAndRandom.randomLabel),
      ("X-2", "random at infobatch's saving"),
    ] {
      _ = provider.outcome(
        spec: spec, claim: claim, label: label, seedIndex: 0, isBlocked: true,
        placeholder: {
          TrainingRunOutcome.placeholder(
            label: label, seedIndex: 0, seed: 1, sampleCount: 1, originalBatchCount: 1,
            plannedEpochs: 2)
        }, train: { _, _, _ in throw ClaimsError.computationFailed(id: claim, reason: "no") })
    }
    #expect(provider.requests.map(\.claim) == ["X-1", "BLS-6"])
    #expect(provider.runs(forClaim: "X-2").missing.count == 1)
  }
}
