import PruneCore

/// One conv block of the ref-cnn: conv3x3, BatchNorm (optional), ReLU, 2x2 max-pool (optional),
/// with the activation buffers it reuses from batch to batch.
///
/// Buffers (channel-major, ``ChannelMajorLayout``): `preActivation` is the convolution's output
/// `z`, `activation` the post-ReLU tensor `a` (the block's tap, cnn.md "Taps"), `pooled` the
/// pool's output. Backward works in place in `activationGradient`: dA, then dY (through ReLU),
/// then dZ (through BN).
final class ConvolutionBlock {
  let convolution: Convolution3x3
  let normalization: BatchNorm2d?
  let pool: MaxPool2x2?

  let preActivation = ScratchBuffer<Float>()
  let activation = ScratchBuffer<Float>()
  let activationGradient = ScratchBuffer<Float>()
  let pooled = ScratchBuffer<Float>()
  let pooledGradient = ScratchBuffer<Float>()

  init(
    index: Int, inputChannels: Int, outputChannels: Int, usesBatchNorm: Bool, pools: Bool,
    initialization: WeightInitialization, generator: inout SeededGenerator
  ) {
    convolution = Convolution3x3(
      name: "conv\(index)", inputChannels: inputChannels, outputChannels: outputChannels,
      hasBias: !usesBatchNorm, initialization: initialization, generator: &generator)
    normalization = usesBatchNorm ? BatchNorm2d(name: "bn\(index)", channels: outputChannels) : nil
    pool = pools ? MaxPool2x2() : nil
  }

  var parameters: [Parameter] { convolution.parameters + (normalization?.parameters ?? []) }
  var outputChannels: Int { convolution.outputChannels }

  /// The block's output (pooled or not) after ``forward(input:batch:height:width:isTraining:)``.
  var output: UnsafeMutablePointer<Float> { pool == nil ? activation.pointer : pooled.pointer }
  /// Where the next layer writes dOutput during backward.
  var outputGradient: UnsafeMutablePointer<Float> {
    pool == nil ? activationGradient.pointer : pooledGradient.pointer
  }

  /// Makes every buffer large enough for `batch` images of `height x width`.
  func reserve(batch: Int, height: Int, width: Int) {
    let count = outputChannels * batch * height * width
    preActivation.reserve(count)
    activation.reserve(count)
    activationGradient.reserve(count)
    if pool != nil {
      let pooledCount = outputChannels * batch * (height / 2) * (width / 2)
      pooled.reserve(pooledCount)
      pooledGradient.reserve(pooledCount)
    }
  }

  /// The `Double` sum and sum of squares of the tap after the last measured forward.
  private(set) var tapMoments: (sum: Double, sumOfSquares: Double) = (0, 0)
  private let channelMoments = ScratchBuffer<Double>()

  /// Conv, then BN and ReLU fused into one sweep (which also accumulates the tap's moments
  /// when `measures`), then the pool; `workers` threads share each stage.
  func forward(
    input: UnsafePointer<Float>, batch: Int, height: Int, width: Int, isTraining: Bool,
    measures: Bool, workers: Int
  ) {
    let length = batch * height * width
    convolution.forward(
      input: input, output: preActivation.pointer, batch: batch, height: height, width: width,
      workers: workers)
    if let normalization {
      normalization.forward(
        input: preActivation.pointer, output: activation.pointer, length: length,
        isTraining: isTraining, rectifies: true, measures: measures, workers: workers)
      tapMoments = normalization.outputMoments
    } else {
      tapMoments = rectify(length: length, measures: measures, workers: workers)
    }
    pool?.forward(
      input: activation.pointer, output: pooled.pointer, planes: outputChannels * batch,
      height: height, width: width, workers: workers)
  }

  /// `activation = max(0, preActivation)` channel by channel (the network without BN), with
  /// the moments summed in channel order so the result does not depend on `workers`.
  private func rectify(length: Int, measures: Bool, workers: Int) -> (Double, Double) {
    let channels = outputChannels
    let moments = channelMoments.reserve(2 * channels)
    let source = preActivation.pointer
    let target = activation.pointer
    Parallel.forEachPart(min(workers, channels)) { part in
      for c in Parallel.range(ofPart: part, parts: min(workers, channels), count: channels) {
        let m = FusedKernels.affine(
          source + c * length, into: target + c * length, count: length, scale: 1, shift: 0,
          rectifies: true, measures: measures)
        moments[2 * c] = m.sum
        moments[2 * c + 1] = m.sumOfSquares
      }
    }
    var sum = 0.0
    var squares = 0.0
    for c in 0..<channels {
      sum += moments[2 * c]
      squares += moments[2 * c + 1]
    }
    return (sum, squares)
  }

  /// Backpropagates the gradient the next layer left in ``outputGradient``; writes dInput into
  /// `inputGradient` when given.
  func backward(
    input: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?,
    batch: Int, height: Int, width: Int, workers: Int
  ) {
    let length = batch * height * width
    let count = outputChannels * length
    let gradient = activationGradient.pointer
    pool?.backward(
      outputGradient: pooledGradient.pointer, inputGradient: gradient,
      planes: outputChannels * batch, height: height, width: width, workers: workers)
    if let normalization {
      normalization.backward(
        input: preActivation.pointer, outputGradient: gradient, inputGradient: gradient,
        length: length, rectifiedOutput: activation.pointer, workers: workers)
    } else {
      let output = activation.pointer
      Parallel.forEachPart(workers) { part in
        let range = Parallel.range(ofPart: part, parts: workers, count: count)
        ReLU.backward(
          output: output + range.lowerBound, outputGradient: gradient + range.lowerBound,
          inputGradient: gradient + range.lowerBound, count: range.count)
      }
    }
    convolution.backward(
      input: input, outputGradient: gradient, inputGradient: inputGradient, batch: batch,
      height: height, width: width, workers: workers)
  }
}
