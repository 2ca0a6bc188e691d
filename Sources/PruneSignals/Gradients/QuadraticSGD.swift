import PruneCore

/// What one SGD run on a ``QuadraticObjective`` did.
public struct SGDRunSummary: Sendable, Hashable {
  /// f(θ_0).
  public let initialLoss: Double
  /// f after the last step taken.
  public let finalLoss: Double
  /// The largest f seen.
  public let maximumLoss: Double
  /// Steps taken (fewer than asked when the run diverged early).
  public let stepsTaken: Int
  /// True when f exceeded the divergence threshold or became non-finite.
  public let diverged: Bool
}

/// SGD with a gradient scale on a ``QuadraticObjective``: the experiment of claim IB-3.
///
/// One step, with learning rate η, gradient scale s (|D|/|S_t| for InfoBatch's rescaling) and
/// noise multiplier ν (the noise standard deviation relative to Σ, e.g. sqrt(|D|/|S_t|) when a
/// pruned batch is smaller):
/// ```
/// θ ← θ - η s (H (θ - θ*) + ν ξ),   ξ ~ N(0, Σ)
/// ```
/// A run *diverges* when f(θ) exceeds `divergenceFactor` · max(f(θ_0), f_∞) or stops being finite,
/// with f_∞ the stationary loss at 0.99 η_crit (so noise alone never counts as divergence).
/// Above the critical rate the distance to θ* grows by |1 - ηsλ_max| > 1 per step, so with T steps
/// a run is detected as divergent once ηsλ_max ≥ 2 + ln(divergenceFactor)/(2T) roughly: the
/// bisection's answer overshoots 2/(sλ_max) by about ln(divergenceFactor)/(4T) relative.
public struct QuadraticSGD: Sendable, Hashable {
  public let objective: QuadraticObjective
  /// The start θ_0; default θ* + (1, …, 1).
  public let start: [Double]
  /// The loss ratio that counts as divergence; default 1e6.
  public let divergenceFactor: Double

  /// - Throws: ``PruneSignalsError`` when `start` has the wrong length or a non-finite entry, or
  ///   `divergenceFactor` ≤ 1.
  public init(
    objective: QuadraticObjective, start: [Double]? = nil, divergenceFactor: Double = 1e6
  ) throws {
    let theta0 = start ?? objective.minimizer.map { $0 + 1 }
    guard theta0.count == objective.dimension, theta0.allSatisfy(\.isFinite) else {
      throw PruneSignalsError.mismatch(
        detail: "start: start must hold \(objective.dimension) finite values.")
    }
    guard divergenceFactor > 1, divergenceFactor.isFinite else {
      throw PruneSignalsError.outOfRange(
        parameter: "divergenceFactor", value: divergenceFactor, allowed: "(1, inf)")
    }
    self.objective = objective
    self.start = theta0
    self.divergenceFactor = divergenceFactor
  }

  /// One step in place, drawing d Gaussians (in coordinate order) when the noise is not zero.
  public func step(
    _ theta: inout [Double], learningRate: Double, gradientScale: Double = 1,
    noiseScale: Double = 1, generator: inout SeededGenerator
  ) {
    let rate = learningRate * gradientScale
    for j in 0..<objective.dimension {
      var gradient = objective.hessianEigenvalues[j] * (theta[j] - objective.minimizer[j])
      let variance = objective.noiseVariances[j]
      if variance > 0 { gradient += noiseScale * variance.squareRoot() * generator.nextGaussian() }
      theta[j] -= rate * gradient
    }
  }

  /// Runs `steps` steps from ``start`` with draws from `SeededGenerator(seed: seed)`, stopping
  /// early at divergence.
  public func run(
    steps: Int, learningRate: Double, gradientScale: Double = 1, noiseScale: Double = 1,
    seed: UInt64 = 0
  ) -> SGDRunSummary {
    precondition(steps >= 0, "steps must not be negative")
    var generator = SeededGenerator(seed: seed)
    var theta = start
    let initial = objective.value(at: theta)
    let floor = objective.stationaryLoss(
      learningRate: 0.99 * objective.criticalLearningRate(gradientScale: gradientScale),
      gradientScale: gradientScale, noiseScale: noiseScale)
    let threshold = divergenceFactor * max(initial, floor)
    var maximum = initial
    var loss = initial
    for index in 0..<steps {
      step(
        &theta, learningRate: learningRate, gradientScale: gradientScale, noiseScale: noiseScale,
        generator: &generator)
      loss = objective.value(at: theta)
      maximum = max(maximum, loss)
      if !loss.isFinite || loss > threshold {
        return SGDRunSummary(
          initialLoss: initial, finalLoss: loss, maximumLoss: maximum, stepsTaken: index + 1,
          diverged: true)
      }
    }
    return SGDRunSummary(
      initialLoss: initial, finalLoss: loss, maximumLoss: maximum, stepsTaken: steps,
      diverged: false)
  }

  /// The largest stable learning rate found by bisection on divergence.
  ///
  /// Every trial uses the same seed (common random numbers), so divergence is monotone in η for
  /// all practical purposes and the bisection is deterministic.
  ///
  /// - Parameters:
  ///   - bracket: η_low (must not diverge) ... η_high (must diverge).
  ///   - relativeTolerance: Stop when (η_high - η_low) ≤ tolerance · η_low; default 1e-3.
  ///   - steps: T per trial; default 10,000.
  /// - Returns: The midpoint of the final bracket.
  /// - Throws: ``PruneSignalsError`` when the bracket does not bracket divergence or is invalid.
  public func criticalLearningRate(
    gradientScale: Double = 1, noiseScale: Double = 1, bracket: ClosedRange<Double>,
    relativeTolerance: Double = 1e-3, steps: Int = 10_000, seed: UInt64 = 0
  ) throws -> Double {
    guard bracket.lowerBound > 0, bracket.upperBound.isFinite else {
      throw PruneSignalsError.outOfRange(
        parameter: "bracket lower bound", value: bracket.lowerBound, allowed: "(0, upper bound]")
    }
    guard relativeTolerance > 0, steps >= 1 else {
      throw PruneSignalsError.outOfRange(
        parameter: "relativeTolerance", value: relativeTolerance, allowed: "(0, inf)")
    }
    func diverges(_ rate: Double) -> Bool {
      run(
        steps: steps, learningRate: rate, gradientScale: gradientScale, noiseScale: noiseScale,
        seed: seed
      ).diverged
    }
    var low = bracket.lowerBound
    var high = bracket.upperBound
    guard !diverges(low), diverges(high) else {
      throw PruneSignalsError.mismatch(
        detail: "bracket: SGD must converge at \(low) and diverge at \(high); widen the "
          + "bracket around the predicted "
          + "\(objective.criticalLearningRate(gradientScale: gradientScale)).")
    }
    while high - low > relativeTolerance * low {
      let middle = (low + high) / 2
      if diverges(middle) { high = middle } else { low = middle }
    }
    return (low + high) / 2
  }
}
