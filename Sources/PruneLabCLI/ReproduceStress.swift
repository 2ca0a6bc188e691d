import Foundation
import PruneReport
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

  /// Runs the atlas and writes the page under `root`; returns the seconds it took.
  static func run(root: String, seed: UInt64, jobs: Int) throws -> Double {
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
    let files = try StressPage.files(
      atlas: atlas, budgets: budgets, points: points, command: command)
    try folder.writeTogether(files)
    return Date().timeIntervalSince(started)
  }
}
