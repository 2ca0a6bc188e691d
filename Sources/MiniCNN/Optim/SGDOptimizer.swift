/// Stochastic gradient descent with momentum, L2 weight decay and optional Nesterov momentum,
/// in PyTorch's formulation (`torch.optim.SGD`, dampening 0):
/// ```
/// g = grad + lambda * w            (lambda = 0 for exempted kinds)
/// v = mu * v + g                   (v starts at 0, so the first v is g)
/// d = nesterov ? g + mu * v : v
/// w = w - lr * d
/// ```
/// All in float32, element by element.
public struct SGDOptimizer: Sendable {
  /// The settings.
  public let configuration: SGDConfiguration
  /// The momentum buffers, one per parameter, in the network's ``ConvolutionalNetwork/parameters``
  /// order; empty until the first step.
  public private(set) var velocities: [[Float]]
  /// The number of steps taken.
  public private(set) var stepCount: Int

  public init(configuration: SGDConfiguration) {
    self.configuration = configuration
    velocities = []
    stepCount = 0
  }

  /// Updates every parameter from its ``Parameter/gradient``.
  public mutating func step(_ parameters: [Parameter], learningRate: Double) {
    if velocities.isEmpty {
      velocities = parameters.map { [Float](repeating: 0, count: $0.count) }
    }
    precondition(velocities.count == parameters.count, "the same parameters at every step")
    let mu = Float(configuration.momentum)
    let lr = Float(learningRate)
    let nesterov = configuration.isNesterov
    for (index, parameter) in parameters.enumerated() {
      let lambda = configuration.decays(parameter.kind) ? Float(configuration.weightDecay) : 0
      let count = parameter.count
      precondition(velocities[index].count == count, "a parameter changed size")
      parameter.values.withUnsafeMutableBufferPointer { w in
        parameter.gradient.withUnsafeBufferPointer { grad in
          velocities[index].withUnsafeMutableBufferPointer { v in
            for i in 0..<count {
              let g = grad[i] + lambda * w[i]
              let velocity = mu * v[i] + g
              v[i] = velocity
              let direction = nesterov ? g + mu * velocity : velocity
              w[i] -= lr * direction
            }
          }
        }
      }
    }
    stepCount += 1
  }

  /// Everything needed to resume: the momentum buffers and the step count.
  public struct State: Sendable, Codable, Equatable {
    public var velocities: [[Float]]
    public var stepCount: Int
  }

  /// A snapshot for checkpoints.
  public var state: State { State(velocities: velocities, stepCount: stepCount) }

  /// Restores a snapshot taken from an optimiser of the same network.
  /// - Throws: ``MiniCNNError/incompatibleState(reason:)`` when the buffers do not fit.
  public mutating func restore(_ state: State, parameters: [Parameter]) throws {
    if !state.velocities.isEmpty {
      guard state.velocities.count == parameters.count else {
        throw MiniCNNError.incompatibleState(
          reason: "the optimiser state has \(state.velocities.count) buffers but the network "
            + "has \(parameters.count) parameters; restore it into the network it was saved from.")
      }
      for (v, p) in zip(state.velocities, parameters) where v.count != p.count {
        throw MiniCNNError.incompatibleState(
          reason: "momentum buffer of \(p.name) has \(v.count) values, the parameter \(p.count).")
      }
    }
    velocities = state.velocities
    stepCount = state.stepCount
  }
}
