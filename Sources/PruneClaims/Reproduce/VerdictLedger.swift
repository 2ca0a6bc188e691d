import PruneReport

/// `notebooks-md/verdicts.csv`: the last verdict of every claim that has been run.
///
/// One row per claim, in registry order: id, family, title, verdict, the counts of decisive
/// checks by verdict, and the profile and seed of the run. `prunelab claims` reads it; the runner
/// merges a partial run (`--only`) into it so the rows of claims not rerun are kept.
public struct VerdictLedger: Sendable, Equatable {
  /// One claim's last run.
  public struct Entry: Sendable, Equatable {
    public let id: String
    public let family: String
    public let title: String
    public let verdict: String
    public let holds: Int
    public let fails: Int
    public let inconclusive: Int
    public let profile: String
    public let seed: String
  }

  /// The rows, keyed by upper-cased id.
  public private(set) var entries: [String: Entry]

  /// The file's header.
  static let header = [
    "id", "family", "title", "verdict", "holds", "fails", "inconclusive", "profile", "seed",
  ]

  public init(entries: [String: Entry] = [:]) { self.entries = entries }

  /// Reads the ledger from CSV text; rows that do not have the header's shape are skipped, and
  /// text that is not CSV at all reads as an empty ledger (the next run rewrites it).
  public init(csv text: String) {
    var entries: [String: Entry] = [:]
    let rows = (try? CSVParser.records(in: text)) ?? []
    guard let first = rows.first, first == VerdictLedger.header else {
      self.entries = [:]
      return
    }
    for row in rows.dropFirst() where row.count == VerdictLedger.header.count {
      let entry = Entry(
        id: row[0], family: row[1], title: row[2], verdict: row[3], holds: Int(row[4]) ?? 0,
        fails: Int(row[5]) ?? 0, inconclusive: Int(row[6]) ?? 0, profile: row[7], seed: row[8])
      entries[row[0].uppercased()] = entry
    }
    self.entries = entries
  }

  /// The last verdict of `id`, if it was run.
  public func verdict(of id: String) -> String? { entries[id.uppercased()]?.verdict }

  /// Records an outcome, replacing the claim's previous row.
  mutating func record(_ outcome: ClaimOutcome, profile: ClaimProfile, seed: UInt64) {
    var counts: [Verdict: Int] = [:]
    if case .finished(let result) = outcome {
      for check in result.checks where check.expectedToHold { counts[check.verdict, default: 0] += 1 }
    }
    entries[outcome.id.uppercased()] = Entry(
      id: outcome.id, family: outcome.family.rawValue, title: outcome.title,
      verdict: outcome.verdict.rawValue, holds: counts[.holds] ?? 0, fails: counts[.fails] ?? 0,
      inconclusive: counts[.inconclusive] ?? 0, profile: profile.rawValue, seed: "\(seed)")
  }

  /// The CSV text, rows in the order of `ids` (registry order); ids never run are left out.
  func csv(order ids: [String]) throws -> String {
    let rows = ids.compactMap { entries[$0.uppercased()] }.map { entry in
      [
        entry.id, entry.family, entry.title, entry.verdict, "\(entry.holds)", "\(entry.fails)",
        "\(entry.inconclusive)", entry.profile, entry.seed,
      ]
    }
    return try CSVTable(columns: VerdictLedger.header, textRows: rows, name: "verdicts").csvText
  }
}
