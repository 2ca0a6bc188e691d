import PruneCore

/// How the weights of the convolutions and the linear layer start (BatchNorm always starts at
/// gamma 1, beta 0).
///
/// - ``kaimingNormal``: He et al. (ICCV 2015, Eq. 10), `w ~ N(0, 2 / fanIn)`, biases 0
///   (cnn.md "Weight init"; MiniCNN's default, which every test and quick page was made with).
/// - ``pytorchDefault``: what `torch.nn.Conv2d` and `torch.nn.Linear` do when left alone:
///   kaiming-uniform with negative slope `a = sqrt(5)`, whose bound
///   `gain * sqrt(3 / fanIn)` with `gain = sqrt(2 / (1 + a^2))` simplifies to
///   ```
///   w ~ U(-1/sqrt(fanIn), 1/sqrt(fanIn)),   b ~ U(-1/sqrt(fanIn), 1/sqrt(fanIn))
///   ```
///   Issue 10 measured it in PyTorch on Fashion-MNIST (6,000 x 12 epochs, lr 0.05, cosine):
///   0.834 ± 0.004 against 0.819 ± 0.006 with Kaiming-normal, so the paper profile's recipe uses it.
///
/// Both draw from the network's ``PruneCore/SeededGenerator``, layer by layer (conv1, conv2,
/// conv3, linear), each layer's weights in storage order then its bias, so one seed gives one set
/// of bytes.
public enum WeightInitialization: String, Sendable, Hashable, Codable, CaseIterable {
  case kaimingNormal = "kaiming-normal"
  case pytorchDefault = "pytorch"

  /// `count` weights of a layer with fan-in `fanIn`.
  func weights(count: Int, fanIn: Int, using generator: inout SeededGenerator) -> [Float] {
    switch self {
    case .kaimingNormal:
      return KaimingInitializer.normal(count: count, fanIn: fanIn, using: &generator)
    case .pytorchDefault:
      return Self.uniform(count: count, fanIn: fanIn, using: &generator)
    }
  }

  /// `count` biases of a layer with fan-in `fanIn` (zeros for Kaiming-normal).
  func biases(count: Int, fanIn: Int, using generator: inout SeededGenerator) -> [Float] {
    switch self {
    case .kaimingNormal: return [Float](repeating: 0, count: count)
    case .pytorchDefault: return Self.uniform(count: count, fanIn: fanIn, using: &generator)
    }
  }

  /// `U(-1/sqrt(fanIn), 1/sqrt(fanIn))`: `bound * (2u - 1)` with `u` in [0, 1).
  static func uniform(count: Int, fanIn: Int, using generator: inout SeededGenerator) -> [Float] {
    precondition(fanIn > 0, "fanIn must be positive")
    let bound = 1 / Double(fanIn).squareRoot()
    return (0..<count).map { _ in Float(bound * (2 * generator.nextUnit() - 1)) }
  }
}
