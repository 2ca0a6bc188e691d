import Testing

@testable import MiniCNN

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct SoftmaxCrossEntropyTests {
  static func run(
    _ loss: SoftmaxCrossEntropy, logits: [Float], labels: [Int32], weights: [Float], classes: Int
  ) -> (losses: [Double], batchLoss: Double, gradient: [Float]) {
    let batch = labels.count
    let losses = ScratchBuffer<Double>(count: batch)
    let labelBuffer = ScratchBuffer<Int32>(count: batch)
    labelBuffer.pointer.update(from: labels, count: batch)
    let gradient = scratch(count: logits.count)
    let z = scratch(logits)
    let w = scratch(weights)
    let batchLoss = loss.evaluate(
      logits: z.pointer, labels: labelBuffer.pointer, weights: w.pointer, batch: batch,
      classes: classes, losses: losses.pointer, logitGradient: gradient.pointer)
    return (losses.array(count: batch), batchLoss, gradient.array(count: logits.count))
  }

  @Test func uniformLogitsGiveLogK() {
    let loss = SoftmaxCrossEntropy.plainForTests
    let result = Self.run(loss, logits: [0, 0, 0, 0], labels: [2], weights: [1], classes: 4)
    #expect(abs(result.losses[0] - log(4.0)) < 1e-12)
    // dL/dz = p - onehot = (1/4, 1/4, -3/4, 1/4)
    #expect(result.gradient == [0.25, 0.25, -0.75, 0.25])
  }

  @Test(arguments: [0.0, 0.1, 0.3])
  func lossesAndGradientMatchTheDoubleReference(smoothing: Double) throws {
    let batch = 4
    let classes = 3
    let loss = try SoftmaxCrossEntropy(labelSmoothing: smoothing)
    let logits = DoubleReference.gaussians(batch * classes, seed: 71, scale: 3).floats.doubles
    let labels = [2, 0, 1, 2]
    let weights: [Double] = [1, 2.5, 0, 0.5]
    let result = Self.run(
      loss, logits: logits.floats, labels: labels.map { Int32($0) }, weights: weights.floats,
      classes: classes)
    let reference = DoubleReference.crossEntropy(
      logits, labels: labels, weights: weights, classes: classes, smoothing: smoothing)
    for (a, b) in zip(result.losses, reference.losses) { #expect(abs(a - b) < 1e-12) }
    #expect(abs(result.batchLoss - reference.batchLoss) < 1e-12)
    let gradient = DoubleReference.gradient(
      of: {
        DoubleReference.crossEntropy(
          $0, labels: labels, weights: weights, classes: classes, smoothing: smoothing
        ).batchLoss
      }, at: logits)
    #expect(scaledMaximumError(result.gradient, gradient) < 1e-6)
    // A zero weight removes the sample from the gradient but not from the reported losses.
    #expect(result.gradient[6..<9].allSatisfy { $0 == 0 })
    #expect(result.losses[2] > 0)
  }

  @Test(arguments: [-0.1, 1.0, Double.nan])
  func rejectsSmoothingOutsideTheUnitInterval(smoothing: Double) {
    #expect(throws: MiniCNNError.self) { try SoftmaxCrossEntropy(labelSmoothing: smoothing) }
  }
}

extension SoftmaxCrossEntropy {
  static var plainForTests: SoftmaxCrossEntropy { SoftmaxCrossEntropy(uncheckedSmoothing: 0) }
}
