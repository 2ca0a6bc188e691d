import Foundation
import Testing

@testable import MiniCNN

@Suite struct NetworkConfigurationTests {
  @Test func referenceDefaults() throws {
    let configuration = try NetworkConfiguration()
    #expect(configuration.widths == [16, 32, 64])
    #expect(configuration.imageSize == 784)
    let network = ConvolutionalNetwork(configuration: configuration)
    #expect(
      network.parameters.map(\.name) == [
        "conv1.weight", "bn1.gamma", "bn1.beta", "conv2.weight", "bn2.gamma", "bn2.beta",
        "conv3.weight", "bn3.gamma", "bn3.beta", "fc.weight", "fc.bias",
      ])
    #expect(network.parameters.map(\.count) == [144, 16, 16, 4608, 32, 32, 18432, 64, 64, 640, 10])
    // conv1 2 passes of 2*128*784*9*16, conv2 3 of 2*128*784*144*32, conv3 3 of
    // 2*128*196*288*64, fc 3 of 2*128*64*10
    #expect(network.trainingFLOPs(batch: 128) == 5_607_358_464)
  }

  @Test func withoutBatchNormConvolutionsHaveBiases() throws {
    let network = ConvolutionalNetwork(
      configuration: try NetworkConfiguration(usesBatchNorm: false))
    #expect(network.normalizations.isEmpty)
    #expect(network.parameters.filter { $0.kind == .bias }.count == 4)
  }

  @Test func rejectsBadShapesWithTheirNames() {
    #expect(
      throws: MiniCNNError.outOfRange(parameter: "height", value: 3, allowed: "an integer >= 4")
    ) {
      try NetworkConfiguration(height: 3)
    }
    #expect(throws: MiniCNNError.self) { try NetworkConfiguration(widths: [16, 32]) }
    #expect(throws: MiniCNNError.self) { try NetworkConfiguration(classCount: 1) }
    let decoded =
      #"{"inputChannels":1,"height":28,"width":28,"classCount":0,"widths":[1,1,1],"#
      + #""usesBatchNorm":true,"labelSmoothing":0,"seed":0}"#
    #expect(throws: MiniCNNError.self) {
      try JSONDecoder().decode(NetworkConfiguration.self, from: Data(decoded.utf8))
    }
  }

  @Test func trainStepRejectsMismatchedInput() throws {
    let network = ConvolutionalNetwork(configuration: try NetworkConfiguration(height: 4, width: 4))
    var optimizer = SGDOptimizer(configuration: try SGDConfiguration())
    let images = [Float](repeating: 0, count: 32)
    #expect(throws: MiniCNNError.labelOutOfRange(label: 10, classCount: 10)) {
      try network.trainStep(
        images: images, labels: [1, 10], weights: [1, 1], learningRate: 0.1, optimizer: &optimizer)
    }
    #expect(throws: MiniCNNError.sizeMismatch(what: "images", expected: 48, actual: 32)) {
      try network.trainStep(
        images: images, labels: [1, 2, 3], weights: [1, 1, 1], learningRate: 0.1,
        optimizer: &optimizer)
    }
    #expect(throws: MiniCNNError.sizeMismatch(what: "weights", expected: 2, actual: 1)) {
      try network.trainStep(
        images: images, labels: [1, 2], weights: [1], learningRate: 0.1, optimizer: &optimizer)
    }
  }
}
