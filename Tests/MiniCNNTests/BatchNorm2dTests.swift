import Testing

@testable import MiniCNN

/// BatchNorm in train and eval mode: forward against the double formulas, backward against
/// central differences, running statistics against PyTorch's update rule.
@Suite struct BatchNorm2dTests {
  static let batch = 3
  static let channels = 2
  static let plane = 5

  static func makeLayer() -> BatchNorm2d {
    let layer = BatchNorm2d(name: "bn", channels: channels)
    layer.scale.values = [1.5, -0.7]
    layer.shift.values = [0.2, 0.9]
    return layer
  }

  /// Input with channel-dependent offsets and scales (NCHW).
  static let input: [Float] = {
    let raw = DoubleReference.gaussians(batch * channels * plane, seed: 21)
    return raw.enumerated().map { i, x in
      let c = (i / plane) % channels
      return Float(x * (c == 0 ? 2 : 0.5) + (c == 0 ? 3 : -1))
    }
  }()

  static func run(
    _ layer: BatchNorm2d, input: [Float], outputGradient: [Float]?, isTraining: Bool
  ) -> (output: [Float], inputGradient: [Float]) {
    let count = input.count
    let x = scratch(
      DoubleReference.transposeBatchAndChannels(
        input, batch: batch, channels: channels, plane: plane))
    let y = scratch(count: count)
    layer.forward(
      input: x.pointer, output: y.pointer, length: batch * plane, isTraining: isTraining)
    var dx = [Float]()
    if let outputGradient {
      let g = scratch(
        DoubleReference.transposeBatchAndChannels(
          outputGradient, batch: batch, channels: channels, plane: plane))
      layer.backward(
        input: x.pointer, outputGradient: g.pointer, inputGradient: g.pointer,
        length: batch * plane)
      dx = DoubleReference.transposeBatchAndChannels(
        g.array(count: count), batch: channels, channels: batch, plane: plane)
    }
    let output = DoubleReference.transposeBatchAndChannels(
      y.array(count: count), batch: channels, channels: batch, plane: plane)
    withExtendedLifetime(x) {}
    return (output, dx)
  }

  @Test func trainForwardNormalisesWithBatchStatistics() {
    let layer = Self.makeLayer()
    let (output, _) = Self.run(layer, input: Self.input, outputGradient: nil, isTraining: true)
    let reference = DoubleReference.batchNormTrain(
      Self.input.doubles, batch: Self.batch, channels: Self.channels, plane: Self.plane,
      gamma: layer.scale.values.doubles, beta: layer.shift.values.doubles)
    #expect(scaledMaximumError(output, reference.y) < 1e-6)
    // Running statistics: 0.9 * (0, 1) + 0.1 * (mean, unbiased variance), m = 15.
    for c in 0..<Self.channels {
      let unbiased = reference.variance[c] * 15 / 14
      #expect(abs(Double(layer.runningMean[c]) - 0.1 * reference.mean[c]) < 1e-6)
      #expect(abs(Double(layer.runningVariance[c]) - (0.9 + 0.1 * unbiased)) < 1e-6)
    }
  }

  @Test func evalForwardUsesRunningStatistics() {
    let layer = Self.makeLayer()
    layer.runningMean = [2.5, -0.75]
    layer.runningVariance = [3.0, 0.2]
    let (output, _) = Self.run(layer, input: Self.input, outputGradient: nil, isTraining: false)
    let reference = DoubleReference.batchNormEval(
      Self.input.doubles, batch: Self.batch, channels: Self.channels, plane: Self.plane,
      gamma: layer.scale.values.doubles, beta: layer.shift.values.doubles,
      mean: [2.5, -0.75], variance: [3.0, 0.2])
    #expect(scaledMaximumError(output, reference) < 1e-6)
    // Eval mode leaves the running statistics alone.
    #expect(layer.runningMean == [2.5, -0.75])
    #expect(layer.runningVariance == [3.0, 0.2])
  }

  @Test(arguments: [true, false])
  func backwardMatchesFiniteDifferences(isTraining: Bool) {
    let layer = Self.makeLayer()
    let mean: [Double] = [2.5, -0.75]
    let variance: [Double] = [3.0, 0.2]
    layer.runningMean = mean.floats
    layer.runningVariance = variance.floats
    let projection = DoubleReference.gaussians(Self.input.count, seed: 22)
    let gamma = layer.scale.values.doubles
    let beta = layer.shift.values.doubles
    func loss(_ x: [Double], _ gamma: [Double], _ beta: [Double]) -> Double {
      let y =
        isTraining
        ? DoubleReference.batchNormTrain(
          x, batch: Self.batch, channels: Self.channels, plane: Self.plane, gamma: gamma,
          beta: beta
        ).y
        : DoubleReference.batchNormEval(
          x, batch: Self.batch, channels: Self.channels, plane: Self.plane, gamma: gamma,
          beta: beta, mean: mean, variance: variance)
      return zip(y, projection).reduce(0) { $0 + $1.0 * $1.1 }
    }
    let (_, dx) = Self.run(
      layer, input: Self.input, outputGradient: projection.floats, isTraining: isTraining)
    let x = Self.input.doubles
    #expect(
      scaledMaximumError(dx, DoubleReference.gradient(of: { loss($0, gamma, beta) }, at: x)) < 1e-4)
    #expect(
      scaledMaximumError(
        layer.scale.gradient, DoubleReference.gradient(of: { loss(x, $0, beta) }, at: gamma)) < 1e-4
    )
    #expect(
      scaledMaximumError(
        layer.shift.gradient, DoubleReference.gradient(of: { loss(x, gamma, $0) }, at: beta)) < 1e-4
    )
  }

  @Test func trainModeInputGradientSumsToZeroPerChannel() {
    // BN's output is invariant to adding a constant to a channel, so dx sums to 0 per channel.
    let layer = Self.makeLayer()
    let projection = DoubleReference.gaussians(Self.input.count, seed: 23).floats
    let (_, dx) = Self.run(layer, input: Self.input, outputGradient: projection, isTraining: true)
    for c in 0..<Self.channels {
      var total = 0.0
      for n in 0..<Self.batch {
        for p in 0..<Self.plane { total += Double(dx[(n * Self.channels + c) * Self.plane + p]) }
      }
      #expect(abs(total) < 1e-5)
    }
  }
}
