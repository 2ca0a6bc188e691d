/// Global average pooling: each `H x W` plane becomes its mean,
/// `y[p] = (1/(H*W)) sum x[p][.][.]`, and backward spreads `dy[p] / (H*W)` over the plane.
///
/// On a channel-major batch the `C*B` planes are ordered `[C][B]`, so the output is the
/// feature-major matrix `[C][B]` that ``Linear`` takes.
public enum GlobalAveragePool {
  public static func forward(
    input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>, planes: Int, plane: Int
  ) {
    for p in 0..<planes {
      output[p] = Float(Reductions.sum(input + p * plane, count: plane) / Double(plane))
    }
  }

  public static func backward(
    outputGradient: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>,
    planes: Int, plane: Int
  ) {
    let share = 1 / Float(plane)
    for p in 0..<planes {
      let g = outputGradient[p] * share
      (inputGradient + p * plane).update(repeating: g, count: plane)
    }
  }
}
