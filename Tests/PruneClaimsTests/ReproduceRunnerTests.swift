import Foundation
import PruneCore
import Testing

@testable import PruneClaims

/// A deterministic fake claim: its numbers depend only on the seed and its id.
private struct FakeClaim: Claim {
  let id: String
  let family: ClaimFamily
  let title: String
  var throwsError = false

  func run(in context: ClaimContext) throws -> ClaimResult {
    if throwsError { throw ClaimsError.computationFailed(id: id, reason: "fake failure") }
    var generator = SplitMix64(state: context.seed &+ UInt64(id.utf8.count))
    let measured = Double(generator.next() % 1000) / 1000
    let check = ClaimCheck(
      setting: "fake, with | pipe", quantity: "value", measured: measured, predicted: measured,
      uncertainty: 0, tolerance: 1e-12)
    let table = ClaimTable(
      name: "values", caption: "one row, \"quoted\", with a comma", header: ["x", "y"],
      rows: [["1", ClaimTable.format(measured)]], showOnPage: true)
    let figure = ClaimFigure(name: "plot", caption: "A fake figure.", svg: "<svg>\(measured)</svg>")
    return ClaimResult(
      id: id, family: family, title: title, statement: "s", equation: "e = 1",
      setting: [("seed", "\(context.seed)")], checks: [check], tables: [table], figures: [figure],
      discussion: "d")
  }
}

private let registry: [any Claim] = [
  FakeClaim(id: "IB-9", family: .infoBatch, title: "fake infobatch"),
  FakeClaim(id: "BLS-9", family: .bls, title: "fake bls one"),
  FakeClaim(id: "BLS-10", family: .bls, title: "fake bls two"),
  FakeClaim(id: "BPAS-9", family: .bpas, title: "fake bpas"),
]

/// Every file under `root`, by relative path, with its bytes.
private func snapshot(_ root: URL) throws -> [String: Data] {
  var files: [String: Data] = [:]
  let manager = FileManager.default
  guard let walker = manager.enumerator(at: root, includingPropertiesForKeys: nil) else {
    return files
  }
  let prefix = root.standardizedFileURL.path + "/"
  for case let url as URL in walker where !url.hasDirectoryPath {
    let path = String(url.standardizedFileURL.path.dropFirst(prefix.count))
    files[path] = try Data(contentsOf: url)
  }
  return files
}

