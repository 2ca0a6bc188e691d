/// The rectifier `y = max(0, x)`, with `dx = dy` where `x > 0` and 0 elsewhere (the subgradient
/// 0 at x = 0, as PyTorch).
public enum ReLU {
  /// `output[i] = max(0, input[i])`; the buffers may be the same.
  @inlinable
  public static func forward(
    input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>, count: Int
  ) {
    for i in 0..<count { output[i] = max(0, input[i]) }
  }

  /// `inputGradient[i] = output[i] > 0 ? outputGradient[i] : 0`, reading the forward's output
  /// (positive exactly where the input was); gradient buffers may be the same.
  @inlinable
  public static func backward(
    output: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>,
    inputGradient: UnsafeMutablePointer<Float>, count: Int
  ) {
    for i in 0..<count { inputGradient[i] = output[i] > 0 ? outputGradient[i] : 0 }
  }
}
