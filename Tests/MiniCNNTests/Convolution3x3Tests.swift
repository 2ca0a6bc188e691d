import PruneCore
import Testing

@testable import MiniCNN

/// The im2col + sgemm convolution against the direct double-precision sum, and its gradients
/// against central differences of that sum.
@Suite struct Convolution3x3Tests {
  struct Case: Sendable, CustomStringConvertible {
    var batch, inputChannels, outputChannels, height, width: Int
    var hasBias: Bool
    var columnBudget: Int
    var workers = 1
    var description: String {
      "B\(batch) \(inputChannels)->\(outputChannels) \(height)x\(width) bias \(hasBias) "
        + "budget \(columnBudget) workers \(workers)"
    }
  }

  static let cases: [Case] = [
    Case(
      batch: 2, inputChannels: 1, outputChannels: 3, height: 5, width: 4, hasBias: false,
      columnBudget: 1 << 20),
    Case(
      batch: 3, inputChannels: 2, outputChannels: 2, height: 4, width: 6, hasBias: true,
      columnBudget: 1 << 20),
    // a budget of one image per chunk: several GEMMs whose weight gradients must add up
    Case(
      batch: 3, inputChannels: 2, outputChannels: 3, height: 3, width: 3, hasBias: true,
      columnBudget: 1),
    Case(
      batch: 1, inputChannels: 3, outputChannels: 1, height: 1, width: 2, hasBias: false,
      columnBudget: 1),
    // two threads, each with its own chunks and partial weight gradient
    Case(
      batch: 5, inputChannels: 2, outputChannels: 3, height: 4, width: 3, hasBias: true,
      columnBudget: 80, workers: 2),
    // more threads than images: the idle thread's partial gradient must be zero
    Case(
      batch: 1, inputChannels: 1, outputChannels: 2, height: 3, width: 3, hasBias: true,
      columnBudget: 1, workers: 2),
  ]

  /// Runs the library layer on NCHW input; returns NCHW output.
  static func libraryForward(_ layer: Convolution3x3, _ c: Case, input: [Float]) -> [Float] {
    let plane = c.height * c.width
    let x = DoubleReference.transposeBatchAndChannels(
      input, batch: c.batch, channels: c.inputChannels, plane: plane)
    let count = c.batch * c.outputChannels * plane
    let y = scratch(count: count)
    let xBuffer = scratch(x)
    layer.forward(
      input: xBuffer.pointer, output: y.pointer, batch: c.batch, height: c.height, width: c.width,
      workers: c.workers)
    withExtendedLifetime(xBuffer) {}
    return DoubleReference.transposeBatchAndChannels(
      y.array(count: count), batch: c.outputChannels, channels: c.batch, plane: plane)
  }

  static func makeLayer(_ c: Case, seed: UInt64) -> Convolution3x3 {
    var generator = SeededGenerator(seed: seed)
    let layer = Convolution3x3(
      name: "conv", inputChannels: c.inputChannels, outputChannels: c.outputChannels,
      hasBias: c.hasBias, generator: &generator)
    layer.columnBudget = c.columnBudget
    if let bias = layer.bias {
      bias.values = DoubleReference.gaussians(c.outputChannels, seed: seed + 1).floats
    }
    return layer
  }

  @Test(arguments: cases)
  func forwardEqualsDirectConvolution(_ c: Case) throws {
    let layer = Self.makeLayer(c, seed: 3)
    let plane = c.height * c.width
    let input = DoubleReference.gaussians(c.batch * c.inputChannels * plane, seed: 5).floats
    let output = Self.libraryForward(layer, c, input: input)
    let reference = DoubleReference.convolution(
      input.doubles, batch: c.batch, inputChannels: c.inputChannels,
      outputChannels: c.outputChannels, height: c.height, width: c.width,
      weight: layer.weight.values.doubles, bias: layer.bias?.values.doubles)
    #expect(scaledMaximumError(output, reference) < 1e-5)
  }

  @Test(arguments: cases)
  func gradientsMatchFiniteDifferences(_ c: Case) throws {
    let layer = Self.makeLayer(c, seed: 11)
    let plane = c.height * c.width
    let input = DoubleReference.gaussians(c.batch * c.inputChannels * plane, seed: 12).floats
    // L = sum R * Y, so dL/dY = R.
    let projection = DoubleReference.gaussians(c.batch * c.outputChannels * plane, seed: 13)
    let weight = layer.weight.values.doubles
    let bias = layer.bias?.values.doubles
    func loss(input: [Double], weight: [Double], bias: [Double]?) -> Double {
      let y = DoubleReference.convolution(
        input, batch: c.batch, inputChannels: c.inputChannels, outputChannels: c.outputChannels,
        height: c.height, width: c.width, weight: weight, bias: bias)
      return zip(y, projection).reduce(0) { $0 + $1.0 * $1.1 }
    }
    let x = DoubleReference.transposeBatchAndChannels(
      input, batch: c.batch, channels: c.inputChannels, plane: plane)
    let dy = DoubleReference.transposeBatchAndChannels(
      projection.floats, batch: c.batch, channels: c.outputChannels, plane: plane)
    let dx = scratch(count: x.count)
    _ = Self.libraryForward(layer, c, input: input)
    let xBuffer = scratch(x)
    let dyBuffer = scratch(dy)
    layer.backward(
      input: xBuffer.pointer, outputGradient: dyBuffer.pointer, inputGradient: dx.pointer,
      batch: c.batch, height: c.height, width: c.width, workers: c.workers)
    withExtendedLifetime((xBuffer, dyBuffer)) {}
    let inputGradient = DoubleReference.transposeBatchAndChannels(
      dx.array(count: x.count), batch: c.inputChannels, channels: c.batch, plane: plane)
    let referenceInput = DoubleReference.gradient(
      of: { loss(input: $0, weight: weight, bias: bias) }, at: input.doubles)
    let referenceWeight = DoubleReference.gradient(
      of: { loss(input: input.doubles, weight: $0, bias: bias) }, at: weight)
    #expect(scaledMaximumError(inputGradient, referenceInput) < 1e-4)
    #expect(scaledMaximumError(layer.weight.gradient, referenceWeight) < 1e-4)
    if let bias, let parameter = layer.bias {
      let referenceBias = DoubleReference.gradient(
        of: { loss(input: input.doubles, weight: weight, bias: $0) }, at: bias)
      #expect(scaledMaximumError(parameter.gradient, referenceBias) < 1e-4)
    }
  }

  @Test func kaimingInitHasFanInVariance() {
    var generator = SeededGenerator(seed: 1)
    let layer = Convolution3x3(
      name: "c", inputChannels: 32, outputChannels: 64, hasBias: false, generator: &generator)
    let values = layer.weight.values.doubles
    let mean = values.reduce(0, +) / Double(values.count)
    let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
    // 18,432 draws: the sample variance is within 3% of 2/288 with overwhelming probability.
    #expect(abs(variance / (2.0 / 288) - 1) < 0.03)
    #expect(abs(mean) < 0.003)
  }
}
