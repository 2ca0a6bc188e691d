import Testing
@testable import PruneCore

@Suite struct SeededGeneratorTests {
  @Test func sameSeedSameStream() {
    var a = SeededGenerator(seed: 42, stream: 3)
    var b = SeededGenerator(seed: 42, stream: 3)
    for _ in 0..<1000 { #expect(a.next() == b.next()) }
  }

  @Test func streamsDiffer() {
    var a = SeededGenerator(seed: 42, stream: 3)
    var b = SeededGenerator(seed: 42, stream: 4)
    let same = (0..<100).filter { _ in a.next() == b.next() }.count
    #expect(same == 0)
  }

  @Test func unitDrawsAreInRangeWithMeanNearHalf() {
    var g = SeededGenerator(seed: 7)
    var total = 0.0
    for _ in 0..<100_000 {
      let u = g.nextUnit()
      #expect(u >= 0 && u < 1)
      total += u
    }
    #expect(abs(total / 100_000 - 0.5) < 0.005)
  }

  @Test func indexDrawsAreUniform() {
    var g = SeededGenerator(seed: 9)
    var counts = [Int](repeating: 0, count: 7)
    for _ in 0..<70_000 { counts[g.nextIndex(below: 7)] += 1 }
    for c in counts { #expect(abs(c - 10_000) < 500) }
  }

  @Test func shuffleIsAPermutationAndDeterministic() {
    var g1 = SeededGenerator(seed: 1)
    var g2 = SeededGenerator(seed: 1)
    var a = Array(0..<100)
    var b = Array(0..<100)
    a.seededShuffle(using: &g1)
    b.seededShuffle(using: &g2)
    #expect(a == b)
    #expect(a.sorted() == Array(0..<100))
    #expect(a != Array(0..<100))
  }
}
