import PruneCore
import Testing

@testable import PruneSignals

@Suite struct GradientQuadraticTests {
  func objective() throws -> QuadraticObjective {
    let spectrum = try QuadraticObjective.geometricSpectrum(dimension: 6, smallest: 0.1, largest: 4)
    return try QuadraticObjective(
      hessianEigenvalues: spectrum, minimizer: [1, -1, 0, 2, 0.5, 0],
      noiseVariances: [Double](repeating: 0.01, count: 6))
  }

  @Test func valueGradientAndSpectrum() throws {
    let f = try QuadraticObjective(hessianEigenvalues: [1, 3], minimizer: [1, 2])
    #expect(f.value(at: [1, 2]) == 0)
    #expect(f.value(at: [2, 4]) == 0.5 * 1 + 0.5 * 3 * 4)
    #expect(f.gradient(at: [2, 4]) == [1, 6])
    #expect(f.criticalLearningRate() == 2.0 / 3)
    #expect(f.criticalLearningRate(gradientScale: 2) == 1.0 / 3)
    let spectrum = try QuadraticObjective.geometricSpectrum(dimension: 3, smallest: 1, largest: 100)
    #expect(spectrum[0] == 1 && abs(spectrum[1] - 10) < 1e-12 && abs(spectrum[2] - 100) < 1e-12)
  }

  /// Bisection on divergence recovers η_crit = 2/(s λ_max) with λ_max = 4, for s = 1 and for the
  /// rescaled s = |D|/|S_t| = 2 (IB-3: the limit halves).
  ///
  /// Tolerance 2e-3 relative: the bisection stops at a bracket of 1e-3 relative width, and with
  /// T = 5000 steps and a divergence factor 1e6 the detected edge sits above the true one by about
  /// ln(1e6)/(4T) ≈ 7e-4 (QuadraticSGD's documentation); noise (σ² = 0.01) cannot push a stable
  /// run to 1e6 times its start or stationary loss.
  @Test(arguments: [1.0, 2.0])
  func bisectionFindsTheCriticalLearningRate(gradientScale: Double) throws {
    let f = try objective()
    let sgd = try QuadraticSGD(objective: f)
    let predicted = f.criticalLearningRate(gradientScale: gradientScale)
    let found = try sgd.criticalLearningRate(
      gradientScale: gradientScale, bracket: 0.01...2, relativeTolerance: 1e-3, steps: 5000,
      seed: 3)
    #expect(abs(found / predicted - 1) < 2e-3, "found \(found), predicted \(predicted)")
    #expect(found > predicted * (1 - 1e-3))
  }

  @Test func runsConvergeBelowAndDivergeAboveTheLimit() throws {
    let f = try objective()
    let sgd = try QuadraticSGD(objective: f)
    let below = sgd.run(steps: 3000, learningRate: 0.45, seed: 1)
    #expect(!below.diverged && below.finalLoss < below.initialLoss)
    // The stationary loss with noise is Σ η σ² / (2 (2 - ηλ)); the final loss is of that order.
    #expect(below.finalLoss < 20 * f.stationaryLoss(learningRate: 0.45))
    let above = sgd.run(steps: 3000, learningRate: 0.55, seed: 1)
    #expect(above.diverged && above.stepsTaken < 3000)
    #expect(
      sgd.run(steps: 100, learningRate: 0.3, seed: 5)
        == sgd.run(steps: 100, learningRate: 0.3, seed: 5))
  }

  @Test func rejectsBadSettings() throws {
    #expect(throws: PruneSignalsError.self) { try QuadraticObjective(hessianEigenvalues: [1, 0]) }
    #expect(throws: PruneSignalsError.self) {
      try QuadraticObjective(hessianEigenvalues: [1], noiseVariances: [1, 1])
    }
    let sgd = try QuadraticSGD(objective: objective())
    #expect(throws: PruneSignalsError.self) {
      try sgd.criticalLearningRate(bracket: 0.6...2)
    }
  }
}
