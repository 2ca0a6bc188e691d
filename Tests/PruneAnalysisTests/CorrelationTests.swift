import Testing
import _PruneTestSupport
import PruneCore

@testable import PruneAnalysis

@Suite struct CorrelationTests {
  let ascending: [Double] = [1, 2, 3, 4, 5]

  @Test func spearmanOfKnownRankings() throws {
    #expect(
      Tolerance.isClose(
        try Correlation.spearman(ascending, [10, 20, 30, 40, 50]), 1, relative: 1e-15))
    #expect(
      Tolerance.isClose(
        try Correlation.spearman(ascending, [5, 4, 3, 2, 1]), -1, relative: 1e-15))
    // Monotone but not linear: Spearman 1, Pearson below 1.
    #expect(
      Tolerance.isClose(
        try Correlation.spearman(ascending, ascending.map { $0 * $0 * $0 }), 1, relative: 1e-15))
    #expect(try Correlation.pearson(ascending, ascending.map { $0 * $0 * $0 }) < 0.95)
    // d = -1,1,-1,1,0: ρ = 1 - 6·4/(5·24) = 0.8.
    #expect(
      Tolerance.isClose(
        try Correlation.spearman(ascending, [2, 1, 4, 3, 5]), 0.8, relative: 1e-15))
    // Ties get average ranks: x ranks 1, 2.5, 2.5, 4; y ranks 1, 4, 2.5, 2.5; r = 2.25/4.5.
    #expect(
      Tolerance.isClose(
        try Correlation.spearman([1, 2, 2, 3], [1, 3, 2, 2]), 0.5, relative: 1e-15))
  }

  @Test func pearsonOfALine() throws {
    #expect(
      Tolerance.isClose(
        try Correlation.pearson(ascending, ascending.map { 3 - 2 * $0 }), -1, relative: 1e-15))
    // x = 1..5, y = 2,1,4,3,5: cov sum 8, Σdx² = Σdy² = 10 → 0.8.
    #expect(
      Tolerance.isClose(
        try Correlation.pearson(ascending, [2, 1, 4, 3, 5]), 0.8, relative: 1e-15))
  }

  @Test func kendallTauBByHand() throws {
    #expect(try Correlation.kendallTauB(ascending, [10, 20, 30, 40, 50]) == 1)
    #expect(try Correlation.kendallTauB(ascending, [5, 4, 3, 2, 1]) == -1)
    // No ties: discordant pairs (1,2) and (3,4): (8 - 2)/10.
    #expect(try Correlation.kendallTauB(ascending, [2, 1, 4, 3, 5]) == 0.6)
    // With ties: pairs C C C tie-x D tie-y → n_c = 3, n_d = 1, n_1 = n_2 = 1:
    // τ_b = (3 - 1)/sqrt((6 - 1)(6 - 1)) = 0.4.
    #expect(
      Tolerance.isClose(
        try Correlation.kendallTauB([1, 2, 2, 3], [1, 3, 2, 2]), 0.4, relative: 1e-15))
  }

  /// τ_b by counting every pair: the O(n²) definition.
  func bruteForceTauB(_ x: [Double], _ y: [Double]) -> Double {
    var concordant = 0
    var discordant = 0
    var tiedX = 0
    var tiedY = 0
    for i in 0..<x.count {
      for j in (i + 1)..<x.count {
        let dx = x[i] - x[j]
        let dy = y[i] - y[j]
        if dx == 0 { tiedX += 1 }
        if dy == 0 { tiedY += 1 }
        if dx * dy > 0 { concordant += 1 } else if dx * dy < 0 { discordant += 1 }
      }
    }
    let total = x.count * (x.count - 1) / 2
    return Double(concordant - discordant)
      / (Double(total - tiedX) * Double(total - tiedY)).squareRoot()
  }

  @Test(arguments: 0..<40)
  func kendallMatchesPairCountingWithTies(seed: UInt64) throws {
    var generator = SeededGenerator(seed: seed)
    let count = 2 + generator.nextIndex(below: 60)
    let levels = 1 + generator.nextIndex(below: 8)  // few levels: many ties
    var x = (0..<count).map { _ in Double(generator.nextIndex(below: levels)) }
    let y = x.map { $0 + Double(generator.nextIndex(below: 4)) }
    x[0] = -1  // not constant
    guard Set(y).count > 1 else { return }
    let fast = try Correlation.kendallTauB(x, y)
    #expect(abs(fast - bruteForceTauB(x, y)) <= 1e-12, "n = \(count)")
  }

  @Test func correlationsOfAConstantAreUndefined() {
    #expect(throws: PruneAnalysisError.self) { try Correlation.pearson([1, 1, 1], [1, 2, 3]) }
    #expect(throws: PruneAnalysisError.self) { try Correlation.spearman([1, 2, 3], [4, 4, 4]) }
    #expect(throws: PruneAnalysisError.self) { try Correlation.kendallTauB([1, 1], [1, 2]) }
    #expect(throws: PruneAnalysisError.lengthMismatch(function: "spearman", first: 3, second: 2)) {
      try Correlation.spearman([1, 2, 3], [1, 2])
    }
  }
}
