import PruneCore

/// Draws per-sample gradients whose norms follow the samples' losses to a chosen degree.
///
/// See ``PerSampleGradientConfiguration`` for the model and its knobs. Draws come from
/// `SeededGenerator(seed: configuration.seed, stream: stream)`, sample by sample in index order
/// (each sample's ε_i in ``GradientNoise``'s draw order), so the output is a pure function of the
/// configuration, the losses and the stream: same inputs, same bytes.
public struct PerSampleGradientGenerator: Sendable, Hashable {
  public let configuration: PerSampleGradientConfiguration

  public init(configuration: PerSampleGradientConfiguration) {
    self.configuration = configuration
  }

  /// One gradient per loss.
  ///
  /// - Parameters:
  ///   - losses: ℓ_i ≥ 0, finite, with a positive mean; at least one.
  ///   - stream: Selects an independent draw (e.g. the epoch or the Monte-Carlo repetition).
  /// - Returns: n × d gradients.
  /// - Throws: ``PruneSignalsError`` for an empty loss list, a negative or non-finite loss, or
  ///   losses that are all zero while c ≠ 0.
  /// - Complexity: O(*n d* (*k* + 1)) for the draws plus O(*n* log *n*) for c < 0 (ranking).
  public func gradients(forLosses losses: [Double], stream: UInt64 = 0) throws
    -> PerSampleGradients
  {
    guard !losses.isEmpty else {
      throw PruneSignalsError.outOfRange(
        parameter: "losses count", value: 0, allowed: "an integer >= 1")
    }
    for (sample, loss) in losses.enumerated() where !(loss >= 0 && loss.isFinite) {
      throw PruneSignalsError.outOfRange(
        parameter: "loss of sample \(sample)", value: loss, allowed: "[0, inf)")
    }
    let n = losses.count
    let d = configuration.dimension
    let coupling = configuration.lossCoupling
    let meanLoss = losses.reduce(0, +) / Double(n)
    guard coupling == 0 || meanLoss > 0 else {
      throw PruneSignalsError.mismatch(
        detail: "every loss is zero, so a norm proportional to the loss is undefined; pass "
          + "positive losses or lossCoupling = 0.")
    }

    var generator = SeededGenerator(seed: configuration.seed, stream: stream)
    var values = [Double](repeating: 0, count: n * d)
    var naturalNorms = [Double](repeating: 0, count: n)
    var row = [Double](repeating: 0, count: d)
    for sample in 0..<n {
      for j in 0..<d { row[j] = configuration.meanDirection[j] }
      configuration.noise.addDraw(to: &row, using: &generator)
      var squared = 0.0
      for j in 0..<d {
        values[sample * d + j] = row[j]
        squared += row[j] * row[j]
      }
      naturalNorms[sample] = squared.squareRoot()
    }
    guard coupling != 0 else {
      return PerSampleGradients(sampleCount: n, dimension: d, values: values)
    }

    let meanNorm = naturalNorms.reduce(0, +) / Double(n)
    let tiedLosses = coupling > 0 ? losses : Self.mirroredByRank(losses)
    let weight = abs(coupling)
    for sample in 0..<n {
      let natural = naturalNorms[sample]
      guard natural > 0 else { continue }
      let target = (1 - weight) * natural + weight * meanNorm * tiedLosses[sample] / meanLoss
      let scale = target / natural
      for j in 0..<d { values[sample * d + j] *= scale }
    }
    return PerSampleGradients(sampleCount: n, dimension: d, values: values)
  }

  /// Gives sample i the loss whose ascending rank is n-1-rank(i) (ties broken by index), so the
  /// result has the same values in reversed order of the original ranking.
  static func mirroredByRank(_ losses: [Double]) -> [Double] {
    let order = losses.indices.sorted {
      losses[$0] != losses[$1] ? losses[$0] < losses[$1] : $0 < $1
    }
    var mirrored = losses
    for (rank, sample) in order.enumerated() {
      mirrored[sample] = losses[order[order.count - 1 - rank]]
    }
    return mirrored
  }
}
