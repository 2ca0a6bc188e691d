import ArgumentParser
import Foundation
import PruneAnalysis
import PruneClaims
import PruneRuns

extension PruneLab {
  /// `prunelab reproduce`: regenerates every claim's CSV, figures and notebook page.
  public struct Reproduce: ParsableCommand {
    public static let configuration = CommandConfiguration(
      abstract: "Run the claims and regenerate notebooks-md/ and figures/.",
      discussion: """
        Each claim computes its measurement and the paper's prediction from the same inputs and \
        decides its verdicts from the numbers. Writes notebooks-md/<family>.md, index.md, \
        verdicts.csv, data/*.csv and figures/*.svg under --out. The same seed and profile give \
        the same bytes, whatever --jobs is (timing-based claims excepted).

        The end-to-end claims (IB-7/8, BLS-5/6, RePB-4, BPAS-4/6/7/8/9, X-1, X-2) are assembled \
        from the run store notebooks-md/data/runs/<profile>/ (--runs paper by default): one file \
        per training run, keyed by a fingerprint of everything that decides its bytes. Missing \
        paper runs are trained only with --train (or --shard i/n, which trains one slice and \
        writes no page; --fresh retrains all); a page whose runs are missing lists them. --verify \
        K retrains K stored runs (seeded choice) for 2 epochs and checks records and weight \
        digests bit for bit. `prunelab store check` inspects a store. Exit 64 for a bad --shard, \
        65 for a bad run file or a failed verification.
        """)

    @Option(help: "quick (minutes) or full (paper scale).")
    var profile: ClaimProfile = .quick

    @Option(
      help: "Comma-separated claim ids to run (e.g. BLS-1,BPAS-3; stress: the stress page); default: all.")
    var only: String?

    @Option(help: "Folder that receives notebooks-md/ and figures/ (default: the repository root).")
    var out: String?

    @Option(help: "How many claims run at once (results do not depend on it).")
    var jobs: Int = 1

    @Option(help: "Base seed of every claim.")
    var seed: UInt64 = ReproduceOptions.defaultSeed

    @Option(help: "Run profile of the training-based claims: paper (Fashion-MNIST), quick or tiny.")
    var runs: String = "paper"

    @Flag(help: "Train the missing runs of the run profile first (quick and tiny always do).")
    var train = false

    @Option(help: "Train only slice i of n of the profile's missing runs (e.g. 2/4); writes no page.")
    var shard: String?

    @Option(help: "Retrain this many stored runs (seeded choice) for 2 epochs; check them bit for bit.")
    var verify: Int = 0

    @Flag(help: "Delete the profile's stored runs and train every run again.")
    var fresh = false

    public init() {}

    public func validate() throws {
      do {
        let options = try makeOptions()
        _ = try ClaimRegistry.select(options.only)
      } catch {
        throw ValidationError("\(error)")
      }
    }

    public func run() throws {
      let options = try makeOptions()
      let selection = ReproduceStress.split(onlyIDs)
      if selection.claims?.isEmpty == true {
        _ = try writeStressPage(options)
        return
      }
      if !BLASInfo.usesReproducibleCore {
        let pinned = BLASInfo.reproducibleCoreName
        let notice = "prunelab: OpenBLAS uses its \(BLASInfo.openBLASCoreName) kernel; end-to-end "
          + "claims will differ from the committed pages in their last digits (set "
          + "OPENBLAS_CORETYPE=\(pinned), as scripts/reproduce does, to regenerate them byte "
          + "for byte)\n"
        FileHandle.standardError.write(Data(notice.utf8))
      }
      let started = Date()
      let runProgress = RunProgressLine(isTerminal: ProgressReporter.isTerminal)
      let summary = try Reproduction.run(options, training: { runProgress.show($0) }) { event in
        guard event.isFinished else { return }
        let line = "[\(event.finishedCount)/\(event.totalCount)] \(event.id): \(event.note)\n"
        FileHandle.standardError.write(Data(line.utf8))
      }
      runProgress.finish()
      if selection.stress && options.shard == nil { _ = try writeStressPage(options) }
      let seconds = Date().timeIntervalSince(started)
      var notes: [String] = []
      if !summary.trainedRuns.isEmpty { notes.append("trained \(summary.trainedRuns.count) run(s)") }
      if !summary.verifiedRuns.isEmpty {
        notes.append("verified \(summary.verifiedRuns.joined(separator: ", ")) bit for bit")
      }
      if !summary.waitingRuns.isEmpty {
        notes.append("\(summary.waitingRuns.count) run(s) of this shard wait for another shard's runs")
      }
      if let shard = options.shard {
        print("shard \(shard) of \(options.runProfile.name) done in \(Int(seconds.rounded())) s"
          + (notes.isEmpty ? ": nothing to train" : ": " + notes.joined(separator: "; ")))
        return
      }
      let verdicts = summary.outcomes.map { "\($0.id) \($0.verdict.rawValue)" }
      print("reproduced \(summary.outcomes.count) claim(s) into \(options.outputPath) in "
        + "\(Int(seconds.rounded())) s: \(verdicts.joined(separator: ", "))"
        + (notes.isEmpty ? "" : "; " + notes.joined(separator: "; ")))
    }

    /// The stress page step (``ReproduceStress``).
    func writeStressPage(_ options: ReproduceOptions) throws -> Double {
      let seconds = try ReproduceStress.run(
        root: options.outputPath, repository: RepositoryRoot.locate(), seed: options.seed,
        jobs: options.jobs)
      print("reproduced the stress page into \(options.outputPath) in \(Int(seconds.rounded())) s")
      return seconds
    }

    /// The `--only` entries as given.
    var onlyIDs: [String]? { only.map { $0.split(separator: ",").map(String.init) } }

    func makeOptions() throws -> ReproduceOptions {
      let ids = ReproduceStress.split(onlyIDs).claims
      return try ReproduceOptions(
        profile: profile, only: ids, outputPath: out ?? RepositoryRoot.locate(), jobs: jobs,
        seed: seed, runProfile: RunProfile.named(runs), trainsMissing: train,
        shard: try shard.map(RunShard.init(parsing:)), verifyCount: verify, isFresh: fresh)
    }
  }
}

extension ClaimProfile: ExpressibleByArgument {}

/// Finds the repository root: the nearest folder, from the current one upwards, holding a
/// `Package.swift`; the current folder when there is none.
enum RepositoryRoot {
  static func locate() -> String {
    let manager = FileManager.default
    var folder = URL(fileURLWithPath: manager.currentDirectoryPath, isDirectory: true)
    while true {
      if manager.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
        return folder.path
      }
      let parent = folder.deletingLastPathComponent()
      if parent.path == folder.path { return manager.currentDirectoryPath }
      folder = parent
    }
  }
}
