import CBLAS
import PruneCore

/// A fully connected layer `y = W x + b` over a feature-major batch.
///
/// Input `X[F][B]` (the ``GlobalAveragePool`` output), output logits `Y[B][K]` (one row per
/// sample, what the loss reads):
/// ```
/// Y = X^T W^T + 1 b^T,    dW = dY^T X^T,    db = sum over rows of dY,    dX = W^T dY^T
/// ```
/// Weights and bias are drawn by a ``WeightInitialization`` with fan-in F (Kaiming-normal: bias 0).
public final class Linear {
  /// F.
  public let inputFeatures: Int
  /// K.
  public let outputFeatures: Int
  /// `W[K][F]`.
  public let weight: Parameter
  /// `b[K]`.
  public let bias: Parameter

  public init(
    name: String, inputFeatures: Int, outputFeatures: Int,
    initialization: WeightInitialization = .kaimingNormal, generator: inout SeededGenerator
  ) {
    precondition(inputFeatures > 0 && outputFeatures > 0, "feature counts must be positive")
    self.inputFeatures = inputFeatures
    self.outputFeatures = outputFeatures
    weight = Parameter(
      name: name + ".weight", kind: .weight,
      values: initialization.weights(
        count: outputFeatures * inputFeatures, fanIn: inputFeatures, using: &generator))
    bias = Parameter(
      name: name + ".bias", kind: .bias,
      values: initialization.biases(count: outputFeatures, fanIn: inputFeatures, using: &generator))
  }

  /// Weight then bias.
  public var parameters: [Parameter] { [weight, bias] }

  /// 2 * B * F * K.
  public func forwardFLOPs(batch: Int) -> Double {
    2 * Double(batch * inputFeatures * outputFeatures)
  }

  /// Writes `Y[B][K]` for `X[F][B]`.
  public func forward(input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>, batch: Int)
  {
    for n in 0..<batch {
      (output + n * outputFeatures).update(from: bias.values, count: outputFeatures)
    }
    weight.values.withUnsafeBufferPointer { w in
      cblas_sgemm(
        CblasRowMajor, CblasTrans, CblasTrans, Int32(batch), Int32(outputFeatures),
        Int32(inputFeatures), 1, input, Int32(batch), w.baseAddress, Int32(inputFeatures), 1,
        output, Int32(outputFeatures))
    }
  }

  /// Sets dW and db; writes `dX[F][B]` when `inputGradient` is given.
  public func backward(
    input: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>,
    inputGradient: UnsafeMutablePointer<Float>?, batch: Int
  ) {
    weight.gradient.withUnsafeMutableBufferPointer { dw in
      cblas_sgemm(
        CblasRowMajor, CblasTrans, CblasTrans, Int32(outputFeatures), Int32(inputFeatures),
        Int32(batch), 1, outputGradient, Int32(outputFeatures), input, Int32(batch), 0,
        dw.baseAddress, Int32(inputFeatures))
    }
    bias.gradient.withUnsafeMutableBufferPointer { db in
      for k in 0..<outputFeatures {
        var total: Float = 0
        for n in 0..<batch { total += outputGradient[n * outputFeatures + k] }
        db[k] = total
      }
    }
    if let inputGradient {
      weight.values.withUnsafeBufferPointer { w in
        cblas_sgemm(
          CblasRowMajor, CblasTrans, CblasTrans, Int32(inputFeatures), Int32(batch),
          Int32(outputFeatures), 1, w.baseAddress, Int32(inputFeatures), outputGradient,
          Int32(outputFeatures), 0, inputGradient, Int32(batch))
      }
    }
  }
}
