import ArgumentParser
import PruneClaims

extension PruneLab {
  /// `prunelab claims`: lists every claim with its last verdict.
  public struct Claims: ParsableCommand {
    public static let configuration = CommandConfiguration(
      abstract: "List every claim with its family and last verdict.",
      discussion: "Verdicts are read from <root>/notebooks-md/verdicts.csv; "
        + "a claim that was never run shows \"not run\".")

    @Option(help: "Folder holding notebooks-md/ (default: the repository root).")
    var out: String?

    public init() {}

    public func run() throws {
      print(Self.listing(ledger: Reproduction.ledger(atRoot: out ?? RepositoryRoot.locate())))
    }

    /// The listing: one line per claim, columns aligned.
    static func listing(ledger: VerdictLedger) -> String {
      let rows = ClaimRegistry.all.map { claim in
        let verdict = ledger.entries[claim.id.uppercased()]?.markedVerdict ?? "not run"
        return [claim.id, claim.family.rawValue, verdict, claim.title]
      }
      let header = ["id", "family", "last verdict", "title"]
      let widths = (0..<3).map { column in
        ([header] + rows).map { $0[column].count }.max() ?? 0
      }
      return ([header] + rows).map { row in
        (0..<3).map { row[$0].padding(to: widths[$0]) }.joined(separator: "  ") + "  " + row[3]
      }.joined(separator: "\n")
    }
  }
}

extension String {
  fileprivate func padding(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
