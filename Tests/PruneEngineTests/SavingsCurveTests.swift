import Testing

@testable import PruneEngine

/// ``SavingsCurve``: exact values on hand-made saving curves.
@Suite struct SavingsCurveTests {
  static func curve(_ pairs: [(Double, Double)]) throws -> SavingsCurve {
    try SavingsCurve(
      points: pairs.map { SavingsCalibration.Evaluation(parameter: $0.0, savedFraction: $0.1) },
      parameterName: "p")
  }

  /// saved = p² at p = 0, 1/4, 1/2, 3/4, 1 (given out of order).
  static func square() throws -> SavingsCurve {
    try curve([(0.5, 0.25), (0, 0), (1, 1), (0.25, 0.0625), (0.75, 0.5625)])
  }

  @Test func theLineBetweenNodesAndItsInverse() throws {
    let curve = try Self.square()
    #expect(curve.points.map(\.parameter) == [0, 0.25, 0.5, 0.75, 1])
    #expect(curve.fitted == [0, 0.0625, 0.25, 0.5625, 1])
    // On [1/4, 1/2]: s = 1/16 + (p - 1/4) * 3/4.
    #expect(abs(curve.saving(at: 0.375) - 0.15625) < 1e-15)
    // t = 1/8: p = 1/4 + (1/16) / (3/4) = 1/3.
    let match = curve.parameter(for: 0.125)
    #expect(abs(match.parameter - 1.0 / 3) < 1e-15)
    #expect(abs(match.predictedSaving - 0.125) < 1e-15)
    #expect(match.isReachable)
    // A node is hit exactly.
    #expect(curve.parameter(for: 0.25).parameter == 0.5)
    #expect(curve.saving(at: 0.75) == 0.5625)
  }

  @Test func theErrorEstimateIsExactForAQuadratic() throws {
    let curve = try Self.square()
    // The line lies above p² on [a, b] by (p - a)(b - p); the divided difference is 1.
    let match = curve.parameter(for: 0.125)
    #expect(abs(match.interpolationError - (1.0 / 3 - 0.25) * (0.5 - 1.0 / 3)) < 1e-15)
    #expect(abs(match.interpolationError - (0.125 - match.parameter * match.parameter)) < 1e-15)
    #expect(curve.interpolationError(at: 0.5) == 0)
    // Two points measure no curvature; a straight line has none.
    #expect(try Self.curve([(0, 0), (1, 0.5)]).interpolationError(at: 0.3) == 0)
    let line = try Self.curve([(0, 0), (0.5, 0.25), (1, 0.5)])
    #expect(line.interpolationError(at: 0.3) == 0)
    #expect(abs(line.parameter(for: 0.2).parameter - 0.4) < 1e-15)
  }

  @Test func noisyPointsAreMadeMonotoneFirst() throws {
    #expect(SavingsCurve.isotonic([0.1, 0.3, 0.2, 0.4]) == [0.1, 0.25, 0.25, 0.4])
    #expect(SavingsCurve.isotonic([0.75, 0.5, 0.25]) == [0.5, 0.5, 0.5])
    #expect(SavingsCurve.isotonic([0.2, 0.2, 0.5]) == [0.2, 0.2, 0.5])
    let curve = try Self.curve([(0.3, 0.1), (0.5, 0.3), (0.7, 0.2), (0.9, 0.4)])
    #expect(curve.fitted == [0.1, 0.25, 0.25, 0.4])
    // On the flat stretch the first parameter reaching the target.
    #expect(curve.parameter(for: 0.25).parameter == 0.5)
    // Above it, the segment [0.7, 0.9]: 0.7 + 0.075 / 0.15 * 0.2 = 0.8.
    #expect(abs(curve.parameter(for: 0.325).parameter - 0.8) < 1e-12)
  }

  @Test func aTargetBeyondTheGridIsTheClosestEndAndUnreachable() throws {
    let curve = try Self.curve([(0.3, 0.18), (0.5, 0.3), (0.9, 0.55)])
    let high = curve.parameter(for: 0.7)
    #expect(high.parameter == 0.9 && !high.isReachable && high.predictedSaving == 0.55)
    let low = curve.parameter(for: 0.1)
    #expect(low.parameter == 0.3 && !low.isReachable)
    // Within the tolerance of an end: that end, reached.
    let near = curve.parameter(for: 0.554, tolerance: 0.005)
    #expect(near.parameter == 0.9 && near.isReachable)
    #expect(!curve.parameter(for: 0.556, tolerance: 0.005).isReachable)
  }

  @Test func badPointsAreNamed() throws {
    #expect(throws: PruneEngineError.self) { try Self.curve([(0.5, 0.3)]) }
    #expect(throws: PruneEngineError.self) { try Self.curve([(0.5, 0.3), (0.5, 0.31)]) }
    #expect(throws: PruneEngineError.self) { try Self.curve([(0.5, 0.3), (0.7, 1.2)]) }
    #expect(throws: PruneEngineError.self) { try Self.curve([(0.5, 0.3), (.nan, 0.2)]) }
  }
}
