import Foundation
import PruneReport

/// `prunelab reproduce`: runs claims and writes their CSV tables, SVG figures, notebook pages,
/// the index and `verdicts.csv`.
///
/// Layout under the output root:
/// ```
/// notebooks-md/index.md, verdicts.csv, <family>.md
/// notebooks-md/data/<ID>-<table>.csv, <ID>-checks.csv
/// notebooks-md/sections/<ID>.md      (each claim's rendered section, kept between runs)
/// figures/<ID>-<figure>.svg
/// ```
/// Each file is written atomically. Pages are rebuilt from the stored sections of every
/// registered claim, so a run with `--only` leaves the other claims' sections intact and the
/// pages consistent. No timestamp or machine detail is written: the same seed and profile give
/// the same bytes (timing-based claims excepted, see ``TimingBasedClaim``).
public enum Reproduction {
  /// What a run did.
  public struct Summary: Sendable {
    /// The outcomes, in registry order.
    public let outcomes: [ClaimOutcome]
    /// Every file written, relative to the output root, sorted.
    public let writtenFiles: [String]
    /// Run files trained, runs verified, and runs of this shard waiting for another shard.
    public var trainedRuns: [String] = []
    public var verifiedRuns: [String] = []
    public var waitingRuns: [String] = []
  }

  /// Runs the claims `options` selects and writes everything.
  ///
  /// - Throws: ``ClaimsError/unknownClaim(id:known:)`` for an unknown id,
  ///   ``PruneReportError`` when the output folder cannot be created or written (checked before
  ///   any claim runs, so nothing is written), ``ClaimsError/claimsFailed(ids:reasons:)`` after
  ///   writing when some claims threw.
  public static func run(
    _ options: ReproduceOptions,
    training: @escaping @Sendable (RunTraining.Event) -> Void = { _ in },
    progress: @escaping @Sendable (ClaimRunner.Progress) -> Void = { _ in }
  ) throws -> Summary {
    try run(options, registry: ClaimRegistry.all, training: training, progress: progress)
  }

  /// ``run(_:progress:)`` over an explicit registry (tests use small fake registries).
  static func run(
    _ options: ReproduceOptions, registry: [any Claim],
    training: @escaping @Sendable (RunTraining.Event) -> Void = { _ in },
    progress: @escaping @Sendable (ClaimRunner.Progress) -> Void = { _ in }
  ) throws -> Summary {
    let claims = try ClaimRegistry.select(options.only, from: registry)
    let folders = try Folders(root: options.outputPath)
    let store = RunStore(root: options.outputPath, profile: options.runProfile)
    let usesRuns = claims.contains { $0 is any TrainingBasedClaim }
    var report = RunTraining.Report()
    if usesRuns && options.isFresh { try store.removeAll() }
    if usesRuns && options.trainsMissing {
      report = try RunTraining.trainMissing(
        claims, store: store, seed: options.seed, profile: options.profile, shard: options.shard,
        progress: training)
    }
    var verified: [String] = []
    if usesRuns && options.verifyCount > 0 {
      verified = try RunTraining.verify(
        claims, store: store, seed: options.seed, profile: options.profile,
        count: options.verifyCount, progress: training)
    }
    if options.shard != nil {
      // A shard trains its slice only; pages are assembled once every shard is done.
      return Summary(
        outcomes: [], writtenFiles: report.written.sorted(), trainedRuns: report.written,
        verifiedRuns: verified, waitingRuns: report.waiting)
    }
    let provider =
      usesRuns
      ? try RunProvider(store: store, mode: .assemble) : nil
    let outcomes = ClaimRunner.run(
      claims, profile: options.profile, seed: options.seed, jobs: options.jobs, runs: provider,
      progress: progress)
    var written: [String] = []
    for outcome in outcomes {
      written += try writeClaim(outcome, options: options, folders: folders, registry: registry)
    }
    written += try writePages(
      outcomes: outcomes, options: options, folders: folders, registry: registry)
    let failures = outcomes.compactMap { outcome -> (String, String)? in
      if case .failed(let id, _, _, let reason) = outcome { return (id, reason) }
      return nil
    }
    if !failures.isEmpty {
      throw ClaimsError.claimsFailed(ids: failures.map(\.0), reasons: failures.map(\.1))
    }
    written += report.written
    return Summary(
      outcomes: outcomes, writtenFiles: written.sorted(), trainedRuns: report.written,
      verifiedRuns: verified, waitingRuns: report.waiting)
  }

