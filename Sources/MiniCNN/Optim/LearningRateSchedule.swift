#if canImport(Glibc)
  import Glibc
#endif

/// A learning-rate curve over training progress (cnn.md "Optimiser").
///
/// Progress `p` is the fraction of the planned epochs done: `p = (e + k / S_e) / E` at step `k`
/// of epoch `e` (0-based) when epoch `e` has `S_e` steps. Because `S_e` is read from each epoch's
/// own plan, a pruned epoch with fewer batches walks the same share of the curve as a full one and
/// the schedule can never run past its end (the overflow of InfoBatch issue #27). Let
/// `anneal(a, b, t) = b + (a - b) (1 + cos(pi t)) / 2`, which goes from a at t = 0 to b at t = 1.
public enum LearningRateSchedule: Sendable, Hashable, Codable {
  /// A fixed rate.
  case constant(rate: Double)
  /// OneCycle with cosine annealing (Smith & Topin 2019; PyTorch's `OneCycleLR` defaults):
  /// ```
  /// initial = maximum / initialDivisor,   final = initial / finalDivisor
  /// p <= w:  anneal(initial, maximum, p / w)
  /// p >  w:  anneal(maximum, final, (p - w) / (1 - w))        w = warmupFraction
  /// ```
  case oneCycle(
    maximum: Double, warmupFraction: Double = 0.3, initialDivisor: Double = 25,
    finalDivisor: Double = 1e4)
  /// Cosine decay (Loshchilov & Hutter 2017, one cycle, no restart): `anneal(initial, minimum, p)`.
  case cosine(initial: Double, minimum: Double = 0)
  /// Step decay by epochs: `initial * factor^floor(e / epochsPerStep)`.
  case step(initial: Double, epochsPerStep: Int, factor: Double = 0.1)

  /// Checks the parameters.
  /// - Throws: ``MiniCNNError/outOfRange(parameter:value:allowed:)``.
  public func validated() throws -> LearningRateSchedule {
    func positive(_ name: String, _ value: Double) throws {
      guard value > 0, value.isFinite else {
        throw MiniCNNError.outOfRange(parameter: name, value: value, allowed: "(0, infinity)")
      }
    }
    switch self {
    case .constant(let rate):
      try positive("learningRate", rate)
    case .oneCycle(let maximum, let warmup, let initialDivisor, let finalDivisor):
      try positive("maxLearningRate", maximum)
      try positive("initialDivisor", initialDivisor)
      try positive("finalDivisor", finalDivisor)
      guard warmup > 0, warmup < 1 else {
        throw MiniCNNError.outOfRange(parameter: "warmupFraction", value: warmup, allowed: "(0, 1)")
      }
    case .cosine(let initial, let minimum):
      try positive("learningRate", initial)
      guard minimum >= 0, minimum <= initial else {
        throw MiniCNNError.outOfRange(
          parameter: "minimumLearningRate", value: minimum, allowed: "[0, \(initial)]")
      }
    case .step(let initial, let epochsPerStep, let factor):
      try positive("learningRate", initial)
      try positive("stepFactor", factor)
      guard epochsPerStep >= 1 else {
        throw MiniCNNError.outOfRange(
          parameter: "epochsPerStep", value: Double(epochsPerStep), allowed: "an integer >= 1")
      }
    }
    return self
  }

  /// The rate at progress `p` in [0, 1] during epoch `epoch`.
  public func rate(atProgress p: Double, epoch: Int) -> Double {
    switch self {
    case .constant(let rate):
      return rate
    case .oneCycle(let maximum, let warmup, let initialDivisor, let finalDivisor):
      let initial = maximum / initialDivisor
      let final = initial / finalDivisor
      if p <= warmup { return Self.anneal(from: initial, to: maximum, at: p / warmup) }
      return Self.anneal(from: maximum, to: final, at: (p - warmup) / (1 - warmup))
    case .cosine(let initial, let minimum):
      return Self.anneal(from: initial, to: minimum, at: p)
    case .step(let initial, let epochsPerStep, let factor):
      return initial * pow(factor, Double(epoch / epochsPerStep))
    }
  }

  /// `b + (a - b) (1 + cos(pi t)) / 2`, t clamped to [0, 1].
  static func anneal(from a: Double, to b: Double, at t: Double) -> Double {
    let clamped = min(1, max(0, t))
    return b + (a - b) * (1 + cos(Double.pi * clamped)) / 2
  }
}
