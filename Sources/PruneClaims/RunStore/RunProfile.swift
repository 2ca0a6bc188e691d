import MiniCNN
import PruneAnalysis

/// The training runs the end-to-end claims are assembled from: which data, recipe and seeds
/// (issue 10). Every run of a profile is kept in the run store under
/// `notebooks-md/data/runs/<name>/`.
///
/// - `paper`: Fashion-MNIST (60,000 / 10,000), ref-cnn with PyTorch's default initialisation,
///   batch 128, SGD momentum 0.9, weight decay 5e-4, OneCycle max lr 0.1 (cnn.md T2, tuned once
///   for full data and kept for every rule), 20 epochs, OpenBLAS pinned to its Haswell kernel,
///   2 threads. Five seeds for full data and InfoBatch (the accuracy reference and the headline
///   rule), three for every other rule: 100 runs, 2,030 planned epochs (runs shared between claims
///   are trained once; `prunelab store check` lists them), 13 to 20 hours on an idle 2-core
///   machine: far more than one reproduce run can train, so it accumulates through the committed
///   store (`prunelab reproduce --train`, `--shard i/n`).
/// - `quick`: T1-sized synthetic images (1,200 of 1 x 16 x 16), 4 epochs, 3 seeds, Kaiming-normal
///   init; trained on demand in about a minute. Indicative only: most comparisons are within the
///   seed spread.
/// - `tiny`: 160 synthetic 8 x 8 images, 2 epochs, 2 seeds: for tests of the store, shards and
///   verification; says nothing about the rules.
public struct RunProfile: Sendable, Hashable {
  /// `paper`, `quick` or `tiny`.
  public let name: String
  /// The data and recipe; `seedCount` is the seeds of every rule but the reference ones.
  public let workload: EndToEndWorkload
  /// Seeds of full data and InfoBatch's default in X-1 (the lossless test's reference).
  public let referenceSeedCount: Int
  /// Whether `reproduce` trains missing runs without `--train` (the small profiles do).
  public let trainsMissingByDefault: Bool
  /// The OpenBLAS kernel the runs are keyed by: the pinned one for the paper profile (so its
  /// committed runs verify on any AVX2 machine), the running one for the small profiles.
  public let pinnedKernel: String?

  /// Whether this is the paper profile (the claims pick their paper-scale settings).
  public var isPaper: Bool { name == "paper" }

  /// Picks the small-profile or the paper-profile value of a setting.
  public func pick<T>(small: T, paper: T) -> T { isPaper ? paper : small }

  /// The kernel a run of this profile is keyed by.
  public var blasKernel: String { pinnedKernel ?? BLASInfo.openBLASCoreName }

  public static let paper = RunProfile(
    name: "paper",
    workload: EndToEndWorkload(
      source: .fashionMNIST(), epochs: 20, batchSize: 128, maximumLearningRate: 0.1,
      seedCount: 3, initialization: .pytorchDefault),
    referenceSeedCount: 5, trainsMissingByDefault: false,
    pinnedKernel: BLASInfo.reproducibleCoreName)

  public static let quick = RunProfile(
    name: "quick",
    workload: try! EndToEndWorkload.syntheticT1(sampleCount: 1_200, epochs: 4, seedCount: 3),
    referenceSeedCount: 3, trainsMissingByDefault: true, pinnedKernel: nil)

  public static let tiny = RunProfile(
    name: "tiny",
    workload: try! EndToEndWorkload.syntheticT1(
      sampleCount: 160, side: 8, epochs: 2, seedCount: 2, batchSize: 32),
    referenceSeedCount: 2, trainsMissingByDefault: true, pinnedKernel: nil)

  public static let all = [paper, quick, tiny]

  /// The profile named `name`.
  /// - Throws: ``ClaimsError/invalidOption(name:value:reason:)`` for an unknown name.
  public static func named(_ name: String) throws -> RunProfile {
    guard let profile = all.first(where: { $0.name == name }) else {
      throw ClaimsError.invalidOption(
        name: "--runs", value: name,
        reason: "known run profiles are \(all.map(\.name).joined(separator: ", "))")
    }
    return profile
  }

  /// One line for a page's setting table.
  public var summary: String {
    switch name {
    case "paper": return "paper: Fashion-MNIST 60,000 / 10,000, the T2 recipe at 20 epochs"
    case "quick": return "quick: synthetic images in miniature, indicative only (seeds disagree)"
    default: return "\(name): for tests only; says nothing about the rules"
    }
  }

  /// The store folder of this profile, relative to the output root.
  public var storePath: String { "notebooks-md/data/runs/\(name)" }
}
