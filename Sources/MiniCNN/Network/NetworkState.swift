/// Everything a network needs to resume exactly: its configuration, every parameter's values and
/// BN's running statistics. Floats are kept as `[Float]`, so any encoder that round-trips floats
/// exactly (JSONEncoder does: it writes the shortest representation that reads back the same
/// bits) restores the same bytes.
public struct NetworkState: Sendable, Codable, Equatable {
  /// One named array.
  public struct NamedValues: Sendable, Codable, Equatable {
    public var name: String
    public var values: [Float]
  }

  public var configuration: NetworkConfiguration
  /// Parameters in ``ConvolutionalNetwork/parameters`` order.
  public var parameters: [NamedValues]
  /// Running means then running variances of each BN layer (`bn1.runningMean`, ...).
  public var runningStatistics: [NamedValues]
}

extension ConvolutionalNetwork {
  /// A snapshot of the weights and running statistics.
  public var state: NetworkState {
    var running: [NetworkState.NamedValues] = []
    for (index, bn) in normalizations.enumerated() {
      running.append(.init(name: "bn\(index + 1).runningMean", values: bn.runningMean))
      running.append(.init(name: "bn\(index + 1).runningVariance", values: bn.runningVariance))
    }
    return NetworkState(
      configuration: configuration,
      parameters: parameters.map { .init(name: $0.name, values: $0.values) },
      runningStatistics: running)
  }

  /// Builds a network from a snapshot.
  /// - Throws: ``MiniCNNError/incompatibleState(reason:)`` when the snapshot is inconsistent.
  public convenience init(state: NetworkState) throws {
    self.init(configuration: state.configuration)
    try restore(state)
  }

  /// Overwrites weights and running statistics with a snapshot of a network of the same shape.
  /// - Throws: ``MiniCNNError/incompatibleState(reason:)`` naming the first mismatch.
  public func restore(_ state: NetworkState) throws {
    guard state.configuration == configuration else {
      throw MiniCNNError.incompatibleState(
        reason: "the snapshot is of a network \(state.configuration), this one is "
          + "\(configuration); build the network from the snapshot's configuration.")
    }
    guard state.parameters.count == parameters.count,
      state.runningStatistics.count == 2 * normalizations.count
    else {
      throw MiniCNNError.incompatibleState(
        reason: "the snapshot has \(state.parameters.count) parameters and "
          + "\(state.runningStatistics.count) running statistics; the network needs "
          + "\(parameters.count) and \(2 * normalizations.count).")
    }
    for (saved, parameter) in zip(state.parameters, parameters) {
      guard saved.name == parameter.name, saved.values.count == parameter.count else {
        throw MiniCNNError.incompatibleState(
          reason: "snapshot entry \(saved.name) (\(saved.values.count) values) does not match "
            + "parameter \(parameter.name) (\(parameter.count) values).")
      }
    }
    for (index, bn) in normalizations.enumerated() {
      let mean = state.runningStatistics[2 * index].values
      let variance = state.runningStatistics[2 * index + 1].values
      guard mean.count == bn.channels, variance.count == bn.channels else {
        throw MiniCNNError.incompatibleState(
          reason: "running statistics of bn\(index + 1) have \(mean.count) and "
            + "\(variance.count) values; the layer has \(bn.channels) channels.")
      }
    }
    for (saved, parameter) in zip(state.parameters, parameters) { parameter.values = saved.values }
    for (index, bn) in normalizations.enumerated() {
      bn.runningMean = state.runningStatistics[2 * index].values
      bn.runningVariance = state.runningStatistics[2 * index + 1].values
    }
  }
}
