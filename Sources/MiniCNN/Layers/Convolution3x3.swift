import CBLAS
import PruneCore

/// A 3x3 convolution, stride 1, zero padding 1 (output size = input size), bias optional.
///
/// Forward, for a channel-major batch (``ChannelMajorLayout``):
/// ```
/// Y[co][n][y][x] = b[co] + sum_{ci,ky,kx} W[co][ci][ky][kx] * X[ci][n][y+ky-1][x+kx-1]
/// ```
/// computed as `Y = W * im2col(X)` with OpenBLAS `sgemm` (cnn.md, "Work"). The batch is packed
/// in chunks of whole images so the column matrix stays cache-sized while each GEMM still has
/// thousands of columns. With `workers > 1` the images are split into contiguous ranges, one per
/// thread, each with its own column buffer (OpenBLAS then runs single-threaded in each); the
/// weight gradient is the sum of the workers' partial sums in worker order. Backward:
/// ```
/// dW = sum over chunks of dY_chunk * col_chunk^T        dX = col2im(W^T * dY)
/// db[co] = sum_{n,y,x} dY[co][n][y][x]
/// ```
public final class Convolution3x3 {
  /// Cin.
  public let inputChannels: Int
  /// Cout.
  public let outputChannels: Int
  /// `W[Cout][Cin*9]` (row `co`, column `ci*9 + ky*3 + kx`), as PyTorch's `[Cout][Cin][3][3]`.
  public let weight: Parameter
  /// `b[Cout]`, or nil for a convolution followed by BatchNorm (whose shift makes a bias moot).
  public let bias: Parameter?
  /// The most floats one im2col chunk may hold (the chunk is at least one image). 2^18 floats
  /// (1 MiB) keeps a chunk in a Zen 3 core's 512 KiB L2 plus L3 share while the GEMM keeps
  /// thousands of columns (measured: larger chunks were slower).
  public var columnBudget: Int = 1 << 18

  private var columns: [ScratchBuffer<Float>] = []
  private let partialWeightGradients = ScratchBuffer<Float>()
  private let partialBiasGradients = ScratchBuffer<Float>()

  /// A convolution with weights (fan-in `9 * Cin`) and bias drawn by `initialization`.
  public init(
    name: String, inputChannels: Int, outputChannels: Int, hasBias: Bool,
    initialization: WeightInitialization = .kaimingNormal, generator: inout SeededGenerator
  ) {
    precondition(inputChannels > 0 && outputChannels > 0, "channel counts must be positive")
    self.inputChannels = inputChannels
    self.outputChannels = outputChannels
    let fanIn = inputChannels * 9
    weight = Parameter(
      name: name + ".weight", kind: .weight,
      values: initialization.weights(
        count: outputChannels * fanIn, fanIn: fanIn, using: &generator))
    bias =
      hasBias
      ? Parameter(
        name: name + ".bias", kind: .bias,
        values: initialization.biases(count: outputChannels, fanIn: fanIn, using: &generator))
      : nil
  }

  /// The parameters, weight first.
  public var parameters: [Parameter] { bias.map { [weight, $0] } ?? [weight] }

  /// Images per im2col chunk for this geometry.
  func chunkImages(batch: Int, plane: Int) -> Int {
    max(1, min(batch, columnBudget / max(1, inputChannels * 9 * plane)))
  }

  /// One column buffer per worker, each large enough for a chunk.
  private func columnBuffers(workers: Int, floats: Int) -> [UnsafeMutablePointer<Float>] {
    while columns.count < workers { columns.append(ScratchBuffer<Float>()) }
    return (0..<workers).map { columns[$0].reserve(floats) }
  }

  /// The multiply-adds x 2 of one forward pass (backward costs twice that, or once without dX).
  public func forwardFLOPs(batch: Int, height: Int, width: Int) -> Double {
    2 * Double(outputChannels) * Double(inputChannels * 9) * Double(batch * height * width)
  }

