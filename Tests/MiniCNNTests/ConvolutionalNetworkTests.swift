import Testing

@testable import MiniCNN

/// The whole network against the naive double-precision ref-cnn: losses, taps, and every
/// parameter's gradient against central differences.
@Suite struct ConvolutionalNetworkTests {
  static let batch = 4
  static let labels: [Int] = [2, 0, 1, 2]
  static let weights: [Double] = [1, 2, 0.5, 1.5]

  static func makeNetwork(usesBatchNorm: Bool, smoothing: Double = 0.1) throws
    -> ConvolutionalNetwork
  {
    let configuration = try NetworkConfiguration(
      inputChannels: 2, height: 4, width: 6, classCount: 3, widths: [3, 4, 5],
      usesBatchNorm: usesBatchNorm, labelSmoothing: smoothing, seed: 17)
    let network = ConvolutionalNetwork(configuration: configuration)
    // Non-trivial BN affine parameters and biases, so their gradients are exercised.
    for (i, parameter) in network.parameters.enumerated() where parameter.kind != .weight {
      let noise = DoubleReference.gaussians(parameter.count, seed: 100 + UInt64(i), scale: 0.2)
      parameter.values = zip(parameter.values, noise).map { $0 + Float($1) }
    }
    return network
  }

  static func images(_ network: ConvolutionalNetwork) -> [Float] {
    DoubleReference.gaussians(batch * network.configuration.imageSize, seed: 81).floats
  }

  @Test(arguments: [true, false])
  func forwardMatchesTheDoubleReference(usesBatchNorm: Bool) throws {
    let network = try Self.makeNetwork(usesBatchNorm: usesBatchNorm)
    let reference = ReferenceNetwork(network)
    let images = Self.images(network)
    let result = try images.withUnsafeBufferPointer {
      try network.computeGradients(
        images: $0, labels: Self.labels.map { Int32($0) }, weights: Self.weights)
    }
    let expected = reference.forward(
      parameters: network.parameters.flatMap(\.values).doubles, images: images.doubles,
      labels: Self.labels, weights: Self.weights)
    for (a, b) in zip(result.perSampleLosses, expected.losses) {
      #expect(abs(a - b) < 1e-5 * max(1, abs(b)))
    }
    #expect(abs(result.weightedLoss - expected.batchLoss) < 1e-5)
    #expect(abs(result.meanLoss - expected.losses.reduce(0, +) / 4) < 1e-5)
    for (s, tap) in zip(result.tapStandardDeviations, expected.taps) {
      #expect(abs(s - DoubleReference.unbiasedStandardDeviation(tap)) < 1e-5)
    }
    let mean = result.tapStandardDeviations.reduce(0, +) / 3
    #expect(result.activationStatistic == mean)
  }

  @Test(arguments: [true, false])
  func gradientsMatchFiniteDifferences(usesBatchNorm: Bool) throws {
    let network = try Self.makeNetwork(usesBatchNorm: usesBatchNorm)
    let reference = ReferenceNetwork(network)
    let images = Self.images(network)
    _ = try images.withUnsafeBufferPointer {
      try network.computeGradients(
        images: $0, labels: Self.labels.map { Int32($0) }, weights: Self.weights)
    }
    let flat = network.parameters.flatMap(\.values).doubles
    let expected = DoubleReference.gradient(
      of: {
        reference.forward(
          parameters: $0, images: images.doubles, labels: Self.labels, weights: Self.weights
        ).batchLoss
      }, at: flat)
    var offset = 0
    for parameter in network.parameters {
      let slice = Array(expected[offset..<(offset + parameter.count)])
      offset += parameter.count
      let error = scaledMaximumError(parameter.gradient, slice)
      #expect(error < 1e-4, "\(parameter.name): scaled error \(error)")
    }
  }

  @Test func oneAndTwoWorkersAgree() throws {
    let one = try Self.makeNetwork(usesBatchNorm: true)
    let two = try Self.makeNetwork(usesBatchNorm: true)
    one.workerCount = 1
    two.workerCount = 2
    let images = Self.images(one)
    let labels = Self.labels.map { Int32($0) }
    let a = try images.withUnsafeBufferPointer {
      try one.computeGradients(images: $0, labels: labels, weights: Self.weights)
    }
    let b = try images.withUnsafeBufferPointer {
      try two.computeGradients(images: $0, labels: labels, weights: Self.weights)
    }
    // Each thread's GEMMs have fewer columns, so OpenBLAS tiles them differently (its edge
    // kernels sum in another order) and the weight gradients add two partial sums: the two
    // agree to float32 rounding, not bit for bit.
    for (x, y) in zip(a.perSampleLosses, b.perSampleLosses) {
      #expect(abs(x - y) < 1e-6 * max(1, x))
    }
    for (x, y) in zip(a.tapStandardDeviations, b.tapStandardDeviations) {
      #expect(abs(x - y) < 1e-6 * x)
    }
    for (p, q) in zip(one.parameters, two.parameters) {
      #expect(scaledMaximumError(p.gradient, q.gradient.doubles) < 1e-5, "\(p.name)")
    }
  }
}
