/// The settings of InfoBatch (algorithms.md Part A "InfoBatch", §1).
///
/// Defaults are the official package's: prune ratio 0.5, annealing delta 0.875, exact-count
/// selection, weights reset when annealing starts (the package's reset bug only on request).
public struct InfoBatchConfiguration: RuleConfiguration, Hashable, Encodable {
  // Not Decodable: synthesized decoding would skip the checks.

  /// Which side of the mean score the candidates lie on.
  public enum PrunedSide: String, Sendable, Hashable, Codable, CaseIterable {
    /// Scores strictly below the mean: the well-learned samples (the paper and the code).
    case belowMean = "below-mean"
    /// Scores strictly above the mean: the hard samples (the ablation of InfoBatch Table 5).
    case aboveMean = "above-mean"
    /// Every sample, whatever its score: random pruning with InfoBatch's rescaling and
    /// annealing, the "random" rows of InfoBatch Table 5 (claim IB-8). `prune-ratio` is then the
    /// share of all N samples pruned in a pruning epoch.
    case any
  }

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
  public internal(set) var pruneRatio: Double
  /// delta, the share of planned epochs that may prune, in [0, 1] (0: never prune, 1: always).
  public internal(set) var delta: Double
  public internal(set) var selection: Selection
  /// Reproduce the package bug: weights are reset when annealing starts only if
  /// `numEpochs * delta` is an integer (algorithms.md §1.3). Off by default.
  public internal(set) var packageWeightResetBug: Bool
  /// Anneal: train the last epochs (`e + 1 > numEpochs x delta`) on the full data (§1.3). Off
  /// only for the ablation of InfoBatch Table 4 (claim IB-7): every epoch but epoch 0 prunes.
  public internal(set) var anneals: Bool
  /// Rescale: kept candidates weigh 1/keepRatio (Eq. 8). Off only for the ablation of
  /// InfoBatch Table 4 (claim IB-7): weight 1, the "soft prune" alone.
  public internal(set) var rescales: Bool
  /// Which side of the mean is pruned (InfoBatch Table 5, claim IB-8); below by default.
  public internal(set) var prunedSide: PrunedSide

  /// - Throws: ``PruneCoreError/outOfRange(parameter:value:allowed:)`` for `pruneRatio` outside
  ///   [0, 1) or `delta` outside [0, 1] (NaN fails both).
  public init(
    pruneRatio: Double = InfoBatchConfiguration.standard.pruneRatio,
    delta: Double = InfoBatchConfiguration.standard.delta,
    selection: Selection = InfoBatchConfiguration.standard.selection,
    packageWeightResetBug: Bool = InfoBatchConfiguration.standard.packageWeightResetBug,
    anneals: Bool = InfoBatchConfiguration.standard.anneals,
    rescales: Bool = InfoBatchConfiguration.standard.rescales,
    prunedSide: PrunedSide = InfoBatchConfiguration.standard.prunedSide
  ) throws {
    self = .standard
    self.pruneRatio = pruneRatio
    self.delta = delta
    self.selection = selection
    self.packageWeightResetBug = packageWeightResetBug
    self.anneals = anneals
    self.rescales = rescales
    self.prunedSide = prunedSide
    self = try validated()
  }

  /// The package defaults.
  public static let standard = InfoBatchConfiguration(checked: ())

  private init(checked: Void) {
    pruneRatio = 0.5
    delta = 0.875
    selection = .exactCount
    packageWeightResetBug = false
    anneals = true
    rescales = true
    prunedSide = .belowMean
  }

  public static let parameters: [Parameter<Self>] = [
    .number(
      "prune-ratio", \.pruneRatio, in: .closedOpen(0, 1), note: "(acts as 0.9 above 0.9)",
      help: "Share r of the below-mean candidates pruned."),
    .number(
      "delta", \.delta, in: .closed(0, 1),
      help: "Annealing: epoch e prunes iff e + 1 <= epochs x delta."),
    .choice(
      "selection", \.selection,
      help: "Keep exactly floor(keep x |C|) candidates (code) or each with prob. keep (paper)."),
    .flag(
      "package-weight-reset-bug", \.packageWeightResetBug,
      help: "Reproduce the package's missing weight reset when epochs x delta is not integer."),
    .flag(
      "anneal", \.anneals,
      help: "Train the epochs after epochs x delta on the full data (off: prune to the end)."),
    .flag(
      "rescale", \.rescales,
      help: "Weight kept candidates 1/keep so the expected gradient is unchanged (off: 1)."),
    .choice(
      "pruned-side", \.prunedSide,
      help: "Prune candidates below the mean score (paper), above it, or any sample (Table 5)."),
  ]

  /// True when epoch `epoch` of `plannedEpochs` prunes: never epoch 0, never an annealing epoch
  /// (algorithms.md §1.3) unless annealing is off.
  public func prunes(epoch: Int, plannedEpochs: Int) -> Bool {
    guard anneals else { return epoch >= 1 }
    return Annealing.prunes(epoch: epoch, plannedEpochs: plannedEpochs, delta: delta)
  }

  /// The threshold ``isCandidate(score:threshold:)`` compares scores with: the exact mean of all
  /// N scores as ``MeanThreshold`` gives it (ties decided exactly, issue 9 item 6). Above the
  /// mean it is the negated threshold of the negated scores, so `s > t` iff `s > mean` exactly.
  public func candidateThreshold(of scores: [Double]) -> Double {
    switch prunedSide {
    case .belowMean: return MeanThreshold.below(scores)
    case .aboveMean: return -MeanThreshold.below(scores.map { -$0 })
    case .any: return .nan
    }
  }

  /// True when a sample of score `score` is a pruning candidate: strictly below the mean of all
  /// N scores (InfoBatch Eq. 8; ties are never candidates), strictly above it, or always (`any`,
  /// whose threshold is NaN); `threshold` from ``candidateThreshold(of:)``.
  @inlinable
  public func isCandidate(score: Double, threshold: Double) -> Bool {
    switch prunedSide {
    case .belowMean: return score < threshold
    case .aboveMean: return score > threshold
    case .any: return true
    }
  }

  /// The share of candidates kept: `min(1, max(0.1, 1 - pruneRatio))`, in Double as the package.
  public var keepRatio: Double { min(1.0, max(0.1, 1.0 - pruneRatio)) }

  /// The weight of a kept candidate, 1/keepRatio (InfoBatch Eq. 8; algorithms.md §1.2), or 1
  /// without rescaling.
  public var keptWeight: Double { rescales ? 1.0 / keepRatio : 1.0 }

  /// The number of candidates ``Selection/exactCount`` keeps out of `candidates`:
  /// `Int(keepRatio * Double(candidates))`, truncating like Python's `int()`
  /// (0.7 x 45000 = 31499.999... gives 31499; algorithms.md §1.7).
  public func keptCount(ofCandidates candidates: Int) -> Int {
    Int(keepRatio * Double(candidates))
  }
}
