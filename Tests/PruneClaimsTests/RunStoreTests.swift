import Foundation
import MiniCNN
import Testing

@testable import PruneClaims

/// The run store (issue 10) on the tiny profile: training once, resuming, shards, verification
/// and the bad-input errors.
@Suite struct RunStoreTests {
  /// X-1 (plain runs) and BPAS-4 (whose control runs derive from B-PAS's stored runs).
  static let claims = ["X-1", "BPAS-4"]

  static func options(
    _ root: URL, shard: RunShard? = nil, verify: Int = 0, fresh: Bool = false
  ) throws -> ReproduceOptions {
    try ReproduceOptions(
      only: claims, outputPath: root.path, runProfile: .tiny, shard: shard, verifyCount: verify,
      isFresh: fresh)
  }

  static func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("prunelab-store-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Pages and claim CSVs (not the runs, not X-2's timings) by relative path.
  static func pages(_ root: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let notebooks = root.appendingPathComponent("notebooks-md")
    for sub in ["", "sections", "data"] {
      let folder = notebooks.appendingPathComponent(sub)
      for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
      where name.hasSuffix(".md") || name.hasSuffix(".csv") {
        files["\(sub)/\(name)"] = try Data(contentsOf: folder.appendingPathComponent(name))
      }
    }
    return files
  }

  static func store(_ root: URL) -> RunStore { RunStore(root: root.path, profile: .tiny) }

  @Test func trainsOnceThenAssemblesFromTheStore() throws {
    let root = try Self.folder()
    defer { try? FileManager.default.removeItem(at: root) }
    let first = try Reproduction.run(Self.options(root))
    #expect(!first.trainedRuns.isEmpty)
    #expect(first.outcomes.allSatisfy { $0.verdict != .notTestable })
    let pagesBefore = try Self.pages(root)
    let second = try Reproduction.run(Self.options(root))
    #expect(second.trainedRuns.isEmpty)
    #expect(try Self.pages(root) == pagesBefore)
    // An interrupted run loses only the run in progress: remove one, exactly one is retrained.
    let names = Self.store(root).fileNames()
    try FileManager.default.removeItem(
      at: Self.store(root).url.appendingPathComponent(names[names.count / 2]))
    let third = try Reproduction.run(Self.options(root))
    #expect(third.trainedRuns == [Self.store(root).displayPath(names[names.count / 2])])
    #expect(try Self.pages(root) == pagesBefore)
  }

  @Test func twoShardsTrainWhatOneRunTrains() throws {
    let whole = try Self.folder()
    let sharded = try Self.folder()
    defer {
      try? FileManager.default.removeItem(at: whole)
      try? FileManager.default.removeItem(at: sharded)
    }
    _ = try Reproduction.run(Self.options(whole))
    let one = try Reproduction.run(Self.options(sharded, shard: RunShard(parsing: "1/2")))
    let two = try Reproduction.run(Self.options(sharded, shard: RunShard(parsing: "2/2")))
    #expect(one.outcomes.isEmpty && two.outcomes.isEmpty)
    #expect(Set(one.trainedRuns).isDisjoint(with: two.trainedRuns))
    // BPAS-4's controls wait for B-PAS runs of the other shard; a second round trains them.
    _ = try Reproduction.run(Self.options(sharded, shard: RunShard(parsing: "1/2")))
    _ = try Reproduction.run(Self.options(sharded, shard: RunShard(parsing: "2/2")))
    #expect(Self.store(sharded).fileNames() == Self.store(whole).fileNames())
    let assembled = try Reproduction.run(Self.options(sharded))
    #expect(assembled.trainedRuns.isEmpty)
    #expect(try Self.pages(sharded) == Self.pages(whole))
  }

  @Test func verifyRetrainsBitForBitAndNamesADifferentRun() throws {
    let root = try Self.folder()
    defer { try? FileManager.default.removeItem(at: root) }
    _ = try Reproduction.run(Self.options(root))
    let verified = try Reproduction.run(Self.options(root, verify: 2))
    #expect(verified.verifiedRuns.count == 2)
    // A digest that differs (as another kernel or trainer change would make) is named.
    let store = Self.store(root)
    for name in store.fileNames() {
      let url = store.url.appendingPathComponent(name)
      let text = try String(contentsOf: url, encoding: .utf8)
      var run = try StoredRun.parse(text, file: name)
      run.epochs[0].weightDigest = "0123456789abcdef"
      try Data(try run.jsonText().utf8).write(to: url)
    }
    #expect {
      try Reproduction.run(Self.options(root, verify: 1))
    } throws: { error in
      guard case RunStoreError.verificationFailed(let file, let epoch, let fields) = error else {
        return false
      }
      return file.hasPrefix("notebooks-md/data/runs/tiny/") && epoch == 0
        && fields == ["weight digest"]
    }
  }

