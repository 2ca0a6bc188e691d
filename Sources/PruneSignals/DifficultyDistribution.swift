import PruneCore

/// How per-sample difficulty d_i is spread over the data set.
///
/// A sample of difficulty d needs d times as many (weighted) visits as a sample of difficulty 1 to
/// reach the same loss (see ``SyntheticLearner``). Real data sets mix many easy samples with a
/// long tail of hard ones, which a right-skewed distribution captures.
public enum DifficultyDistribution: Sendable, Hashable {
  /// Every sample has difficulty `value`.
  case constant(Double)
  /// log d ~ Normal(log median, sigma²): median `median`, heavier right tail as sigma grows.
  case logNormal(median: Double, sigma: Double)
  /// d ~ Gamma(shape, scale): mean shape x scale; shape < 1 gives many very easy samples.
  case gamma(shape: Double, scale: Double)

  /// Checks the parameters: every one must be finite and positive (sigma may be 0).
  public func validated() throws -> DifficultyDistribution {
    switch self {
    case .constant(let value):
      try requirePositive(value, "difficulty")
    case .logNormal(let median, let sigma):
      try requirePositive(median, "difficultyMedian")
      guard sigma >= 0, sigma <= 5 else {
        throw PruneSignalsError.outOfRange(
          parameter: "difficultySigma", value: sigma, allowed: "[0, 5]")
      }
    case .gamma(let shape, let scale):
      try requirePositive(shape, "difficultyShape")
      try requirePositive(scale, "difficultyScale")
    }
    return self
  }

  /// One draw, made from `generator`.
  @usableFromInline
  func draw(using generator: inout SeededGenerator) -> Double {
    switch self {
    case .constant(let value):
      return value
    case .logNormal(let median, let sigma):
      return median * RandomDraws.exp(sigma * generator.nextGaussian())
    case .gamma(let shape, let scale):
      return scale * RandomDraws.gamma(shape: shape, using: &generator)
    }
  }

  /// A short text for manifests (`"logNormal(median: 1.0, sigma: 1.0)"`).
  public var summary: String {
    switch self {
    case .constant(let value): return "constant(\(value))"
    case .logNormal(let median, let sigma): return "logNormal(median: \(median), sigma: \(sigma))"
    case .gamma(let shape, let scale): return "gamma(shape: \(shape), scale: \(scale))"
    }
  }
}

func requirePositive(_ value: Double, _ parameter: String) throws {
  guard value > 0, value.isFinite else {
    throw PruneSignalsError.outOfRange(
      parameter: parameter, value: value, allowed: "(0, infinity), finite")
  }
}
