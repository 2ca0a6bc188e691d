/// The settings of BLS, the batch-loss score (algorithms.md Part A "BLS", §2).
///
/// Defaults follow the official code: alpha 0.9, scores start at 0, a reweighting host scales the
/// batch mean loss by the mean of the batch's weights.
public struct BatchLossScoreConfiguration: RuleConfiguration, Hashable, Encodable {
  // Not Decodable: synthesized decoding would skip the checks.

  /// How scores start before the first batch.
  public enum Initialisation: String, Sendable, Hashable, Codable, CaseIterable {
    /// s_i(0) = 0 for every sample (the official code, algorithms.md §2.1).
    case zero
    /// s_i(0) = L(B_0), the first batch's mean loss, for every sample (the paper, §2.3).
    case firstBatchMean = "first-batch-mean"
  }

  /// How a reweighting host (InfoBatch, RePB) combines weights with a loss it only knows as a mean.
  public enum Rescaling: String, Sendable, Hashable, Codable, CaseIterable {
    /// L(B_t) x mean of the batch's weights (the official code, §2.2).
    case meanWeight = "mean-weight"
    /// sum(w_i l_i) / B with each sample's weight; needs per-sample losses.
    case exact
  }

  /// alpha, the EMA's memory: s_i <- alpha s_i + (1 - alpha) L(B_t). In [0, 1) (alpha = 1 would
  /// freeze every score at its initial value).
  public internal(set) var alpha: Double
  public internal(set) var initialisation: Initialisation
  public internal(set) var rescaling: Rescaling

  /// - Throws: ``PruneCoreError/outOfRange(parameter:value:allowed:)`` when alpha is outside
  ///   [0, 1) or NaN.
  public init(
    alpha: Double = BatchLossScoreConfiguration.standard.alpha,
    initialisation: Initialisation = BatchLossScoreConfiguration.standard.initialisation,
    rescaling: Rescaling = BatchLossScoreConfiguration.standard.rescaling
  ) throws {
    self = .standard
    self.alpha = alpha
    self.initialisation = initialisation
    self.rescaling = rescaling
    self = try validated()
  }

  /// The official code's settings: alpha 0.9, zero init, mean-weight rescaling.
  public static let standard = BatchLossScoreConfiguration(checked: ())

  private init(checked: Void) {
    alpha = 0.9
    initialisation = .zero
    rescaling = .meanWeight
  }

  public static let parameters: [Parameter<Self>] = [
    .number(
      "alpha", \.alpha, in: .closedOpen(0, 1),
      help: "BLS memory: s <- alpha s + (1 - alpha) L(B)."),
    .choice(
      "score-init", \.initialisation,
      help: "BLS initial scores: 0 (official code) or the first batch's mean loss (paper)."),
    .choice(
      "score-rescaling", \.rescaling,
      help: "BLS loss weighting: batch mean loss x mean weight (code) or per-sample weights."),
  ]
}
