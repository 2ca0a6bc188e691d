/// The settings of the random baselines (algorithms.md Part A, "Baselines").
public struct RandomBaselineConfiguration: RuleConfiguration, Hashable, Encodable {
  // Not Decodable: synthesized decoding would skip the checks.

  /// r, the share of the N samples pruned; the rule keeps max(1, floor(N x (1 - r))).
  public internal(set) var pruneRatio: Double
  /// Weight kept samples 1/(1 - r) so the expected gradient is unchanged (dynamic random only).
  public internal(set) var rescales: Bool
  /// Prune epoch 0 too; off by default, like every dynamic rule of PruneLab (Part A).
  public internal(set) var prunesFirstEpoch: Bool

  /// - Throws: ``PruneCoreError/outOfRange(parameter:value:allowed:)`` for r outside [0, 1).
  public init(
    pruneRatio: Double = RandomBaselineConfiguration.standard.pruneRatio,
    rescales: Bool = RandomBaselineConfiguration.standard.rescales,
    prunesFirstEpoch: Bool = RandomBaselineConfiguration.standard.prunesFirstEpoch
  ) throws {
    self = .standard
    self.pruneRatio = pruneRatio
    self.rescales = rescales
    self.prunesFirstEpoch = prunesFirstEpoch
    self = try validated()
  }

  /// r = 0.5, no rescaling, epoch 0 full.
  public static let standard = RandomBaselineConfiguration(checked: ())

  private init(checked: Void) {
    pruneRatio = 0.5
    rescales = false
    prunesFirstEpoch = false
  }

  /// The parameters of dynamic random.
  public static let parameters: [Parameter<Self>] = [
    .number(
      "prune-ratio", \.pruneRatio, in: .closedOpen(0, 1),
      help: "Share r of the samples pruned each epoch."),
    .flag("rescale", \.rescales, help: "Weight kept samples 1/(1 - r)."),
    .flag(
      "prune-first-epoch", \.prunesFirstEpoch,
      help: "Prune epoch 0 too (off: epoch 0 trains every sample)."),
  ]

  /// The parameters of static random: only r.
  public static let staticParameters: [Parameter<Self>] = [
    .number(
      "prune-ratio", \.pruneRatio, in: .closedOpen(0, 1),
      help: "Share r of the samples left out for the whole run.")
  ]

  /// The number of samples kept out of `sampleCount`: max(1, Int(N x (1 - r))).
  public func keptCount(ofSamples sampleCount: Int) -> Int {
    max(1, Int(Double(sampleCount) * (1 - pruneRatio)))
  }

  /// The weight of a kept sample: 1/(1 - r) when rescaling, else 1.
  public var keptWeight: Double { rescales ? 1 / (1 - pruneRatio) : 1 }
}
