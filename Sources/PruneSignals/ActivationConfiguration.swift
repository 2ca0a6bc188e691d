/// The knobs of the activation-stability generator (``ActivationStabilitySource``).
///
/// Per logical batch b, X̄_b(t) = a_b + c_b · exp(−t / τ_b) + σ · ε_{b,t} with t the 1-based epoch.
/// The defaults put the epoch-to-epoch change c_b/τ_b · exp(−t/τ_b) below the B-PAS threshold
/// schedule δ(t) ∈ [1e-6, 5e-5] (algorithms.md §5.3) somewhere between epochs ~60 and ~150 of a
/// 200-epoch run for most batches, so batches drop gradually, as in the paper.
public struct ActivationConfiguration: Sendable, Hashable {
  /// The typical plateau level of X̄ (the mean of a_b).
  public let level: Double
  /// The standard deviation of a_b across batches.
  public let levelSpread: Double
  /// The typical height c of the decaying part; c_b is uniform on [0.5 c, 1.5 c].
  public let amplitude: Double
  /// The median decay time τ (epochs); log τ_b ~ Normal(log τ, spread²).
  public let decayEpochs: Double
  /// The spread of log τ_b across batches.
  public let decaySpread: Double
  /// σ: the standard deviation of the per-(batch, epoch) noise.
  public let noiseLevel: Double
  /// ν: when set, ε is Student-t with ν degrees of freedom instead of Normal(0, 1).
  public let heavyTailDegrees: Double?

  /// - Throws: ``PruneSignalsError/outOfRange(parameter:value:allowed:)`` naming the knob.
  public init(
    level: Double = 0.8, levelSpread: Double = 0.05, amplitude: Double = 0.2,
    decayEpochs: Double = 10, decaySpread: Double = 0.5, noiseLevel: Double = 1e-6,
    heavyTailDegrees: Double? = nil
  ) throws {
    func check(_ value: Double, _ name: String, _ range: ClosedRange<Double>) throws {
      guard range.contains(value) else {
        throw PruneSignalsError.outOfRange(
          parameter: name, value: value, allowed: "[\(range.lowerBound), \(range.upperBound)]")
      }
    }
    try check(level, "activationLevel", -1e9...1e9)
    try check(levelSpread, "activationLevelSpread", 0...1e9)
    try check(amplitude, "activationAmplitude", 0...1e9)
    try check(decayEpochs, "activationDecayEpochs", 1e-3...1e9)
    try check(decaySpread, "activationDecaySpread", 0...5)
    try check(noiseLevel, "activationNoise", 0...1e9)
    if let heavyTailDegrees { try check(heavyTailDegrees, "activationHeavyTailDegrees", 0.1...1e6) }
    self.level = level
    self.levelSpread = levelSpread
    self.amplitude = amplitude
    self.decayEpochs = decayEpochs
    self.decaySpread = decaySpread
    self.noiseLevel = noiseLevel
    self.heavyTailDegrees = heavyTailDegrees
  }

  /// Every knob by name, for manifests.
  public var parameters: [String: String] {
    [
      "activationLevel": "\(level)", "activationLevelSpread": "\(levelSpread)",
      "activationAmplitude": "\(amplitude)", "activationDecayEpochs": "\(decayEpochs)",
      "activationDecaySpread": "\(decaySpread)", "activationNoise": "\(noiseLevel)",
      "activationHeavyTailDegrees": heavyTailDegrees.map { "\($0)" } ?? "none (Gaussian)",
    ]
  }
}
