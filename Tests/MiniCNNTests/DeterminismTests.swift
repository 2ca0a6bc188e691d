import Foundation
import Testing

@testable import MiniCNN

/// Same seed, same bytes: initial weights, step results, checkpoints.
@Suite struct DeterminismTests {
  static func configuration(seed: UInt64) throws -> NetworkConfiguration {
    try NetworkConfiguration(height: 8, width: 8, classCount: 4, widths: [4, 6, 8], seed: seed)
  }

  static func train(_ network: ConvolutionalNetwork, steps: Int, optimizer: inout SGDOptimizer)
    throws -> [StepResult]
  {
    var results: [StepResult] = []
    for step in 0..<steps {
      let images = DoubleReference.gaussians(6 * 64, seed: 200 + UInt64(step)).floats
      let labels: [Int32] = [0, 1, 2, 3, 1, 2]
      results.append(
        try network.trainStep(
          images: images, labels: labels, weights: [1, 1, 2, 0.5, 1, 1], learningRate: 0.05,
          optimizer: &optimizer))
    }
    return results
  }

  @Test func sameSeedSameWeightsAndSteps() throws {
    let a = ConvolutionalNetwork(configuration: try Self.configuration(seed: 5))
    let b = ConvolutionalNetwork(configuration: try Self.configuration(seed: 5))
    let c = ConvolutionalNetwork(configuration: try Self.configuration(seed: 6))
    #expect(a.parameters.map(\.values) == b.parameters.map(\.values))
    #expect(a.parameters.map(\.values) != c.parameters.map(\.values))
    var oa = SGDOptimizer(configuration: try SGDConfiguration())
    var ob = SGDOptimizer(configuration: try SGDConfiguration())
    let ra = try Self.train(a, steps: 3, optimizer: &oa)
    let rb = try Self.train(b, steps: 3, optimizer: &ob)
    #expect(ra == rb)
    #expect(a.state == b.state)
    // Training changed the weights and the losses are finite.
    #expect(a.state != ConvolutionalNetwork(configuration: try Self.configuration(seed: 5)).state)
    #expect(ra.allSatisfy { $0.perSampleLosses.allSatisfy(\.isFinite) })
  }

  @Test func checkpointResumesWithIdenticalResults() throws {
    let network = ConvolutionalNetwork(configuration: try Self.configuration(seed: 9))
    var optimizer = SGDOptimizer(configuration: try SGDConfiguration(isNesterov: true))
    _ = try Self.train(network, steps: 2, optimizer: &optimizer)
    let networkData = try JSONEncoder().encode(network.state)
    let optimizerData = try JSONEncoder().encode(optimizer.state)
    let uninterrupted = try Self.train(network, steps: 2, optimizer: &optimizer)

    let resumed = try ConvolutionalNetwork(
      state: JSONDecoder().decode(NetworkState.self, from: networkData))
    var resumedOptimizer = SGDOptimizer(configuration: try SGDConfiguration(isNesterov: true))
    try resumedOptimizer.restore(
      JSONDecoder().decode(SGDOptimizer.State.self, from: optimizerData),
      parameters: resumed.parameters)
    let replay = try Self.train(resumed, steps: 2, optimizer: &resumedOptimizer)
    #expect(replay == uninterrupted)
    #expect(resumed.state == network.state)
  }

  @Test func restoreRejectsAnotherShape() throws {
    let network = ConvolutionalNetwork(configuration: try Self.configuration(seed: 1))
    let other = ConvolutionalNetwork(
      configuration: try NetworkConfiguration(
        height: 8, width: 8, classCount: 5, widths: [4, 6, 8]))
    #expect(throws: MiniCNNError.self) { try network.restore(other.state) }
  }
}