  @Test func badRunFilesAreNamedAndNothingIsOverwritten() throws {
    let root = try Self.folder()
    defer { try? FileManager.default.removeItem(at: root) }
    _ = try Reproduction.run(Self.options(root))
    let store = Self.store(root)
    let name = store.fileNames()[0]
    let url = store.url.appendingPathComponent(name)
    let original = try Data(contentsOf: url)
    let pagesBefore = try Self.pages(root)
    func expectError(_ matches: @escaping (RunStoreError) -> Bool) {
      #expect {
        try Reproduction.run(Self.options(root))
      } throws: { error in
        guard let error = error as? RunStoreError else { return false }
        return matches(error) && "\(error)".contains(name)
      }
    }
    // Truncated.
    try original.prefix(original.count / 2).write(to: url)
    expectError { if case .corruptRun = $0 { true } else { false } }
    #expect(try Data(contentsOf: url) == original.prefix(original.count / 2))
    // A spec edited by hand no longer hashes to the fingerprint.
    let text = String(decoding: original, as: UTF8.self)
    try Data(text.replacingOccurrences(of: "\"numerics\" : 1", with: "\"numerics\" : 2").utf8)
      .write(to: url)
    expectError { if case .fingerprintMismatch = $0 { true } else { false } }
    // A run of another profile copied in.
    try Data(text.replacingOccurrences(of: "\"profile\" : \"tiny\"", with: "\"profile\" : \"paper\"").utf8)
      .write(to: url)
    expectError { if case .wrongProfile = $0 { true } else { false } }
    #expect(try Self.pages(root) == pagesBefore)
    // The same run under a second name.
    try original.write(to: url)
    try original.write(to: store.url.appendingPathComponent("copy-" + name))
    #expect(throws: RunStoreError.self) { try store.load() }
  }

  @Test(arguments: ["0/2", "3/2", "1/0", "a/2", "2", ""])
  func shardsOutsideOneToNAreRefused(text: String) {
    #expect(throws: RunStoreError.invalidShard(value: text)) { try RunShard(parsing: text) }
  }

  @Test func shardsPartitionThePositions() throws {
    let shards = try (1...3).map { try RunShard(parsing: "\($0)/3") }
    for position in 0..<20 {
      #expect(shards.filter { $0.contains(position: position) }.count == 1)
    }
  }

  @Test func fingerprintChangesWithEveryField() throws {
    let data = try TrainingData.load(
      RunProfile.tiny.workload.source, trainSubset: nil, testSubset: nil, seed: 1)
    let trainer = try TrainerConfiguration(epochs: 2, seed: 1)
    let base = RunSpec(
      blasKernel: "Haswell", data: DataFingerprint(data), trainer: trainer, rule: "infobatch",
      ruleParameters: ["prune-ratio": "0.5"])
    var variants: [RunSpec] = []
    var spec = base
    spec.numerics += 1
    variants.append(spec)
    spec = base
    spec.blasKernel = "SkylakeX"
    variants.append(spec)
    spec = base
    spec.trainer = try TrainerConfiguration(epochs: 2, seed: 2)
    variants.append(spec)
    spec = base
    spec.trainer = try TrainerConfiguration(epochs: 2, threadCount: 1, seed: 1)
    variants.append(spec)
    spec = base
    spec.trainer = try TrainerConfiguration(epochs: 2, seed: 1, initialization: .pytorchDefault)
    variants.append(spec)
    spec = base
    spec.ruleParameters["prune-ratio"] = "0.3"
    variants.append(spec)
    spec = base
    spec.data.hash &+= 1
    variants.append(spec)
    let prints = Set(([base] + variants).map(\.fingerprint))
    #expect(prints.count == variants.count + 1)
    #expect(base.fingerprint == base.fingerprint && base.fingerprint.count == 16)
  }

  @Test func storedRunsReadBackBitForBit() throws {
    let root = try Self.folder()
    defer { try? FileManager.default.removeItem(at: root) }
    _ = try Reproduction.run(Self.options(root))
    for run in try Self.store(root).load().values {
      let again = try StoredRun.parse(try run.jsonText(), file: run.spec.fileName)
      #expect(again == run)
    }
  }

  /// X-1's page after removing the stored runs whose names start with `prefix`.
  static func x1Page(withoutRunsStartingWith prefix: String) throws -> ClaimResult? {
    let root = try Self.folder()
    defer { try? FileManager.default.removeItem(at: root) }
    _ = try Reproduction.run(Self.options(root))
    let store = Self.store(root)
    let removed = store.fileNames().filter { $0.hasPrefix(prefix) }
    #expect(!removed.isEmpty)
    for name in removed {
      try FileManager.default.removeItem(at: store.url.appendingPathComponent(name))
    }
    let provider = RunProvider(profile: .tiny, mode: .assemble, stored: try store.load())
    let outcomes = ClaimRunner.run(
      [X1LosslessFrontier()], profile: .quick, seed: ReproduceOptions.defaultSeed, jobs: 1,
      runs: provider)
    guard case .finished(let result) = outcomes[0] else { return nil }
    return result
  }

  @Test func missingReferenceRunsMakeAPageThatSaysSo() throws {
    // Without full data no rule's lossless test can be computed: nothing decides.
    let result = try #require(try Self.x1Page(withoutRunsStartingWith: "full-"))
    #expect(result.verdict == .notTestable)
    #expect(result.checks.isEmpty)
    #expect(result.notTestableReason.contains("missing"))
    #expect(result.tables.first?.name == "missing-runs")
    guard case .runsMissing(let stored, let total) = result.completeness else {
      Issue.record("completeness \(result.completeness), expected runs missing")
      return
    }
    #expect(stored < total)
  }

  @Test func aPartialPageDecidesOnlyOnStoredRules() throws {
    // B-PAS's runs are missing: X-1 keeps the checks of the rules whose runs are stored, marks
    // B-PAS as waiting and lists its runs.
    let result = try #require(try Self.x1Page(withoutRunsStartingWith: "bpas-"))
    #expect(!result.checks.isEmpty)
    #expect(result.checks.allSatisfy { !$0.setting.hasPrefix("bpas") })
    #expect(result.verdict != .notTestable)
    #expect(result.tables.last?.name == "missing-runs")
    #expect(result.tables.last?.rows.allSatisfy { $0[0].hasPrefix("bpas-") } == true)
    #expect(result.discussion.hasPrefix("Partial page"))
    let missing = try #require(result.tables.last?.rows.count)
    guard case .partial(let stored, let total) = result.completeness else {
      Issue.record("completeness \(result.completeness), expected partial")
      return
    }
    #expect(total - stored == missing)
    let lossless = try #require(result.tables.first { $0.name == "lossless-points" })
    #expect(lossless.rows.contains { $0[0] == "bpas" && $0[1] == "waiting for runs" })
  }
}

