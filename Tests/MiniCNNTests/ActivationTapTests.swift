import Testing

@testable import MiniCNN

/// The B-PAS statistic from the training forward against a direct computation on the taps.
@Suite struct ActivationTapTests {
  @Test func statisticEqualsDirectComputationOnTheHookedTensors() throws {
    let configuration = try NetworkConfiguration(
      inputChannels: 1, height: 8, width: 8, classCount: 3, widths: [3, 4, 5], seed: 2)
    let network = ConvolutionalNetwork(configuration: configuration)
    var captured: [[Double]] = []
    var shapes: [[Int]] = []
    network.activationHook = { tap in
      captured.append(tap.values.map { Double($0) })
      shapes.append(tap.shape)
    }
    let images = DoubleReference.gaussians(5 * 64, seed: 3).floats
    let result = try images.withUnsafeBufferPointer {
      try network.computeGradients(images: $0, labels: [0, 1, 2, 0, 1], weights: [1, 1, 1, 1, 1])
    }
    #expect(shapes == [[3, 5, 8, 8], [4, 5, 8, 8], [5, 5, 4, 4]])
    let direct = captured.map(DoubleReference.unbiasedStandardDeviation)
    for (a, b) in zip(result.tapStandardDeviations, direct) {
      #expect(abs(a - b) <= 1e-12 * b)
    }
    let statistic = try #require(result.activationStatistic)
    #expect(abs(statistic - direct.reduce(0, +) / 3) <= 1e-12 * statistic)
    // Post-ReLU taps are non-negative.
    #expect(captured.allSatisfy { $0.allSatisfy { $0 >= 0 } })
  }

  @Test func statisticIsSkippedWhenNotAsked() throws {
    let configuration = try NetworkConfiguration(height: 4, width: 4, widths: [2, 2, 2])
    let network = ConvolutionalNetwork(configuration: configuration)
    let result = try [Float](repeating: 0.5, count: 32).withUnsafeBufferPointer {
      try network.computeGradients(
        images: $0, labels: [1, 2], weights: [1, 1], measuresActivations: false)
    }
    #expect(result.activationStatistic == nil)
    #expect(result.tapStandardDeviations.isEmpty)
  }
}
