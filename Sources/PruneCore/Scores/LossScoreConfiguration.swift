/// The settings of the raw-loss score (InfoBatch, algorithms.md §1.4): only the score of a sample
/// not yet seen, 3.0 in the InfoBatch package (1.0 in the paper and research code).
public struct LossScoreConfiguration: RuleConfiguration, Hashable, Encodable {
  // Not Decodable: synthesized decoding would skip the checks.

  /// The score before a sample is first seen; finite.
  public internal(set) var initialScore: Double

  /// - Throws: ``PruneCoreError/outOfRange(parameter:value:allowed:)`` for a non-finite score.
  public init(initialScore: Double = LossScoreConfiguration.standard.initialScore) throws {
    self = .standard
    self.initialScore = initialScore
    self = try validated()
  }

  /// The package's setting.
  public static let standard = LossScoreConfiguration(checked: ())

  private init(checked: Void) {
    initialScore = 3.0
  }

  public static let parameters: [Parameter<Self>] = [
    .number(
      "initial-score", \.initialScore, in: .finite,
      help: "Loss score of a sample not yet seen (3.0 in the InfoBatch package).")
  ]
}
