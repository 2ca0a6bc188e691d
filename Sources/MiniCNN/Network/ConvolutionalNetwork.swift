import PruneCore

/// The ref-cnn of cnn.md (or the same network without BatchNorm), with forward and backward
/// passes over reusable buffers.
///
/// Images come in as NCHW float32 (`[B][C][H][W]`); inside, activations are channel-major
/// (``ChannelMajorLayout``) so each convolution of the whole batch is a few large GEMMs. Buffers
/// grow to the largest batch seen and are reused, so steady-state training allocates only the
/// small arrays of a ``StepResult``.
///
/// Not thread-safe: one network is driven by one thread (the GEMMs themselves use OpenBLAS's
/// threads, ``MiniCNN/setBLASThreadCount(_:)``).
public final class ConvolutionalNetwork {
  /// The shape and options.
  public let configuration: NetworkConfiguration
  /// The training loss (label smoothing from the configuration).
  public let loss: SoftmaxCrossEntropy
  /// Called during every training forward with each block's post-ReLU tensor (cnn.md "Taps").
  public var activationHook: ((ActivationTap) -> Void)?
  /// Threads that share each training step (default 2, the machine's cores; cnn.md "Figures to
  /// beat"). With more than one, each thread runs a contiguous share of the batch (or of the
  /// channels) and OpenBLAS is set to 1 thread for the step; with 1, the step runs on the
  /// caller's thread and the GEMMs use OpenBLAS's own threads. Results depend on this count
  /// (the weight gradient adds per-thread partial sums), so record it with a run.
  public var workerCount: Int = 2 {
    didSet { workerCount = max(1, workerCount) }
  }

  let blocks: [ConvolutionBlock]
  let classifier: Linear
  /// Every trainable parameter, in a fixed order (conv1, bn1, conv2, bn2, conv3, bn3, linear).
  public let parameters: [Parameter]

  let input = ScratchBuffer<Float>()
  let features = ScratchBuffer<Float>()
  let featuresGradient = ScratchBuffer<Float>()
  let logits = ScratchBuffer<Float>()
  let logitsGradient = ScratchBuffer<Float>()
  let sampleWeights = ScratchBuffer<Float>()
  let sampleLabels = ScratchBuffer<Int32>()
  let sampleLosses = ScratchBuffer<Double>()
  var reservedBatch = 0

  /// Builds the network with weights drawn from `configuration.seed` by
  /// `configuration.initialization`: conv1, conv2, conv3, then the linear layer, each in storage
  /// order.
  public init(configuration: NetworkConfiguration) {
    self.configuration = configuration
    // The configuration's own init already checked labelSmoothing in [0, 1).
    loss = SoftmaxCrossEntropy(uncheckedSmoothing: configuration.labelSmoothing)
    var generator = SeededGenerator(seed: configuration.seed, stream: 0x636E_6E)
    var blocks: [ConvolutionBlock] = []
    var channels = configuration.inputChannels
    for (index, width) in configuration.widths.enumerated() {
      blocks.append(
        ConvolutionBlock(
          index: index + 1, inputChannels: channels, outputChannels: width,
          usesBatchNorm: configuration.usesBatchNorm, pools: index > 0,
          initialization: configuration.initialization, generator: &generator))
      channels = width
    }
    self.blocks = blocks
    classifier = Linear(
      name: "fc", inputFeatures: channels, outputFeatures: configuration.classCount,
      initialization: configuration.initialization, generator: &generator)
    parameters = blocks.flatMap(\.parameters) + classifier.parameters
  }

  /// The BatchNorm layers, block order (empty without BN).
  public var normalizations: [BatchNorm2d] { blocks.compactMap(\.normalization) }
  /// The convolutions, block order.
  public var convolutions: [Convolution3x3] { blocks.map(\.convolution) }
  /// The final linear layer.
  public var linear: Linear { classifier }

  /// Height and width at each block's input: H, H, H/2 (and the GAP input H/4).
  func geometry(ofBlock index: Int) -> (height: Int, width: Int) {
    let shift = max(0, index - 1)
    return (configuration.height >> shift, configuration.width >> shift)
  }

