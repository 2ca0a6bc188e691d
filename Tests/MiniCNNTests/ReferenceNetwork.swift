@testable import MiniCNN

/// The ref-cnn written naively in Double from the layer equations (DoubleReference), NCHW,
/// parameterised by one flat vector in ``ConvolutionalNetwork/parameters`` order.
struct ReferenceNetwork {
  let configuration: NetworkConfiguration
  let counts: [Int]

  init(_ network: ConvolutionalNetwork) {
    configuration = network.configuration
    counts = network.parameters.map(\.count)
  }

  struct Output {
    var losses: [Double]
    var batchLoss: Double
    /// The post-ReLU tensors of the three blocks (NCHW).
    var taps: [[Double]]
  }

  /// Train-mode forward (BN with batch statistics).
  func forward(
    parameters flat: [Double], images: [Double], labels: [Int], weights: [Double]
  ) -> Output {
    var parameters: [[Double]] = []
    var offset = 0
    for count in counts {
      parameters.append(Array(flat[offset..<(offset + count)]))
      offset += count
    }
    var next = 0
    func take() -> [Double] {
      defer { next += 1 }
      return parameters[next]
    }
    let batch = labels.count
    var x = images
    var channels = configuration.inputChannels
    var height = configuration.height
    var width = configuration.width
    var taps: [[Double]] = []
    for (index, outputs) in configuration.widths.enumerated() {
      let weight = take()
      let bias: [Double]? = configuration.usesBatchNorm ? nil : take()
      var y = DoubleReference.convolution(
        x, batch: batch, inputChannels: channels, outputChannels: outputs, height: height,
        width: width, weight: weight, bias: bias)
      if configuration.usesBatchNorm {
        let gamma = take()
        let beta = take()
        y =
          DoubleReference.batchNormTrain(
            y, batch: batch, channels: outputs, plane: height * width, gamma: gamma, beta: beta
          ).y
      }
      y = DoubleReference.relu(y)
      taps.append(y)
      channels = outputs
      if index > 0 {
        y = DoubleReference.maxPool(y, planes: batch * outputs, height: height, width: width)
        height /= 2
        width /= 2
      }
      x = y
    }
    let features = DoubleReference.globalAveragePool(
      x, planes: batch * channels, plane: height * width)  // [B][C]
    let weight = take()
    let bias = take()
    let logits = DoubleReference.linear(
      features, batch: batch, inputs: channels, outputs: configuration.classCount,
      weight: weight, bias: bias)
    let loss = DoubleReference.crossEntropy(
      logits, labels: labels, weights: weights, classes: configuration.classCount,
      smoothing: configuration.labelSmoothing)
    return Output(losses: loss.losses, batchLoss: loss.batchLoss, taps: taps)
  }
}
