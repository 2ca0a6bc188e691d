/// A trainable array of the network (a weight matrix, a bias, BatchNorm's gamma or beta) and the
/// gradient the last backward pass left for it.
///
/// A class, so that layers, the optimiser and checkpoints share one storage. Backward passes
/// *overwrite* ``gradient`` (one batch, one gradient; nothing accumulates across steps).
public final class Parameter {
  /// What kind of parameter this is; the optimiser can exempt some kinds from weight decay.
  public enum Kind: String, Sendable, Hashable, Codable {
    /// A convolution or linear weight.
    case weight
    /// An additive bias of a convolution or linear layer.
    case bias
    /// BatchNorm's scale gamma.
    case normalizationScale
    /// BatchNorm's shift beta.
    case normalizationShift
  }

  /// A stable name (`conv2.weight`, `bn1.gamma`, ...), used by checkpoints.
  public let name: String
  /// The kind of parameter.
  public let kind: Kind
  /// The values.
  public var values: [Float]
  /// dLoss/dvalues from the last backward pass.
  public var gradient: [Float]

  public init(name: String, kind: Kind, values: [Float]) {
    self.name = name
    self.kind = kind
    self.values = values
    self.gradient = [Float](repeating: 0, count: values.count)
  }

  /// The number of scalars.
  public var count: Int { values.count }
}
