import Foundation
import PruneCore
import Testing

@testable import MiniCNN

@Suite struct WeightInitializationTests {
  /// PyTorch's default: weights and biases uniform in +-1/sqrt(fanIn) (kaiming-uniform with
  /// a = sqrt 5 gives gain sqrt(1/3) and bound gain sqrt(3 / fanIn) = 1/sqrt(fanIn)).
  @Test func pytorchDefaultIsUniformWithinOneOverRootFanIn() throws {
    let network = ConvolutionalNetwork(
      configuration: try NetworkConfiguration(
        usesBatchNorm: false, seed: 7, initialization: .pytorchDefault))
    let fanIns = network.convolutions.map { $0.inputChannels * 9 } + [network.linear.inputFeatures]
    let layers = network.convolutions.map { ($0.weight, $0.bias!) }
      + [(network.linear.weight, network.linear.bias)]
    for ((weight, bias), fanIn) in zip(layers, fanIns) {
      let bound = Float(1 / Double(fanIn).squareRoot())
      for values in [weight.values, bias.values] {
        #expect(values.allSatisfy { abs($0) <= bound })
        // Uniform on [-b, b]: the mean square is b^2 / 3 (within sampling error).
        let meanSquare = values.reduce(0) { $0 + Double($1 * $1) } / Double(values.count)
        if values.count >= 500 {
          #expect(abs(meanSquare / Double(bound * bound) - 1.0 / 3) < 0.05)
        }
      }
      #expect(bias.values.contains { $0 != 0 })
    }
  }

  @Test func kaimingNormalStaysTheDefaultWithZeroBiases() throws {
    let configuration = try NetworkConfiguration(usesBatchNorm: false, seed: 7)
    #expect(configuration.initialization == .kaimingNormal)
    let network = ConvolutionalNetwork(configuration: configuration)
    #expect(network.linear.bias.values.allSatisfy { $0 == 0 })
    #expect(network.convolutions.allSatisfy { $0.bias!.values.allSatisfy { $0 == 0 } })
  }

  @Test func sameSeedSameWeightsAndTheDigestSeesOneBit() throws {
    func network(_ seed: UInt64) throws -> ConvolutionalNetwork {
      ConvolutionalNetwork(
        configuration: try NetworkConfiguration(seed: seed, initialization: .pytorchDefault))
    }
    let a = try network(3)
    let b = try network(3)
    #expect(a.weightDigest == b.weightDigest)
    #expect(try network(4).weightDigest != a.weightDigest)
    b.linear.weight.values[0] = Float(bitPattern: b.linear.weight.values[0].bitPattern ^ 1)
    #expect(a.weightDigest != b.weightDigest)
    b.linear.weight.values[0] = a.linear.weight.values[0]
    b.normalizations[0].runningMean[0] += 1
    #expect(a.weightDigest != b.weightDigest)
  }

  @Test func trainerConfigurationKeepsItsBytesForKaimingNormal() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let plain = try TrainerConfiguration(epochs: 3)
    #expect(!String(decoding: try encoder.encode(plain), as: UTF8.self).contains("initialization"))
    let pytorch = try TrainerConfiguration(epochs: 3, initialization: .pytorchDefault)
    let data = try encoder.encode(pytorch)
    #expect(String(decoding: data, as: UTF8.self).contains("\"initialization\":\"pytorch\""))
    #expect(try JSONDecoder().decode(TrainerConfiguration.self, from: data) == pytorch)
  }
}
