import PropertyBased
import Testing
@testable import PruneCore

@Suite struct SeededSamplingTests {
  @Test func smallShufflesMatchSeededShuffle() {
    for count in [0, 1, 2, 10, 1_000] {
      var a = SeededGenerator(seed: 8)
      var b = SeededGenerator(seed: 8)
      var expected = Array(0..<count)
      expected.seededShuffle(using: &a)
      #expect(b.shuffled(Array(0..<count)) == expected)
      #expect(a.next() == b.next())
    }
  }

  @Test func bucketedShuffleIsAUniformPermutation() {
    let count = 100_000
    #expect(count > SeededGenerator.bucketedShuffleThreshold)
    var generator = SeededGenerator(seed: 12)
    let shuffled = generator.shuffled(Array(0..<count))
    #expect(shuffled.sorted() == Array(0..<count))
    var again = SeededGenerator(seed: 12)
    #expect(again.shuffled(Array(0..<count)) == shuffled)
    // Where the first tenth of the input lands: about 1,000 in each output tenth.
    var landing = [Int](repeating: 0, count: 10)
    for (position, value) in shuffled.enumerated() where value < count / 10 {
      landing[position * 10 / count] += 1
    }
    for tally in landing { #expect(abs(tally - 1_000) < 150) }
  }

  @Test func ascendingSubsetHasTheCountAndUniformInclusion() async {
    await propertyCheck(count: 50, input: Gen.int(in: 0...300), Gen.uint64(in: 0...10_000)) {
      population, seed in
      var generator = SeededGenerator(seed: seed)
      let count = population / 3
      let subset = generator.ascendingSubset(count: count, of: population)
      #expect(subset.count == count)
      #expect(zip(subset, subset.dropFirst()).allSatisfy { $0 < $1 })
      #expect(subset.allSatisfy { $0 >= 0 && $0 < population })
    }
    var generator = SeededGenerator(seed: 1)
    var inclusion = [Int](repeating: 0, count: 10)
    for _ in 0..<20_000 {
      for i in generator.ascendingSubset(count: 3, of: 10) { inclusion[i] += 1 }
    }
    for tally in inclusion { #expect(abs(tally - 6_000) < 300) }
  }

  @Test func partialFisherYatesMovesADistinctSubsetToTheFront() {
    var generator = SeededGenerator(seed: 2)
    var values = Array(0..<50)
    values.withUnsafeMutableBufferPointer {
      generator.moveRandomSubsetToFront(of: $0, length: 50, count: 20)
    }
    #expect(values.sorted() == Array(0..<50))
    #expect(values[0..<20] != Array(0..<20)[...])
  }
}
