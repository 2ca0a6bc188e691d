import PruneCore
import Testing

@testable import MiniCNN

@Suite struct LinearTests {
  @Test func forwardAndGradientsMatchTheDoubleReference() {
    let batch = 3
    let inputs = 5
    let outputs = 4
    var generator = SeededGenerator(seed: 61)
    let layer = Linear(
      name: "fc", inputFeatures: inputs, outputFeatures: outputs, generator: &generator)
    layer.bias.values = [0.5, -1, 0.25, 2]
    let x = DoubleReference.gaussians(batch * inputs, seed: 62).floats.doubles  // [B][F]
    let r = DoubleReference.gaussians(batch * outputs, seed: 63)
    let weight = layer.weight.values.doubles
    let bias = layer.bias.values.doubles
    func loss(_ x: [Double], _ w: [Double], _ b: [Double]) -> Double {
      zip(
        DoubleReference.linear(
          x, batch: batch, inputs: inputs, outputs: outputs, weight: w, bias: b), r
      )
      .reduce(0) { $0 + $1.0 * $1.1 }
    }
    // The layer takes feature-major X[F][B].
    let xFeatureMajor = DoubleReference.transposeBatchAndChannels(
      x.floats, batch: batch, channels: inputs, plane: 1)
    let xBuffer = scratch(xFeatureMajor)
    let y = scratch(count: batch * outputs)
    layer.forward(input: xBuffer.pointer, output: y.pointer, batch: batch)
    let expected = DoubleReference.linear(
      x, batch: batch, inputs: inputs, outputs: outputs, weight: weight, bias: bias)
    #expect(scaledMaximumError(y.array(count: batch * outputs), expected) < 1e-6)
    let dy = scratch(r.floats)
    let dx = scratch(count: batch * inputs)
    layer.backward(
      input: xBuffer.pointer, outputGradient: dy.pointer, inputGradient: dx.pointer, batch: batch)
    let inputGradient = DoubleReference.transposeBatchAndChannels(
      dx.array(count: batch * inputs), batch: inputs, channels: batch, plane: 1)
    #expect(
      scaledMaximumError(
        inputGradient, DoubleReference.gradient(of: { loss($0, weight, bias) }, at: x)) < 1e-5)
    #expect(
      scaledMaximumError(
        layer.weight.gradient, DoubleReference.gradient(of: { loss(x, $0, bias) }, at: weight))
        < 1e-5)
    #expect(
      scaledMaximumError(
        layer.bias.gradient, DoubleReference.gradient(of: { loss(x, weight, $0) }, at: bias)) < 1e-5
    )
  }
}
