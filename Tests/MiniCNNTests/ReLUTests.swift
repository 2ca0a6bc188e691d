import Testing

@testable import MiniCNN

@Suite struct ReLUTests {
  @Test func forwardAndBackwardOnKnownValues() {
    let x: [Float] = [-2, -0.5, 0, 0.25, 3]
    let y = scratch(count: 5)
    let xBuffer = scratch(x)
    ReLU.forward(input: xBuffer.pointer, output: y.pointer, count: 5)
    #expect(y.array(count: 5) == [0, 0, 0, 0.25, 3])
    let g = scratch([1, 2, 3, 4, 5])
    ReLU.backward(output: y.pointer, outputGradient: g.pointer, inputGradient: g.pointer, count: 5)
    // The subgradient at 0 is 0, as PyTorch.
    #expect(g.array(count: 5) == [0, 0, 0, 4, 5])
    withExtendedLifetime(xBuffer) {}
  }

  @Test func backwardMatchesFiniteDifferencesAwayFromTheKink() {
    // Inputs at least 0.05 from 0, so a step of 1e-5 never crosses the kink.
    let x = DoubleReference.gaussians(40, seed: 31).map { $0 + ($0 >= 0 ? 0.05 : -0.05) }
    let r = DoubleReference.gaussians(40, seed: 32)
    let reference = DoubleReference.gradient(
      of: { zip(DoubleReference.relu($0), r).reduce(0) { $0 + $1.0 * $1.1 } }, at: x)
    let y = scratch(count: 40)
    let xBuffer = scratch(x.floats)
    ReLU.forward(input: xBuffer.pointer, output: y.pointer, count: 40)
    let g = scratch(r.floats)
    ReLU.backward(output: y.pointer, outputGradient: g.pointer, inputGradient: g.pointer, count: 40)
    #expect(scaledMaximumError(g.array(count: 40), reference) < 1e-6)
    withExtendedLifetime(xBuffer) {}
  }
}