  func reserve(batch: Int) {
    guard batch > reservedBatch else { return }
    let plane = configuration.height * configuration.width
    input.reserve(batch * configuration.inputChannels * plane)
    for (index, block) in blocks.enumerated() {
      let (h, w) = geometry(ofBlock: index)
      block.reserve(batch: batch, height: h, width: w)
    }
    let featureCount = classifier.inputFeatures * batch
    features.reserve(featureCount)
    featuresGradient.reserve(featureCount)
    logits.reserve(batch * configuration.classCount)
    logitsGradient.reserve(batch * configuration.classCount)
    sampleWeights.reserve(batch)
    sampleLabels.reserve(batch)
    sampleLosses.reserve(batch)
    reservedBatch = batch
  }

  /// The FLOPs (2 x multiply-adds) of one training step on `batch` images: every convolution's
  /// forward, its weight gradient, and its input gradient except the first; the same for the
  /// linear layer. Elementwise work is not counted.
  public func trainingFLOPs(batch: Int) -> Double {
    var total = 0.0
    for (index, block) in blocks.enumerated() {
      let (h, w) = geometry(ofBlock: index)
      let forward = block.convolution.forwardFLOPs(batch: batch, height: h, width: w)
      total += forward * (index == 0 ? 2 : 3)
    }
    return total + 3 * classifier.forwardFLOPs(batch: batch)
  }

  /// Runs `body` with OpenBLAS on 1 thread when the network's own workers share the step (two
  /// levels of threads on 2 cores would oversubscribe them), then restores the thread count.
  func withStepThreads<T>(_ body: () throws -> T) rethrows -> T {
    guard workerCount > 1 else { return try body() }
    let previous = MiniCNN.blasThreadCount
    if previous != 1 { MiniCNN.setBLASThreadCount(1) }
    defer { if previous != 1 { MiniCNN.setBLASThreadCount(previous) } }
    return try body()
  }

  /// Runs the forward pass on the batch already in ``input`` and leaves logits `[B][K]`.
  ///
  /// - Parameter taps: When not nil, receives each block's unbiased activation std (train mode).
  func forwardFromInput(batch: Int, isTraining: Bool, taps: UnsafeMutablePointer<Double>?) {
    var source = UnsafePointer(input.pointer)
    for (index, block) in blocks.enumerated() {
      let (h, w) = geometry(ofBlock: index)
      let measures = isTraining && taps != nil
      block.forward(
        input: source, batch: batch, height: h, width: w, isTraining: isTraining,
        measures: measures, workers: workerCount)
      let count = block.outputChannels * batch * h * w
      if measures, let taps {
        let moments = block.tapMoments
        taps[index] = ActivationTap.unbiasedStandardDeviation(
          sum: moments.sum, sumOfSquares: moments.sumOfSquares, count: count)
      }
      if isTraining, let activationHook {
        activationHook(
          ActivationTap(
            index: index, shape: [block.outputChannels, batch, h, w],
            values: UnsafeBufferPointer(start: block.activation.pointer, count: count)))
      }
      source = UnsafePointer(block.output)
    }
    let (h, w) = geometry(ofBlock: blocks.count)
    GlobalAveragePool.forward(
      input: source, output: features.pointer, planes: classifier.inputFeatures * batch,
      plane: h * w)
    classifier.forward(input: features.pointer, output: logits.pointer, batch: batch)
  }

  /// Backpropagates the gradient in ``logitsGradient`` and sets every parameter's gradient.
  func backwardToParameters(batch: Int) {
    classifier.backward(
      input: features.pointer, outputGradient: logitsGradient.pointer,
      inputGradient: featuresGradient.pointer, batch: batch)
    let (h, w) = geometry(ofBlock: blocks.count)
    guard let last = blocks.last else { return }
    GlobalAveragePool.backward(
      outputGradient: featuresGradient.pointer, inputGradient: last.outputGradient,
      planes: classifier.inputFeatures * batch, plane: h * w)
    for index in stride(from: blocks.count - 1, through: 0, by: -1) {
      let block = blocks[index]
      let (bh, bw) = geometry(ofBlock: index)
      let source =
        index == 0 ? UnsafePointer(input.pointer) : UnsafePointer(blocks[index - 1].output)
      let target = index == 0 ? nil : blocks[index - 1].outputGradient
      block.backward(
        input: source, inputGradient: target, batch: batch, height: bh, width: bw,
        workers: workerCount)
    }
  }
}