private func temporaryFolder() throws -> URL {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("prunelab-reproduce-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

@Suite struct ReproduceRunnerTests {
  @Test func writesTheExpectedFiles() throws {
    let root = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    _ = try Reproduction.run(ReproduceOptions(outputPath: root.path), registry: registry)
    let files = try snapshot(root)
    for expected in [
      "notebooks-md/index.md", "notebooks-md/verdicts.csv", "notebooks-md/bls.md",
      "notebooks-md/infobatch.md", "notebooks-md/bpas.md", "notebooks-md/data/BLS-9-values.csv",
      "notebooks-md/data/BLS-9-checks.csv", "figures/BLS-10-plot.svg",
      "notebooks-md/sections/BPAS-9.md",
    ] {
      #expect(files[expected] != nil, "missing \(expected)")
    }
    #expect(files["notebooks-md/repb.md"] == nil)
    #expect(files["notebooks-md/cross-rule.md"] == nil)
    let page = try #require(files["notebooks-md/bls.md"].map { String(decoding: $0, as: UTF8.self) })
    #expect(page.contains("`prunelab reproduce --only BLS-9`"))
    #expect(page.contains("](../figures/BLS-9-plot.svg)"))
    #expect(page.contains("fake, with \\| pipe"))
    let csv = try #require(files["notebooks-md/data/BLS-9-values.csv"])
    #expect(String(decoding: csv, as: UTF8.self).hasPrefix("x,y\n1,"))
    let index = String(decoding: try #require(files["notebooks-md/index.md"]), as: UTF8.self)
    #expect(index.contains("[BLS-10](bls.md#bls-10)"))
  }

  @Test func secondRunAndJobCountGiveIdenticalBytes() throws {
    let first = try temporaryFolder()
    let second = try temporaryFolder()
    defer {
      try? FileManager.default.removeItem(at: first)
      try? FileManager.default.removeItem(at: second)
    }
    _ = try Reproduction.run(ReproduceOptions(outputPath: first.path, jobs: 1), registry: registry)
    let once = try snapshot(first)
    _ = try Reproduction.run(ReproduceOptions(outputPath: first.path, jobs: 1), registry: registry)
    #expect(try snapshot(first) == once)
    _ = try Reproduction.run(ReproduceOptions(outputPath: second.path, jobs: 2), registry: registry)
    #expect(try snapshot(second) == once)
  }

  @Test func partialRunKeepsTheOtherClaimsPages() throws {
    let root = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    _ = try Reproduction.run(ReproduceOptions(outputPath: root.path), registry: registry)
    let full = try snapshot(root)
    _ = try Reproduction.run(
      ReproduceOptions(only: ["bls-9"], outputPath: root.path), registry: registry)
    #expect(try snapshot(root) == full)
  }

  @Test func unknownIdListsTheKnownOnes() throws {
    let root = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    let error = try #require(throws: ClaimsError.self) {
      try Reproduction.run(
        ReproduceOptions(only: ["NOPE-1"], outputPath: root.path), registry: registry)
    }
    #expect(error == .unknownClaim(id: "NOPE-1", known: registry.map(\.id)))
    #expect(try snapshot(root).isEmpty)
  }

  @Test func unwritableOutputFailsWithoutPartialOutput() throws {
    let root = try temporaryFolder()
    defer {
      _ = chmod(root.path, 0o755)
      try? FileManager.default.removeItem(at: root)
    }
    #expect(chmod(root.path, 0o555) == 0)
    // Root ignores permissions; the test only means something for an ordinary user.
    guard access(root.path, W_OK) != 0 else { return }
    #expect(throws: (any Error).self) {
      try Reproduction.run(ReproduceOptions(outputPath: root.path), registry: registry)
    }
    _ = chmod(root.path, 0o755)
    #expect(try snapshot(root).isEmpty)
  }

  @Test func outputInsideAFileFailsWithoutPartialOutput() throws {
    let root = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    let blocker = root.appendingPathComponent("not-a-folder")
    try Data("x".utf8).write(to: blocker)
    #expect(throws: (any Error).self) {
      try Reproduction.run(ReproduceOptions(outputPath: blocker.path), registry: registry)
    }
    #expect(try snapshot(root).keys.sorted() == ["not-a-folder"])
  }

  @Test func failingClaimIsReportedAndTheOthersWritten() throws {
    let root = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    let broken: [any Claim] = registry + [
      FakeClaim(id: "BPAS-10", family: .bpas, title: "broken", throwsError: true)
    ]
    #expect(throws: ClaimsError.self) {
      try Reproduction.run(ReproduceOptions(outputPath: root.path), registry: broken)
    }
    let ledger = Reproduction.ledger(atRoot: root.path)
    #expect(ledger.verdict(of: "BPAS-10") == "inconclusive")
    #expect(ledger.verdict(of: "BLS-9") == "holds")
  }

  @Test(arguments: [0, -3]) func rejectsJobs(jobs: Int) {
    #expect(throws: ClaimsError.self) { try ReproduceOptions(outputPath: ".", jobs: jobs) }
  }

  @Test func ledgerRoundTripsQuotedCells() throws {
    var ledger = VerdictLedger()
    ledger.record(
      .failed(id: "X-9", family: .crossRule, title: "a \"quoted\", title", reason: "r"),
      profile: "quick", seed: 1)
    let text = try ledger.csv(order: ["X-9"])
    #expect(text.contains("\"a \"\"quoted\"\", title\""))
    #expect(VerdictLedger(csv: text) == ledger)
  }

  @Test func ledgerReadsTheOlderLayoutByColumnName() {
    let old = "id,family,title,verdict,holds,fails,inconclusive,profile,seed\n"
      + "IB-1,infobatch,t,holds,3,0,0,quick,2024\n"
    let ledger = VerdictLedger(csv: old)
    let entry = ledger.entries["IB-1"]
    #expect(entry?.verdict == "holds")
    #expect(entry?.holds == 3)
    #expect(entry?.model == "")
    #expect(entry?.completeness == "")
    #expect(entry?.markedVerdict == "holds")
    #expect(entry?.seed == "2024")
  }

  @Test func ledgerRecordsEvidenceSanityAndModel() throws {
    let evidence = ClaimCheck(
      setting: "a", quantity: "q", measured: 1, predicted: 1, uncertainty: 0, tolerance: 0.1)
    let model = ClaimCheck(
      setting: "a", quantity: "q", measured: 1, predicted: 2, uncertainty: 0, tolerance: 0.1,
      answer: .model)
    let identity = ClaimCheck.sanity(setting: "b", quantity: "q", measured: 0, predicted: 0)
    let result = ClaimResult(
      id: "X-9", family: .crossRule, title: "t", statement: "s", equation: "e", setting: [],
      checks: [evidence, model, identity])
    var ledger = VerdictLedger()
    ledger.record(.finished(result), profile: "quick", seed: 1)
    let entry = try #require(ledger.entries["X-9"])
    #expect(entry.verdict == "holds")
    #expect(entry.model == "disagrees")
    #expect(entry.evidence == 1)
    #expect(entry.sanity == 1)
    #expect(VerdictLedger(csv: try ledger.csv(order: ["X-9"])) == ledger)
    #expect(NotebookPages.evidenceCell(entry) == "1 (1 hold)")
  }

  @Test func ledgerAndIndexMarkAPartialPage() throws {
    let evidence = ClaimCheck(
      setting: "a", quantity: "q", measured: 1, predicted: 1, uncertainty: 0, tolerance: 0.1)
    let partial = ClaimResult(
      id: "X-1", family: .crossRule, title: "t", statement: "s", equation: "e", setting: [],
      checks: [evidence], completeness: .partial(stored: 12, total: 26))
    let waiting = ClaimResult(
      id: "X-2", family: .crossRule, title: "t", statement: "s", equation: "e", setting: [],
      checks: [], completeness: .runsMissing(stored: 3, total: 17))
    let complete = ClaimResult(
      id: "BLS-5", family: .bls, title: "t", statement: "s", equation: "e", setting: [],
      checks: [evidence])
    var ledger = VerdictLedger()
    for result in [partial, waiting, complete] {
      ledger.record(.finished(result), profile: "paper", seed: 1)
    }
    let text = try ledger.csv(order: ["X-1", "X-2", "BLS-5"])
    #expect(text.contains("X-1,cross-rule,t,holds,partial: 12 of 26 runs,1,"))
    #expect(VerdictLedger(csv: text) == ledger)
    #expect(ledger.entries["X-1"]?.markedVerdict == "holds (partial: 12 of 26 runs)")
    #expect(
      ledger.entries["X-2"]?.markedVerdict == "not testable here (runs missing: 3 of 17 stored)")
    #expect(ledger.entries["BLS-5"]?.markedVerdict == "holds")
    let index = NotebookPages.index(
      claims: [X1LosslessFrontier(), BLS5DropInEquivalence()], ledger: ledger)
    #expect(index.contains("| holds (partial: 12 of 26 runs) |"))
    #expect(index.contains("| holds |"))
  }

  @Test func sectionSeparatesSanityFromEvidenceAndSaysWhyNotTestable() {
    let identity = ClaimCheck.sanity(setting: "b", quantity: "q", measured: 0.43, predicted: 0.43)
    let result = ClaimResult(
      id: "X-9", family: .crossRule, title: "t", statement: "s", equation: "e", setting: [],
      checks: [identity], notTestableReason: "a definition")
    let page = ClaimSection(
      outcome: .finished(result), command: "prunelab reproduce --only X-9", profile: .quick,
      seed: 1, isTimingBased: false
    ).markdown
    #expect(page.contains("**The paper's statement: not testable here** (no evidence check "
      + "decides it: a definition)"))
    #expect(page.contains("**Sanity checks.**"))
    #expect(!page.contains("**Evidence checks.**"))
    let measured = ClaimCheck(
      setting: "a", quantity: "q", measured: 0.8266666666666667, predicted: 0.82,
      uncertainty: 0.012, tolerance: 0.01, basis: "SE over 3 seeds")
    let decided = ClaimResult(
      id: "X-9", family: .crossRule, title: "t", statement: "s", equation: "e", setting: [],
      checks: [measured])
    let page2 = ClaimSection(
      outcome: .finished(decided), command: "c", profile: .quick, seed: 1, isTimingBased: false
    ).markdown
    #expect(page2.contains("| 0.827 | = 0.820 | 0.007 | 0.012 | 0.01 | SE over 3 seeds | yes |"))
    #expect(!page2.contains("0.8266666666666667"))
  }
}
