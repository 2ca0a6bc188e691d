import PruneCore
import Testing

@testable import PruneSignals

@Suite struct NormalQuantileTests {
  @Test(arguments: [
    (0.5, 0.0), (0.975, 1.959963984540054), (0.025, -1.959963984540054),
    (0.8413447460685429, 1.0), (1e-10, -6.361340902404056), (0.999, 3.090232306167813),
  ])
  func matchesReferenceQuantiles(p: Double, expected: Double) {
    #expect(abs(NormalQuantile.value(at: p) - expected) <= 1e-12 * max(1, abs(expected)))
  }

  @Test func drawsHaveUnitMomentsAndAreSeeded() {
    var generator = SeededGenerator(seed: 9)
    var sum = 0.0
    var squares = 0.0
    let count = 50_000
    for _ in 0..<count {
      let x = RandomDraws.gaussian(using: &generator)
      sum += x
      squares += x * x
    }
    #expect(abs(sum / Double(count)) < 0.02)
    #expect(abs(squares / Double(count) - 1) < 0.03)
    var a = SeededGenerator(seed: 4)
    var b = SeededGenerator(seed: 4)
    #expect(RandomDraws.gaussian(using: &a) == RandomDraws.gaussian(using: &b))
  }
}
