import Testing

@testable import MiniCNN

@Suite struct GlobalAveragePoolTests {
  @Test func forwardAndBackwardMatchTheDefinition() {
    let planes = 4
    let plane = 6
    let x = DoubleReference.gaussians(planes * plane, seed: 51)
    let r = DoubleReference.gaussians(planes, seed: 52)
    let y = scratch(count: planes)
    let xBuffer = scratch(x.floats)
    GlobalAveragePool.forward(
      input: xBuffer.pointer, output: y.pointer, planes: planes, plane: plane)
    let expected = DoubleReference.globalAveragePool(x.floats.doubles, planes: planes, plane: plane)
    #expect(scaledMaximumError(y.array(count: planes), expected) < 1e-6)
    let dy = scratch(r.floats)
    let dx = scratch(count: planes * plane)
    GlobalAveragePool.backward(
      outputGradient: dy.pointer, inputGradient: dx.pointer, planes: planes, plane: plane)
    let reference = DoubleReference.gradient(
      of: {
        zip(DoubleReference.globalAveragePool($0, planes: planes, plane: plane), r)
          .reduce(0) { $0 + $1.0 * $1.1 }
      }, at: x)
    #expect(scaledMaximumError(dx.array(count: planes * plane), reference) < 1e-6)
    withExtendedLifetime(xBuffer) {}
  }
}
