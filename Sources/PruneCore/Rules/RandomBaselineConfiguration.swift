/// The settings of the random baselines (algorithms.md Part A, "Baselines").
public struct RandomBaselineConfiguration: Sendable, Hashable, Encodable {
  // Not Decodable: synthesized decoding would skip the checks.

  /// r, the share of the N samples pruned; the rule keeps max(1, floor(N x (1 - r))).
  public let pruneRatio: Double
  /// Weight kept samples 1/(1 - r) so the expected gradient is unchanged (dynamic random only).
  public let rescales: Bool
  /// Prune epoch 0 too; off by default, like every dynamic rule of PruneLab (Part A).
  public let prunesFirstEpoch: Bool

  /// - Throws: ``PruneCoreError/outOfRange(parameter:value:allowed:)`` for r outside [0, 1).
  public init(pruneRatio: Double = 0.5, rescales: Bool = false, prunesFirstEpoch: Bool = false)
    throws
  {
    guard pruneRatio >= 0, pruneRatio < 1 else {
      throw PruneCoreError.outOfRange(parameter: "pruneRatio", value: pruneRatio, allowed: "[0, 1)")
    }
    self.pruneRatio = pruneRatio
    self.rescales = rescales
    self.prunesFirstEpoch = prunesFirstEpoch
  }

  /// r = 0.5, no rescaling, epoch 0 full.
  public static let standard = RandomBaselineConfiguration(checked: ())

  private init(checked: Void) {
    pruneRatio = 0.5
    rescales = false
    prunesFirstEpoch = false
  }

  /// The number of samples kept out of `sampleCount`: max(1, Int(N x (1 - r))).
  public func keptCount(ofSamples sampleCount: Int) -> Int {
    max(1, Int(Double(sampleCount) * (1 - pruneRatio)))
  }

  /// The weight of a kept sample: 1/(1 - r) when rescaling, else 1.
  public var keptWeight: Double { rescales ? 1 / (1 - pruneRatio) : 1 }
}
