import Testing

@testable import MiniCNN

/// The SGD update against values computed by hand from PyTorch's formulation.
@Suite struct SGDOptimizerTests {
  static func parameters() -> [Parameter] {
    let weight = Parameter(name: "w", kind: .weight, values: [1, -2])
    let bias = Parameter(name: "b", kind: .bias, values: [0.5])
    return [weight, bias]
  }

  static func setGradients(_ parameters: [Parameter], _ gradients: [[Float]]) {
    for (p, g) in zip(parameters, gradients) { p.gradient = g }
  }

  @Test func plainMomentumWithWeightDecay() throws {
    // mu = 0.5, lambda = 0.1, lr = 0.25 (values chosen to be exact in binary).
    var optimizer = SGDOptimizer(
      configuration: try SGDConfiguration(momentum: 0.5, weightDecay: 0.125))
    let p = Self.parameters()
    Self.setGradients(p, [[2, 4], [1]])
    optimizer.step(p, learningRate: 0.25)
    // g = grad + 0.125 w = (2.125, 3.75), (1.0625); v = g; w -= 0.25 v
    let weights: [Float] = [0.46875, -2.9375]  // 1 - 0.25 * 2.125, -2 - 0.25 * 3.75
    let bias: [Float] = [0.234375]  // 0.5 - 0.25 * 1.0625
    #expect(p[0].values == weights)
    #expect(p[1].values == bias)
    Self.setGradients(p, [[0, 0], [0]])
    let w0 = p[0].values
    optimizer.step(p, learningRate: 0.25)
    // g = 0.125 w; v = 0.5 v_prev + g
    let v0: Float = 0.5 * 2.125 + 0.125 * w0[0]
    #expect(p[0].values[0] == w0[0] - 0.25 * v0)
    #expect(optimizer.stepCount == 2)
  }

  @Test func nesterovLooksAhead() throws {
    var optimizer = SGDOptimizer(
      configuration: try SGDConfiguration(momentum: 0.5, weightDecay: 0, isNesterov: true))
    let p = Self.parameters()
    Self.setGradients(p, [[2, 4], [1]])
    optimizer.step(p, learningRate: 0.25)
    // v = g; d = g + 0.5 v = 1.5 g
    let expected: [Float] = [0.25, -3.5]  // 1 - 0.25 * 3, -2 - 0.25 * 6
    #expect(p[0].values == expected)
    Self.setGradients(p, [[1, 0], [0]])
    optimizer.step(p, learningRate: 0.25)
    // v = 0.5 * 2 + 1 = 2; d = 1 + 0.5 * 2 = 2
    let second: Float = -0.25  // 0.25 - 0.25 * 2
    #expect(p[0].values[0] == second)
  }

  @Test func exemptionSkipsDecayOnBiasesAndNormalization() throws {
    var optimizer = SGDOptimizer(
      configuration: try SGDConfiguration(
        momentum: 0, weightDecay: 0.5, exemptsNormalizationAndBiasFromDecay: true))
    let p = Self.parameters() + [Parameter(name: "g", kind: .normalizationScale, values: [2])]
    Self.setGradients(p, [[0, 0], [0], [0]])
    optimizer.step(p, learningRate: 1)
    #expect(p[0].values == [0.5, -1])  // decayed: w - 0.5 w
    #expect(p[1].values == [0.5])  // bias untouched
    #expect(p[2].values == [2])  // gamma untouched
  }

  @Test func stateRoundTripsAndResumesIdentically() throws {
    let configuration = try SGDConfiguration()
    var a = SGDOptimizer(configuration: configuration)
    let pa = Self.parameters()
    Self.setGradients(pa, [[0.3, -0.1], [0.7]])
    a.step(pa, learningRate: 0.1)
    var b = SGDOptimizer(configuration: configuration)
    let pb = Self.parameters()
    for (x, y) in zip(pb, pa) { x.values = y.values }
    try b.restore(a.state, parameters: pb)
    Self.setGradients(pa, [[0.2, 0.2], [-0.4]])
    Self.setGradients(pb, [[0.2, 0.2], [-0.4]])
    a.step(pa, learningRate: 0.1)
    b.step(pb, learningRate: 0.1)
    #expect(pa.map(\.values) == pb.map(\.values))
    #expect(throws: MiniCNNError.self) {
      try b.restore(a.state, parameters: [Parameter(name: "x", kind: .weight, values: [1])])
    }
  }

  @Test(arguments: [(-0.1, 5e-4), (1.0, 5e-4), (0.9, -1.0), (Double.nan, 0.0)])
  func rejectsBadSettings(momentum: Double, weightDecay: Double) {
    #expect(throws: MiniCNNError.self) {
      try SGDConfiguration(momentum: momentum, weightDecay: weightDecay)
    }
  }
}