/// A killed training resumes from its last epoch checkpoint with the same bytes.
@Suite struct PartialRunTests {
  private struct Killed: Error {}

  @Test func resumedRunEqualsAnUninterruptedOne() throws {
    let root = try RunStoreTests.folder()
    defer { try? FileManager.default.removeItem(at: root) }
    let store = RunStore(root: root.path, profile: .tiny)
    let provider = try RunTraining.collect(
      [X1LosslessFrontier()], store: store, seed: ReproduceOptions.defaultSeed, profile: .quick)
    let request = try #require(provider.requests.first { $0.spec.rule == "infobatch" })
    let whole = try request.train(nil, nil) { _ in }.run
    let partial = store.partialFile(for: request.fingerprint)
    #expect(throws: Killed.self) {
      _ = try request.train(nil, partial) { epoch in if epoch == 1 { throw Killed() } }
    }
    #expect(FileManager.default.fileExists(atPath: partial.url.path))
    var epochsAfterResume: [Int] = []
    let resumed = try request.train(nil, partial) { epochsAfterResume.append($0) }.run
    #expect(epochsAfterResume == [1])
    #expect(!FileManager.default.fileExists(atPath: partial.url.path))
    #expect(resumed.epochs.map(\.deterministicFields) == whole.epochs.map(\.deterministicFields))
    #expect(resumed.summary.finalAccuracy == whole.summary.finalAccuracy)
    #expect(resumed.fingerprint == whole.fingerprint)
  }
}
