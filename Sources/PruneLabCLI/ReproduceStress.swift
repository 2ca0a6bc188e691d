import Foundation
import MiniCNN
import PruneReport
import PruneSignals
import PruneSweep

/// The stress page as a step of `prunelab reproduce` (`--only stress`, or every run without
/// `--only`): runs the ``PruneSweep/StressAtlas`` and writes `notebooks-md/stress.md`, its CSVs
/// and figures together (nothing is written when a point fails).
enum ReproduceStress {
  /// The `--only` entry that selects the stress page.
  static let id = "stress"

  /// Splits `--only` ids into the claim ids and whether the stress page is selected.
  static func split(_ ids: [String]?) -> (claims: [String]?, stress: Bool) {
    guard let ids, !ids.isEmpty else { return (nil, true) }
    let claims = ids.filter { $0.lowercased() != id }
    return (claims, claims.count < ids.count)
  }

  /// The committed full-data loss log of the mini-CNN on Fashion-MNIST (repository-relative).
  static let realLogPath = "notebooks-md/data/stress-fmnist-full-losses.csv.gz"
  static let provenance = """
    The log: `prunelab train --rule full --dataset fashion-mnist --subset 2000 --test-subset 1000 \
    --epochs 15 --seed 1 --threads 1 --log-losses` (mini-CNN with BatchNorm, B = 128, one-cycle \
    learning rate 0.1, final test accuracy 78.5 % on the 1,000-image test subset), every \
    sample's loss in every epoch, committed as `data/stress-fmnist-full-losses.csv.gz` with its \
    manifest `data/stress-fmnist-full-manifest.json`, so this page needs no training.
    """

  /// Runs the atlas and writes the page under `root`; returns the seconds it took.
  /// - Parameter repository: Where the committed real-run log is read from.
  static func run(root: String, repository: String, seed: UInt64, jobs: Int) throws -> Double {
    let started = Date()
    let folder = try OutputFolder(path: root)
    let (atlas, budgets) = try StressPage.standardAtlas(baseSeed: seed).calibrated(
      target: StressPage.budgetTarget, tolerance: StressPage.budgetTolerance)
    let points = try atlas.run(jobs: jobs) { done, total in
      guard done == total || done % max(1, total / 10) == 0 else { return }
      let elapsed = Date().timeIntervalSince(started)
      let left = elapsed / Double(done) * Double(total - done)
      FileHandle.standardError.write(
        Data("stress: \(done)/\(total) cells, about \(Int(left.rounded())) s left\n".utf8))
    }
    var command = "prunelab reproduce --only \(id)"
    if seed != 2024 { command += " --seed \(seed)" }
    let real = try realRunSection(repository: repository, seed: seed, jobs: jobs)
    let files = try StressPage.files(
      atlas: atlas, budgets: budgets, points: points, command: command,
      extraSections: real.markdown, extraFiles: real.files)
    try folder.writeTogether(files)
    return Date().timeIntervalSince(started)
  }

  /// The real-run section: fit, G-1, atlas around the fit.
  static func realRunSection(repository: String, seed: UInt64, jobs: Int) throws
    -> (markdown: String, files: [OutputFile])
  {
    let path = URL(fileURLWithPath: repository).appendingPathComponent(realLogPath).path
    let bytes = try GzipFile.read(
      path: path,
      missingHint: "run prunelab reproduce from the repository (it reads the "
        + "committed log \(realLogPath))")
    let log = try LossLog.parse(csv: bytes, name: realLogPath)
    let fit = try LearnerFit(log: log, seed: seed)
    let check = try StandInCheck(
      log: log, fit: fit, rules: try StressRealRun.checkedRules(), batchSize: 128, seed: seed)
    let (atlas, budgets) = try StressRealRun.atlas(
      fit: fit, batchSize: 128, seedCount: 6, baseSeed: seed
    ).calibrated(target: StressPage.budgetTarget, tolerance: StressPage.budgetTolerance)
    let started = Date()
    let points = try atlas.run(jobs: jobs) { done, total in
      guard done == total || done % max(1, total / 5) == 0 else { return }
      let elapsed = Date().timeIntervalSince(started)
      let left = elapsed / Double(done) * Double(total - done)
      FileHandle.standardError.write(
        Data(
          "stress (around the fit): \(done)/\(total) cells, about \(Int(left.rounded())) s left\n"
            .utf8))
    }
    return try StressRealRun.section(
      provenance: provenance, fit: fit, check: check, atlas: atlas, budgets: budgets,
      points: points)
  }
}