  /// Writes `Y` (`[Cout][batch][height][width]`) for input `X` (`[Cin][batch][height][width]`).
  ///
  /// - Parameter workers: Threads to split the images over (1 = the caller's thread only).
  public func forward(
    input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>,
    batch: Int, height: Int, width: Int, workers: Int = 1
  ) {
    let plane = height * width
    let reduction = inputChannels * 9
    let total = batch * plane
    let chunk = chunkImages(batch: batch, plane: plane)
    let cols = columnBuffers(workers: workers, floats: reduction * chunk * plane)
    let outputChannels = outputChannels
    let inputChannels = inputChannels
    weight.values.withUnsafeBufferPointer { w in
      let biasValues = bias?.values
      Parallel.forEachPart(workers) { part in
        let col = cols[part]
        let images = Parallel.range(ofPart: part, parts: workers, count: batch)
        var first = images.lowerBound
        while first < images.upperBound {
          let count = min(chunk, images.upperBound - first)
          Im2col.pack(
            input, into: col, channels: inputChannels, batch: batch, height: height,
            width: width, first: first, count: count)
          cblas_sgemm(
            CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(outputChannels),
            Int32(count * plane), Int32(reduction), 1, w.baseAddress, Int32(reduction), col,
            Int32(count * plane), 0, output + first * plane, Int32(total))
          if let biasValues {
            for co in 0..<outputChannels {
              let b = biasValues[co]
              let row = output + co * total + first * plane
              for i in 0..<(count * plane) { row[i] += b }
            }
          }
          first += count
        }
      }
    }
  }

  /// Sets the parameter gradients from `dY` and, when `inputGradient` is given, writes `dX`.
  ///
  /// - Parameters:
  ///   - input: The `X` of the forward pass (im2col is recomputed, not stored).
  ///   - outputGradient: `dY`, `[Cout][batch][height][width]`.
  ///   - inputGradient: Room for `dX`, `[Cin][batch][height][width]`, or nil (first layer).
  ///   - workers: Threads to split the images over.
  public func backward(
    input: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>,
    inputGradient: UnsafeMutablePointer<Float>?, batch: Int, height: Int, width: Int,
    workers: Int = 1
  ) {
    let plane = height * width
    let reduction = inputChannels * 9
    let total = batch * plane
    let chunk = chunkImages(batch: batch, plane: plane)
    let cols = columnBuffers(workers: workers, floats: reduction * chunk * plane)
    let weightCount = outputChannels * reduction
    let partials = partialWeightGradients.reserve(max(1, workers - 1) * weightCount)
    let biasPartials = partialBiasGradients.reserve(workers * outputChannels)
    let outputChannels = outputChannels
    let inputChannels = inputChannels
    let hasBias = bias != nil
    weight.values.withUnsafeBufferPointer { w in
      weight.gradient.withUnsafeMutableBufferPointer { dw in
        guard let weights = w.baseAddress, let gradient = dw.baseAddress else { return }
        Parallel.forEachPart(workers) { part in
          let col = cols[part]
          let target = part == 0 ? gradient : partials + (part - 1) * weightCount
          let images = Parallel.range(ofPart: part, parts: workers, count: batch)
          if let inputGradient {
            for ci in 0..<inputChannels {
              (inputGradient + (ci * batch + images.lowerBound) * plane).update(
                repeating: 0, count: images.count * plane)
            }
          }
          if images.isEmpty { target.update(repeating: 0, count: weightCount) }
          var first = images.lowerBound
          while first < images.upperBound {
            let count = min(chunk, images.upperBound - first)
            Im2col.pack(
              input, into: col, channels: inputChannels, batch: batch, height: height,
              width: width, first: first, count: count)
            cblas_sgemm(
              CblasRowMajor, CblasNoTrans, CblasTrans, Int32(outputChannels), Int32(reduction),
              Int32(count * plane), 1, outputGradient + first * plane, Int32(total), col,
              Int32(count * plane), first == images.lowerBound ? 0 : 1, target,
              Int32(reduction))
            if let inputGradient {
              cblas_sgemm(
                CblasRowMajor, CblasTrans, CblasNoTrans, Int32(reduction), Int32(count * plane),
                Int32(outputChannels), 1, weights, Int32(reduction),
                outputGradient + first * plane, Int32(total), 0, col, Int32(count * plane))
              Im2col.unpackAdding(
                col, into: inputGradient, channels: inputChannels, batch: batch, height: height,
                width: width, first: first, count: count)
            }
            first += count
          }
          if hasBias {
            for co in 0..<outputChannels {
              biasPartials[part * outputChannels + co] = Float(
                Reductions.sum(
                  outputGradient + co * total + images.lowerBound * plane,
                  count: images.count * plane))
            }
          }
        }
        for part in 1..<max(1, workers) {
          let partial = partials + (part - 1) * weightCount
          for i in 0..<weightCount { gradient[i] += partial[i] }
        }
      }
    }
    if let bias {
      bias.gradient.withUnsafeMutableBufferPointer { db in
        for co in 0..<outputChannels {
          var sum: Float = 0
          for part in 0..<workers { sum += biasPartials[part * outputChannels + co] }
          db[co] = sum
        }
      }
    }
  }
}
