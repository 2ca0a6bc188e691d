import ArgumentParser
import Foundation
import PruneAnalysis
import PruneClaims

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
      let summary = try Reproduction.run(options) { event in
        guard event.isFinished else { return }
        let line = "[\(event.finishedCount)/\(event.totalCount)] \(event.id): \(event.note)\n"
        FileHandle.standardError.write(Data(line.utf8))
      }
      if selection.stress { _ = try writeStressPage(options) }
      let seconds = Date().timeIntervalSince(started)
      let verdicts = summary.outcomes.map { "\($0.id) \($0.verdict.rawValue)" }
      print("reproduced \(summary.outcomes.count) claim(s) into \(options.outputPath) in "
        + "\(Int(seconds.rounded())) s: \(verdicts.joined(separator: ", "))")
    }

    /// The stress page step (``ReproduceStress``).
    func writeStressPage(_ options: ReproduceOptions) throws -> Double {
      let seconds = try ReproduceStress.run(
        root: options.outputPath, seed: options.seed, jobs: options.jobs)
      print("reproduced the stress page into \(options.outputPath) in \(Int(seconds.rounded())) s")
      return seconds
    }

    /// The `--only` entries as given.
    var onlyIDs: [String]? { only.map { $0.split(separator: ",").map(String.init) } }

    func makeOptions() throws -> ReproduceOptions {
      let ids = ReproduceStress.split(onlyIDs).claims
      return try ReproduceOptions(
        profile: profile, only: ids, outputPath: out ?? RepositoryRoot.locate(), jobs: jobs,
        seed: seed)
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
