/// The settings of InfoBatch (algorithms.md Part A "InfoBatch", §1).
///
/// Defaults are the official package's: prune ratio 0.5, annealing delta 0.875, exact-count
/// selection, weights reset when annealing starts (the package's reset bug only on request).
public struct InfoBatchConfiguration: Sendable, Hashable, Encodable {
  // Not Decodable: synthesized decoding would skip the checks.

  /// How the kept below-mean candidates are chosen.
  public enum Selection: String, Sendable, Hashable, Codable, CaseIterable {
    /// Keep exactly floor(keepRatio x |C|) candidates, uniform without replacement (the code, §1.2).
    case exactCount = "exact-count"
    /// Keep each candidate independently with probability keepRatio (the paper's wording, §1.6).
    case bernoulli
  }

  /// r, the share of below-mean candidates to prune, in [0, 1).
  ///
  /// Values above 0.9 are accepted but act as 0.9: the package clamps the keep ratio to at least 0.1
  /// (algorithms.md §1.1), and so does ``keepRatio``.
  public let pruneRatio: Double
  /// delta, the share of planned epochs that may prune, in [0, 1] (0: never prune, 1: always).
  public let delta: Double
  public let selection: Selection
  /// Reproduce the package bug: weights are reset when annealing starts only if
  /// `numEpochs * delta` is an integer (algorithms.md §1.3). Off by default.
  public let packageWeightResetBug: Bool

  /// - Throws: ``PruneCoreError/outOfRange(parameter:value:allowed:)`` for `pruneRatio` outside
  ///   [0, 1) or `delta` outside [0, 1] (NaN fails both).
  public init(
    pruneRatio: Double = 0.5, delta: Double = 0.875, selection: Selection = .exactCount,
    packageWeightResetBug: Bool = false
  ) throws {
    guard pruneRatio >= 0, pruneRatio < 1 else {
      throw PruneCoreError.outOfRange(parameter: "pruneRatio", value: pruneRatio, allowed: "[0, 1)")
    }
    guard delta >= 0, delta <= 1 else {
      throw PruneCoreError.outOfRange(parameter: "delta", value: delta, allowed: "[0, 1]")
    }
    self.pruneRatio = pruneRatio
    self.delta = delta
    self.selection = selection
    self.packageWeightResetBug = packageWeightResetBug
  }

  /// The package defaults.
  public static let standard = InfoBatchConfiguration(checked: ())

  private init(checked: Void) {
    pruneRatio = 0.5
    delta = 0.875
    selection = .exactCount
    packageWeightResetBug = false
  }

  /// The share of candidates kept: `min(1, max(0.1, 1 - pruneRatio))`, in Double as the package.
  public var keepRatio: Double { min(1.0, max(0.1, 1.0 - pruneRatio)) }

  /// The weight of a kept candidate, 1/keepRatio (InfoBatch Eq. 8; algorithms.md §1.2).
  public var keptWeight: Double { 1.0 / keepRatio }

  /// The number of candidates ``Selection/exactCount`` keeps out of `candidates`:
  /// `Int(keepRatio * Double(candidates))`, truncating like Python's `int()`
  /// (0.7 x 45000 = 31499.999... gives 31499; algorithms.md §1.7).
  public func keptCount(ofCandidates candidates: Int) -> Int {
    Int(keepRatio * Double(candidates))
  }
}
