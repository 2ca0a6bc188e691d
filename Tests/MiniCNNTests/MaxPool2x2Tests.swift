import PruneCore
import Testing

@testable import MiniCNN

@Suite struct MaxPool2x2Tests {
  @Test func forwardAndBackwardOnAWorkedExample() {
    // One 4x4 plane (and an odd 5th column/row dropped in the second case below).
    let x: [Float] = [
      1, 5, 2, 2,
      3, 4, 8, 1,
      0, -1, 6, 7,
      -2, -3, 9, 6,
    ]
    let pool = MaxPool2x2()
    let y = scratch(count: 4)
    let xBuffer = scratch(x)
    pool.forward(input: xBuffer.pointer, output: y.pointer, planes: 1, height: 4, width: 4)
    #expect(y.array(count: 4) == [5, 8, 0, 9])
    let dy = scratch([10, 20, 30, 40])
    let dx = scratch(count: 16)
    pool.backward(
      outputGradient: dy.pointer, inputGradient: dx.pointer, planes: 1, height: 4, width: 4)
    #expect(
      dx.array(count: 16) == [
        0, 10, 0, 0,
        0, 0, 20, 0,
        30, 0, 0, 0,
        0, 0, 40, 0,
      ])
    withExtendedLifetime(xBuffer) {}
  }

  @Test func tiesGoToTheFirstElementAndOddEdgesAreDropped() {
    let x: [Float] = [
      2, 2, 7,
      2, 2, 7,
      7, 7, 7,
    ]
    let pool = MaxPool2x2()
    let y = scratch(count: 1)
    let xBuffer = scratch(x)
    pool.forward(input: xBuffer.pointer, output: y.pointer, planes: 1, height: 3, width: 3)
    #expect(y.array(count: 1) == [2])
    let dy = scratch([1])
    let dx = scratch(count: 9)
    pool.backward(
      outputGradient: dy.pointer, inputGradient: dx.pointer, planes: 1, height: 3, width: 3)
    #expect(dx.array(count: 9) == [1, 0, 0, 0, 0, 0, 0, 0, 0])
    withExtendedLifetime(xBuffer) {}
  }

  @Test func backwardMatchesFiniteDifferences() {
    // Distinct values (a random permutation of a grid with spacing 0.1) keep every window's
    // maximum unique by far more than the step.
    let planes = 3
    let count = planes * 6 * 4
    var values = (0..<count).map { Double($0) * 0.1 }
    var generator = SeededGenerator(seed: 41)
    values.seededShuffle(using: &generator)
    let r = DoubleReference.gaussians(planes * 3 * 2, seed: 42)
    let reference = DoubleReference.gradient(
      of: {
        zip(DoubleReference.maxPool($0, planes: planes, height: 6, width: 4), r)
          .reduce(0) { $0 + $1.0 * $1.1 }
      }, at: values)
    let pool = MaxPool2x2()
    let y = scratch(count: r.count)
    let xBuffer = scratch(values.floats)
    pool.forward(input: xBuffer.pointer, output: y.pointer, planes: planes, height: 6, width: 4)
    let dx = scratch(count: count)
    let dy = scratch(r.floats)
    pool.backward(
      outputGradient: dy.pointer, inputGradient: dx.pointer, planes: planes, height: 6, width: 4)
    #expect(scaledMaximumError(dx.array(count: count), reference) < 1e-6)
    withExtendedLifetime(xBuffer) {}
  }
}
