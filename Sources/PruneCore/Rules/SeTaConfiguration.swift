/// The settings of SeTa (Scale Efficient Training, CVPR 2025; algorithms.md §3).
///
/// Defaults are the official CIFAR script's (`scripts/cifar.sh BLS_SeTa 0.1 5 0.9`): prune ratio
/// 0.1, 5 groups, window scale 0.9, annealing delta 0.875, exact 1-D k-means.
public struct SeTaConfiguration: RuleConfiguration, Hashable, Encodable {
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
  public internal(set) var pruneRatio: Double
  /// The number of k-means groups (sklearn's `n_clusters`), at least 1.
  public internal(set) var groupCount: Int
  /// The window covers round-half-to-even(groupCount x windowScale) groups, at least 1.
  public internal(set) var windowScale: Double
  /// Annealing: epoch e prunes iff e + 1 <= numEpochs x delta; in [0, 1].
  public internal(set) var delta: Double
  public internal(set) var clustering: Clustering

  /// - Throws: ``PruneCoreError/outOfRange(parameter:value:allowed:)`` for a value outside its
  ///   range (NaN included); ``PruneCoreError/inconsistent(parameters:reason:)`` when the window
  ///   would hold no group (the official code asserts w > 0).
  public init(
    pruneRatio: Double = SeTaConfiguration.standard.pruneRatio,
    groupCount: Int = SeTaConfiguration.standard.groupCount,
    windowScale: Double = SeTaConfiguration.standard.windowScale,
    delta: Double = SeTaConfiguration.standard.delta,
    clustering: Clustering = SeTaConfiguration.standard.clustering
  ) throws {
    self = .standard
    self.pruneRatio = pruneRatio
    self.groupCount = groupCount
    self.windowScale = windowScale
    self.delta = delta
    self.clustering = clustering
    self = try validated()
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

  public static let parameters: [Parameter<Self>] = [
    .number(
      "prune-ratio", \.pruneRatio, in: .closedOpen(0, 1), note: "(acts as 0.9 above 0.9)",
      help: "Share r of the samples left out of the uniform subsample."),
    .integer(
      "groups", \.groupCount, atLeast: 1, key: "groupCount",
      help: "Number of k-means score groups."),
    .number(
      "window-scale", \.windowScale, in: .openClosed(0, 1),
      help: "Window = round-half-to-even(groups x scale) groups."),
    .number(
      "delta", \.delta, in: .closed(0, 1),
      help: "Annealing: later epochs train a random keep-ratio subset."),
    .choice(
      "clustering", \.clustering,
      help: "Optimal 1-D k-means (dynamic programming) or seeded Lloyd with k-means++."),
  ]

  /// The window must hold at least one group.
  public func checkConsistency() throws {
    guard windowSize >= 1 else {
      throw PruneCoreError.inconsistent(
        parameters: "groupCount, windowScale",
        reason: "round(\(groupCount) x \(windowScale)) = \(windowSize) groups in the window; "
          + "raise windowScale or groupCount so the window holds at least one group.")
    }
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
