import PruneReport

/// `notebooks-md/verdicts.csv`: the last verdict of every claim that has been run.
///
/// One row per claim, in registry order: id, family, title, the verdict on the paper's
/// statement, whether the page rests on all its runs (``PageCompleteness``), the counts of its deciding evidence checks by verdict, our model's answer (empty
/// without model checks), the number of evidence and sanity checks, and the profile and seed of
/// the run. `prunelab claims` reads it; the runner merges a partial run (`--only`) into it so the
/// rows of claims not rerun are kept.
public struct VerdictLedger: Sendable, Equatable {
  /// One claim's last run.
  public struct Entry: Sendable, Equatable {
    public let id: String
    public let family: String
    public let title: String
    /// The verdict on the paper's statement.
    public let verdict: String
    /// ``PageCompleteness/text``: `complete`, `partial: k of n runs`, `runs missing: k of n
    /// stored`; empty for a claim whose computation failed or a row of an older layout.
    public let completeness: String
    /// Deciding evidence checks by verdict.
    public let holds: Int
    public let fails: Int
    public let inconclusive: Int
    /// Our model's answer (`agrees`, `disagrees`, `undecided`), or empty.
    public let model: String
    /// The number of evidence checks that decided the statement.
    public let evidence: Int
    /// The number of sanity checks (never deciding).
    public let sanity: Int
    public let profile: String
    public let seed: String

    /// The verdict with a mark for a page not built from all its runs, for the index and the
    /// family pages: `holds (partial: 12 of 26 runs)`; the bare verdict otherwise.
    public var markedVerdict: String {
      completeness.isEmpty || completeness == VerdictLedger.completeText
        ? verdict : "\(verdict) (\(completeness))"
    }
  }

  /// The completeness of a page that rests on all its runs (or on none).
  static let completeText = "complete"

  /// The rows, keyed by upper-cased id.
  public private(set) var entries: [String: Entry]

  /// The file's header.
  static let header = [
    "id", "family", "title", "verdict", "completeness", "holds", "fails", "inconclusive", "model", "evidence",
    "sanity", "profile", "seed",
  ]

  public init(entries: [String: Entry] = [:]) { self.entries = entries }

  /// Reads the ledger from CSV text by column name (a file of an older layout, without the
  /// completeness, model and count columns, reads with those empty); text that is not a ledger reads as an
  /// empty ledger (the next run rewrites it).
  public init(csv text: String) {
    var entries: [String: Entry] = [:]
    let rows = (try? CSVParser.records(in: text)) ?? []
    guard let first = rows.first, first.starts(with: VerdictLedger.header.prefix(4)) else {
      self.entries = [:]
      return
    }
    let column = Dictionary(first.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    for row in rows.dropFirst() where row.count == first.count {
      func text(_ name: String) -> String { column[name].map { row[$0] } ?? "" }
      func number(_ name: String) -> Int { Int(text(name)) ?? 0 }
      let entry = Entry(
        id: text("id"), family: text("family"), title: text("title"), verdict: text("verdict"),
        completeness: text("completeness"), holds: number("holds"), fails: number("fails"), inconclusive: number("inconclusive"),
        model: text("model"), evidence: number("evidence"), sanity: number("sanity"),
        profile: text("profile"), seed: text("seed"))
      entries[entry.id.uppercased()] = entry
    }
    self.entries = entries
  }

  /// The last verdict of `id`, if it was run.
  public func verdict(of id: String) -> String? { entries[id.uppercased()]?.verdict }

  /// Records an outcome, replacing the claim's previous row.
  ///
  /// - Parameter profile: The claim profile's name, or the run profile's for a claim assembled
  ///   from training runs (its numbers come from that profile's store).
  mutating func record(_ outcome: ClaimOutcome, profile: String, seed: UInt64) {
    var counts: [Verdict: Int] = [:]
    var model = ""
    var evidence = 0
    var sanity = 0
    var completeness = ""
    if case .finished(let result) = outcome {
      completeness = result.completeness.text
      for check in result.decidingChecks { counts[check.verdict, default: 0] += 1 }
      model = result.modelAnswer?.rawValue ?? ""
      evidence = result.decidingChecks.count
      sanity = result.sanityChecks.count
    }
    entries[outcome.id.uppercased()] = Entry(
      id: outcome.id, family: outcome.family.rawValue, title: outcome.title,
      verdict: outcome.verdict.rawValue, completeness: completeness, holds: counts[.holds] ?? 0, fails: counts[.fails] ?? 0,
      inconclusive: counts[.inconclusive] ?? 0, model: model, evidence: evidence, sanity: sanity,
      profile: profile, seed: "\(seed)")
  }

  /// The CSV text, rows in the order of `ids` (registry order); ids never run are left out.
  func csv(order ids: [String]) throws -> String {
    let rows = ids.compactMap { entries[$0.uppercased()] }.map { entry in
      [
        entry.id, entry.family, entry.title, entry.verdict, entry.completeness, "\(entry.holds)", "\(entry.fails)",
        "\(entry.inconclusive)", entry.model, "\(entry.evidence)", "\(entry.sanity)",
        entry.profile, entry.seed,
      ]
    }
    return try CSVTable(columns: VerdictLedger.header, textRows: rows, name: "verdicts").csvText
  }
}
