/// The settings of SeTa (Scale Efficient Training, CVPR 2025; algorithms.md §3).
///
/// Defaults are the official CIFAR script's (`scripts/cifar.sh BLS_SeTa 0.1 5 0.9`): prune ratio
/// 0.1, 5 groups, window scale 0.9, annealing delta 0.875, exact 1-D k-means.
public struct SeTaConfiguration: Sendable, Hashable, Encodable {
  // Not Decodable: synthesized decoding would skip the checks.

  /// How the subsample's scores are cut into groups.
  public enum Clustering: String, Sendable, Hashable, Codable, CaseIterable {
    /// The optimal 1-D k-means partition (least within-group sum of squares), by dynamic
    /// programming over the sorted scores (Wang & Song 2011, Ckmeans.1d.dp).
    case exact
    /// Lloyd's iterations from a seeded k-means++ start (sklearn's method; a local optimum).
    case lloyd
  }

  /// r; the uniform subsample keeps floor(N x keepRatio), keepRatio = min(1, max(0.1, 1 - r)).
  public let pruneRatio: Double
  /// The number of k-means groups (sklearn's `n_clusters`), at least 1.
  public let groupCount: Int
  /// The window covers round-half-to-even(groupCount x windowScale) groups, at least 1.
  public let windowScale: Double
  /// Annealing: epoch e prunes iff e + 1 <= numEpochs x delta; in [0, 1].
  public let delta: Double
  public let clustering: Clustering

  /// - Throws: ``PruneCoreError/outOfRange(parameter:value:allowed:)`` for a value outside its
  ///   range (NaN included); ``PruneCoreError/inconsistent(parameters:reason:)`` when the window
  ///   would hold no group (the official code asserts w > 0).
  public init(
    pruneRatio: Double = 0.1, groupCount: Int = 5, windowScale: Double = 0.9,
    delta: Double = 0.875, clustering: Clustering = .exact
  ) throws {
    guard pruneRatio >= 0, pruneRatio < 1 else {
      throw PruneCoreError.outOfRange(parameter: "pruneRatio", value: pruneRatio, allowed: "[0, 1)")
    }
    guard groupCount >= 1 else {
      throw PruneCoreError.outOfRange(
        parameter: "groupCount", value: Double(groupCount), allowed: "an integer >= 1")
    }
    guard windowScale > 0, windowScale <= 1 else {
      throw PruneCoreError.outOfRange(
        parameter: "windowScale", value: windowScale, allowed: "(0, 1]")
    }
    guard delta >= 0, delta <= 1 else {
      throw PruneCoreError.outOfRange(parameter: "delta", value: delta, allowed: "[0, 1]")
    }
    let window = PythonRounding.roundHalfToEven(Double(groupCount) * windowScale)
    guard window >= 1 else {
      throw PruneCoreError.inconsistent(
        parameters: "groupCount, windowScale",
        reason: "round(\(groupCount) x \(windowScale)) = \(window) groups in the window; "
          + "raise windowScale or groupCount so the window holds at least one group.")
    }
    self.pruneRatio = pruneRatio
    self.groupCount = groupCount
    self.windowScale = windowScale
    self.delta = delta
    self.clustering = clustering
  }

  /// The CIFAR script's settings.
  public static let standard = SeTaConfiguration(checked: ())

  private init(checked: Void) {
    pruneRatio = 0.1
    groupCount = 5
    windowScale = 0.9
    delta = 0.875
    clustering = .exact
  }

  /// The share of samples the uniform subsample keeps, clamped to [0.1, 1] as in InfoBatch.
  public var keepRatio: Double { min(1.0, max(0.1, 1.0 - pruneRatio)) }

  /// The subsample size of N samples: `Int(Double(N) * keepRatio)` (Python's `int(N * keep)`).
  public func subsampleCount(ofSamples sampleCount: Int) -> Int {
    Int(Double(sampleCount) * keepRatio)
  }

  /// w = round-half-to-even(groupCount x windowScale) (Python's `round`; 5 x 0.9 = 4.5 gives 4).
  public var windowSize: Int { PythonRounding.roundHalfToEven(Double(groupCount) * windowScale) }

  /// The number of positions the window slides through beyond the first: groupCount - w.
  public var slide: Int { groupCount - windowSize }

  /// The first group in the window at SeTa iteration `iteration` (iteration 0 keeps every group):
  /// `iteration % (slide + 1)`, so the starts run 1, 2, ..., slide, 0, 1, ... (algorithms.md §3).
  public func windowStart(iteration: Int) -> Int { iteration % (slide + 1) }
}
