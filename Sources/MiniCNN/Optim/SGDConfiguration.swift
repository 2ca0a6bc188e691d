/// The settings of ``SGDOptimizer`` (cnn.md "Optimiser"): momentum 0.9, weight decay 5e-4.
public struct SGDConfiguration: Sendable, Hashable, Encodable {
  /// mu, in [0, 1).
  public let momentum: Double
  /// lambda, the L2 coefficient added to the gradient, >= 0.
  public let weightDecay: Double
  /// Nesterov's look-ahead form (Sutskever et al., ICML 2013, as PyTorch's `nesterov=True`).
  public let isNesterov: Bool
  /// True exempts BatchNorm's gamma/beta and all biases from weight decay.
  public let exemptsNormalizationAndBiasFromDecay: Bool

  /// - Throws: ``MiniCNNError/outOfRange(parameter:value:allowed:)`` naming the bad value.
  public init(
    momentum: Double = 0.9, weightDecay: Double = 5e-4, isNesterov: Bool = false,
    exemptsNormalizationAndBiasFromDecay: Bool = false
  ) throws {
    guard momentum >= 0, momentum < 1 else {
      throw MiniCNNError.outOfRange(parameter: "momentum", value: momentum, allowed: "[0, 1)")
    }
    guard weightDecay >= 0, weightDecay.isFinite else {
      throw MiniCNNError.outOfRange(
        parameter: "weightDecay", value: weightDecay, allowed: "[0, infinity)")
    }
    if isNesterov && momentum == 0 {
      throw MiniCNNError.outOfRange(
        parameter: "momentum", value: momentum, allowed: "(0, 1) when Nesterov is on")
    }
    self.momentum = momentum
    self.weightDecay = weightDecay
    self.isNesterov = isNesterov
    self.exemptsNormalizationAndBiasFromDecay = exemptsNormalizationAndBiasFromDecay
  }

  /// Whether weight decay applies to a parameter of this kind.
  public func decays(_ kind: Parameter.Kind) -> Bool {
    guard exemptsNormalizationAndBiasFromDecay else { return true }
    return kind == .weight
  }
}

extension SGDConfiguration: Decodable {
  private enum CodingKeys: String, CodingKey {
    case momentum, weightDecay, isNesterov, exemptsNormalizationAndBiasFromDecay
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    try self.init(
      momentum: c.decode(Double.self, forKey: .momentum),
      weightDecay: c.decode(Double.self, forKey: .weightDecay),
      isNesterov: c.decode(Bool.self, forKey: .isNesterov),
      exemptsNormalizationAndBiasFromDecay: c.decode(
        Bool.self, forKey: .exemptsNormalizationAndBiasFromDecay))
  }
}
