/// The settings of BLS, the batch-loss score (algorithms.md Part A "BLS", §2).
///
/// Defaults follow the official code: alpha 0.9, scores start at 0, a reweighting host scales the
/// batch mean loss by the mean of the batch's weights.
public struct BatchLossScoreConfiguration: Sendable, Hashable, Encodable {
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

  /// alpha, the EMA's memory: s_i <- alpha s_i + (1 - alpha) L(B_t). In [0, 1).
  public let alpha: Double
  public let initialisation: Initialisation
  public let rescaling: Rescaling

  /// - Throws: ``PruneCoreError/outOfRange(parameter:value:allowed:)`` when alpha is outside
  ///   [0, 1) (alpha = 1 would freeze every score at its initial value) or NaN.
  public init(
    alpha: Double = 0.9, initialisation: Initialisation = .zero, rescaling: Rescaling = .meanWeight
  ) throws {
    guard alpha >= 0, alpha < 1 else {
      throw PruneCoreError.outOfRange(parameter: "alpha", value: alpha, allowed: "[0, 1)")
    }
    self.alpha = alpha
    self.initialisation = initialisation
    self.rescaling = rescaling
  }

  /// The official code's settings: alpha 0.9, zero init, mean-weight rescaling.
  public static let standard = BatchLossScoreConfiguration(
    checkedAlpha: 0.9, initialisation: .zero, rescaling: .meanWeight)

  private init(checkedAlpha: Double, initialisation: Initialisation, rescaling: Rescaling) {
    self.alpha = checkedAlpha
    self.initialisation = initialisation
    self.rescaling = rescaling
  }
}