  /// The last verdicts, read from `<root>/notebooks-md/verdicts.csv` (empty when absent).
  public static func ledger(atRoot root: String) -> VerdictLedger {
    let url = URL(fileURLWithPath: root).appendingPathComponent("notebooks-md/verdicts.csv")
    guard let data = try? Data(contentsOf: url) else { return VerdictLedger() }
    return VerdictLedger(csv: String(decoding: data, as: UTF8.self))
  }

  /// The output folders, created and probed before any claim runs.
  struct Folders {
    let root: OutputFolder
    let notebooks: OutputFolder
    let data: OutputFolder
    let sections: OutputFolder
    let figures: OutputFolder

    init(root path: String) throws {
      root = try OutputFolder(path: path)
      notebooks = try root.subfolder("notebooks-md")
      data = try notebooks.subfolder("data")
      sections = try notebooks.subfolder("sections")
      figures = try root.subfolder("figures")
    }
  }

  private static func writeClaim(
    _ outcome: ClaimOutcome, options: ReproduceOptions, folders: Folders, registry: [any Claim]
  ) throws -> [String] {
    var written: [String] = []
    let id = outcome.id
    if case .finished(let result) = outcome {
      for table in result.tables {
        let path = ClaimSection.tablePath(claim: id, table: table.name)
        let csv = try CSVTable(columns: table.header, textRows: table.rows, name: path).csvText
        try folders.notebooks.write(csv, to: path)
        written.append("notebooks-md/" + path)
      }
      let checksPath = ClaimSection.tablePath(claim: id, table: "checks")
      try folders.notebooks.write(try checksCSV(result), to: checksPath)
      written.append("notebooks-md/" + checksPath)
      for figure in result.figures {
        let path = ClaimSection.figurePath(claim: id, figure: figure.name)
        try folders.root.write(figure.svg, to: path)
        written.append(path)
      }
    }
    let claim = registry.first { $0.id == id }
    let section = ClaimSection(
      outcome: outcome, command: options.command(regenerating: [id]), profile: options.profile,
      runProfile: claim is any TrainingBasedClaim ? options.runProfile : nil, seed: options.seed,
      isTimingBased: claim is any TimingBasedClaim)
    try folders.sections.write(section.markdown, to: "\(id).md")
    written.append("notebooks-md/sections/\(id).md")
    return written
  }

  private static func checksCSV(_ result: ClaimResult) throws -> String {
    let header = [
      "setting", "quantity", "measured", "predicted", "difference", "uncertainty", "tolerance",
      "comparison", "expected_to_hold", "kind", "answers", "decides", "basis", "verdict",
    ]
    let rows = result.checks.map { check in
      [
        check.setting, check.quantity, ClaimTable.format(check.measured),
        ClaimTable.format(check.predicted), ClaimTable.format(check.difference),
        ClaimTable.format(check.uncertainty), ClaimTable.format(check.tolerance),
        check.comparison.rawValue, check.expectedToHold ? "true" : "false", check.kind.rawValue,
        check.answer.rawValue, check.decides(check.answer) ? "true" : "false", check.basis,
        check.verdict.rawValue,
      ]
    }
    return try CSVTable(columns: header, textRows: rows, name: "checks").csvText
  }

  private static func writePages(
    outcomes: [ClaimOutcome], options: ReproduceOptions, folders: Folders, registry: [any Claim]
  ) throws -> [String] {
    var ledger = ledger(atRoot: folders.root.path)
    for outcome in outcomes {
      let isTraining = registry.first { $0.id == outcome.id } is any TrainingBasedClaim
      ledger.record(
        outcome, profile: isTraining ? options.runProfile.name : options.profile.rawValue,
        seed: options.seed)
    }
    var written: [String] = []
    try folders.notebooks.write(try ledger.csv(order: registry.map(\.id)), to: "verdicts.csv")
    written.append("notebooks-md/verdicts.csv")
    for family in ClaimFamily.allCases {
      let claims = registry.filter { $0.family == family }
      var sections: [String: String] = [:]
      for claim in claims {
        let url = folders.sections.url.appendingPathComponent("\(claim.id).md")
        if let data = try? Data(contentsOf: url) {
          sections[claim.id.uppercased()] = String(decoding: data, as: UTF8.self)
        }
      }
      guard !sections.isEmpty else { continue }
      let page = NotebookPages.familyPage(
        family, claims: claims, sections: sections, ledger: ledger)
      try folders.notebooks.write(page, to: family.pageName)
      written.append("notebooks-md/" + family.pageName)
    }
    try folders.notebooks.write(NotebookPages.index(claims: registry, ledger: ledger), to: "index.md")
    written.append("notebooks-md/index.md")
    return written
  }
}
