import ArgumentParser
import PruneClaims

extension PruneLab {
  /// `prunelab store`: the run store of the training-based claims (issue 10).
  public struct Store: ParsableCommand {
    public static let configuration = CommandConfiguration(
      abstract: "Inspect the run store (notebooks-md/data/runs/<profile>/).",
      subcommands: [Check.self])

    public init() {}
  }
}

extension PruneLab.Store {
  /// `prunelab store check`: every file readable and consistent; what is missing.
  public struct Check: ParsableCommand {
    public static let configuration = CommandConfiguration(
      abstract: "Check a profile's stored runs and list the runs still missing.",
      discussion: """
        Reads every run file (complete JSON of this profile whose spec hashes to its \
        fingerprint and file name, no run stored twice), then lists the runs the \
        training-based claims need that are missing and stored files no claim needs. Exits 65 \
        naming the first unusable file; missing runs are not an error.
        """)

    @Option(help: "Run profile: paper, quick or tiny.")
    var runs: String = "paper"

    @Option(help: "Folder holding notebooks-md/ (default: the repository root).")
    var out: String?

    @Option(help: "Base seed of the claims.")
    var seed: UInt64 = ReproduceOptions.defaultSeed

    public init() {}

    public func run() throws {
      let root = out ?? RepositoryRoot.locate()
      let profile = try RunProfile.named(runs)
      let check = try StoreCheck(root: root, profile: profile, seed: seed)
      print("store \(profile.storePath) under \(root):")
      print(check.text)
    }
  }
}
